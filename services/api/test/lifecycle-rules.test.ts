import t from 'tap';
import { addDays, consultationPhase, osloToday } from '../src/plans/consultation-window.js';
import {
  adoptionRefusal,
  answerRefusal,
  discardRefusal,
  editRefusal,
  inputRefusal,
  MAX_CONSULTATION_DAYS,
  openConsultationRefusal,
  returnToDraftRefusal,
  revisionRefusal,
  type VersionState,
} from '../src/plans/lifecycle.js';
import { placeAt, positionChanges } from '../src/plans/ordering.js';
import { periodProblem } from '../src/plans/period.js';

const TODAY = '2026-11-23';
const window = (opensOn: string, closesOn: string) => ({ opensOn, closesOn });
const draft: VersionState = { status: 'draft', consultation: null };
const consultation = (opensOn: string, closesOn: string): VersionState => ({ status: 'consultation', consultation: window(opensOn, closesOn) });
const scheduled = consultation('2026-12-01', '2026-12-31');
const open = consultation('2026-11-01', '2026-11-30');
const closed = consultation('2026-09-22', '2026-11-03');
const adopted: VersionState = { status: 'adopted', consultation: window('2024-09-22', '2024-11-03') };
const superseded: VersionState = { status: 'superseded', consultation: null };
const adoption = (decidedOn: string) => ({ decidedBy: 'municipal_council' as const, decision: 'adopted' as const, decidedOn, caseReference: '26/1' });

t.test('a consultation window, in Norwegian days, both ends included', async (t) => {
  const w = window('2026-09-22', '2026-11-03');
  t.equal(consultationPhase(w, '2026-09-21'), 'scheduled', 'the day before it opens');
  t.equal(consultationPhase(w, '2026-09-22'), 'open', 'the opening day');
  t.equal(consultationPhase(w, '2026-11-03'), 'open', 'the closing day');
  t.equal(consultationPhase(w, '2026-11-04'), 'closed', 'the day after');
  t.equal(osloToday(new Date('2026-11-23T22:59:59Z')), '2026-11-23', '23:59 in Oslo (winter time) is still the 23rd');
  t.equal(osloToday(new Date('2026-11-23T23:00:00Z')), '2026-11-24', 'midnight in Oslo is the 24th, though UTC says the 23rd');
  t.equal(osloToday(new Date('2026-06-30T22:00:00Z')), '2026-07-01', 'summer time: UTC+2');
  t.equal(addDays('2026-12-31', 1), '2027-01-01');
  t.equal(addDays('2026-03-01', -1), '2026-02-28');
});

t.test('every step from every state: allowed or refused with a reason', async (t) => {
  const cases: [string, string | null, RegExp?][] = [
    ['edit a draft', editRefusal(draft)],
    ['edit in consultation', editRefusal(open), /return it to draft/],
    ['edit adopted', editRefusal(adopted), /never changes/],
    ['edit superseded', editRefusal(superseded), /never changes/],

    ['open consultation on a draft', openConsultationRefusal(draft, window(TODAY, '2026-12-31'), TODAY)],
    ['open consultation starting later', openConsultationRefusal(draft, window('2027-01-01', '2027-02-01'), TODAY)],
    ['open consultation for today only', openConsultationRefusal(draft, window(TODAY, TODAY), TODAY)],
    ['open consultation back-dated', openConsultationRefusal(draft, window('2026-02-01', '2026-12-01'), TODAY), /cannot open in the past/],
    ['open consultation that closed yesterday', openConsultationRefusal(draft, window('2026-11-01', '2026-11-22'), TODAY), /cannot open in the past/],
    ['open consultation closing before opening', openConsultationRefusal(draft, window('2026-12-10', '2026-12-01'), TODAY), /before it opens/],
    ['open a year-long consultation', openConsultationRefusal(draft, window(TODAY, addDays(TODAY, MAX_CONSULTATION_DAYS)), TODAY), /at most 366 days/],
    ['open consultation again', openConsultationRefusal(open, window(TODAY, '2026-12-31'), TODAY), /Only a draft/],
    ['open consultation on adopted', openConsultationRefusal(adopted, window(TODAY, '2026-12-31'), TODAY), /Only a draft/],
    ['open consultation on superseded', openConsultationRefusal(superseded, window(TODAY, '2026-12-31'), TODAY), /Only a draft/],

    ['return a closed consultation to draft', returnToDraftRefusal(closed, TODAY)],
    ['withdraw a scheduled consultation', returnToDraftRefusal(scheduled, TODAY)],
    ['return an open consultation', returnToDraftRefusal(open, TODAY), /open until 2026-11-30/],
    ['return a draft', returnToDraftRefusal(draft, TODAY), /Only a version in consultation/],
    ['return adopted', returnToDraftRefusal(adopted, TODAY), /Only a version in consultation/],
    ['return superseded', returnToDraftRefusal(superseded, TODAY), /Only a version in consultation/],

    ['adopt a draft without consultation', adoptionRefusal(draft, adoption(TODAY), TODAY, 0)],
    ['adopt after a closed consultation', adoptionRefusal(closed, adoption(TODAY), TODAY, 0)],
    ['adopt a draft that was in consultation', adoptionRefusal({ status: 'draft', consultation: closed.consultation }, adoption('2026-11-20'), TODAY, 0)],
    ['adopt during consultation', adoptionRefusal(open, adoption(TODAY), TODAY, 0), /open until/],
    ['adopt before consultation opens', adoptionRefusal(scheduled, adoption(TODAY), TODAY, 0), /open until/],
    ['adopt with a decision before the consultation closed', adoptionRefusal(closed, adoption('2026-11-03'), TODAY, 0), /must come after the consultation’s last day \(2026-11-03\)/],
    ['adopt with a decision in the future', adoptionRefusal(draft, adoption('2026-11-24'), TODAY, 0), /in the future/],
    ['adopt with unanswered input', adoptionRefusal(closed, adoption(TODAY), TODAY, 2), /2 consultation inputs have no answer/],
    ['adopt adopted', adoptionRefusal(adopted, adoption(TODAY), TODAY, 0), /never changes/],
    ['adopt superseded', adoptionRefusal(superseded, adoption(TODAY), TODAY, 0), /never changes/],

    ['discard a draft', discardRefusal(draft, 0)],
    ['discard a draft with input', discardRefusal(draft, 1), /part of the record/],
    ['discard in consultation', discardRefusal(open, 0), /Only a draft/],
    ['discard adopted', discardRefusal(adopted, 0), /Only a draft/],

    ['start a revision when none is open', revisionRefusal(undefined)],
    ['start a revision beside a draft', revisionRefusal({ versionNumber: 2, status: 'draft' }), /Version 2 is still a draft/],
    ['start a revision beside a consultation', revisionRefusal({ versionNumber: 3, status: 'consultation' }), /in consultation/],

    ['send input while open', inputRefusal(open, TODAY)],
    ['send input before it opens', inputRefusal(scheduled, TODAY), /opens on 2026-12-01/],
    ['send input after it closed', inputRefusal(closed, TODAY), /closed on 2026-11-03/],
    ['send input to a draft', inputRefusal(draft, TODAY), /not out for consultation/],
    ['send input to adopted', inputRefusal(adopted, TODAY), /not out for consultation/],

    ['answer in consultation', answerRefusal(open)],
    ['answer in draft', answerRefusal(draft)],
    ['answer adopted', answerRefusal(adopted), /final/],
    ['answer superseded', answerRefusal(superseded), /final/],
  ];
  for (const [name, refusal, reason] of cases) {
    if (reason) t.match(refusal, reason, `${name}: refused (${refusal})`);
    else t.equal(refusal, null, `${name}: allowed`);
  }
});

t.test('order among siblings', async (t) => {
  t.same(placeAt(['a', 'b', 'c'], 'c', 0), ['c', 'a', 'b'], 'to the front');
  t.same(placeAt(['a', 'b', 'c'], 'a', 2), ['b', 'c', 'a'], 'to the end');
  t.same(placeAt(['a', 'b', 'c'], 'a', 99), ['b', 'c', 'a'], 'past the end means last');
  t.same(placeAt(['a', 'b'], 'n'), ['a', 'b', 'n'], 'a new one goes last');
  t.same(placeAt(['a', 'b'], 'n', 1), ['a', 'n', 'b'], 'or where it is asked to');
  t.same(positionChanges(['c', 'a', 'b'], new Map([['a', 0], ['b', 1], ['c', 2]])), [
    { id: 'c', position: 0 },
    { id: 'a', position: 1 },
    { id: 'b', position: 2 },
  ]);
  t.same(positionChanges(['a', 'c'], new Map([['a', 0], ['c', 2]])), [{ id: 'c', position: 1 }], 'only what changes');
});

t.test('periods, as the four kinds allow them', async (t) => {
  t.equal(periodProblem({ kind: 'ongoing' }), null);
  t.match(periodProblem({ kind: 'ongoing', from: 2024 }), /no years/);
  t.equal(periodProblem({ kind: 'year', from: 2025 }), null);
  t.match(periodProblem({ kind: 'year' }), /needs "from"/);
  t.match(periodProblem({ kind: 'open_start', from: 2025, to: 2026 }), /no "to"/);
  t.equal(periodProblem({ kind: 'span', from: 2023, to: 2024 }), null);
  t.match(periodProblem({ kind: 'span', from: 2024, to: 2024 }), /before/);
  t.match(periodProblem({ kind: 'span', from: 2024 }), /needs "from" and "to"/);
});
