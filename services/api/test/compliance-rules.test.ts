import type { ComplianceReport, MergedMeasure, MunicipalityPlan, Service } from '@oppvekst/contracts';
import t from 'tap';
import { complianceReport } from '../src/compliance/report.js';
import {
  adoptionFindings,
  cooperationElement,
  goalsElement,
  goalsWithoutMeasures,
  measuresOutsidePlanPeriod,
  measuresWithoutResponsible,
  organisationElement,
  partsWithoutConsultation,
  responsibilityElement,
  sharedServicesWithoutMeasure,
} from '../src/compliance/rules.js';
import { build } from './helper.js';
import { call } from './support/api.js';

/**
 * The § 3-1 rules as plain functions. The plans they run on are the seeded
 * ones, read once through the API; every case below then changes a copy.
 */
const SEEDED = ['4022', '4023', '4024', '4025', '4026', '4027'];

t.test('§ 3-1 rules', async (t) => {
  const { app } = await build(t);
  const plans = new Map<string, MunicipalityPlan>();
  for (const k of SEEDED) plans.set(k, (await call(app, 'GET', `/v1/municipalities/${k}/plan`)).json() as MunicipalityPlan);
  const services = ((await call(app, 'GET', '/v1/regions/vest-telemark/services')).json() as { items: Service[] }).items;
  const sharedFor = (k: string) => services.filter((s) => s.scope === 'intermunicipal' && s.municipalities.includes(k));
  const tokke = () => structuredClone(plans.get('4026')!);
  const present = (report: ComplianceReport) => Object.fromEntries(report.elements.map((e) => [e.element, e.present]));
  const codes = (report: ComplianceReport) => report.warnings.map((w) => w.code);

  t.test('every seeded plan describes all four elements', async (t) => {
    for (const k of SEEDED) {
      const report = complianceReport({ plan: plans.get(k)!, sharedServices: sharedFor(k) });
      t.same(present(report), { goals: true, organisation: true, responsibility: true, cooperation: true }, `${k} is complete`);
      t.equal(report.complete, true);
      t.ok(report.elements.every((e) => e.evidence.length > 0), `${k}: each element names its evidence`);
      t.notOk(codes(report).includes('goal_without_measures'), `${k}: no goal without measures (every seeded goal has some)`);
      t.notOk(codes(report).includes('measure_without_responsible'), `${k}: every seeded measure names who is responsible`);
    }
    const organisation = organisationElement(tokke());
    t.same(organisation.evidence.map((e) => [e.origin, e.title]), [['regional', 'Organisering av arbeidet'], ['local', 'Lokal organisering']], 'Tokke: the regional and the local organisation');
  });

  // Each element taken out in turn: that one is missing, the other three are not.
  const removals: Record<string, (plan: MunicipalityPlan) => void> = {
    goals: (plan) => {
      plan.goals = [];
      plan.sections = plan.sections.filter((s) => s.kind !== 'main_goal');
    },
    organisation: (plan) => {
      plan.sections = plan.sections.filter((s) => s.kind !== 'organisation');
    },
    responsibility: (plan) => {
      plan.sections = plan.sections.filter((s) => s.kind !== 'responsibility');
      for (const m of measures(plan)) {
        m.responsibilities = m.responsibilities.filter((r) => r.role !== 'responsible');
        m.implementation = null;
      }
    },
    cooperation: (plan) => {
      plan.sections = plan.sections.filter((s) => s.kind !== 'cooperation');
      // One agency per measure: nothing is done together any more.
      for (const m of measures(plan)) m.responsibilities = m.responsibilities.filter((r) => r.role === 'responsible').slice(0, 1);
    },
  };
  for (const [element, remove] of Object.entries(removals)) {
    t.test(`without ${element}: reported missing, the others still present`, async (t) => {
      const plan = tokke();
      remove(plan);
      const report = complianceReport({ plan, sharedServices: sharedFor('4026') });
      t.same(present(report), { goals: true, organisation: true, responsibility: true, cooperation: true, [element]: false });
      t.equal(report.complete, false);
      const result = report.elements.find((e) => e.element === element)!;
      t.match(result.explanation, 'Planen skildrar ikkje dette, slik barnevernslova § 3-1 krev.');
      t.match(report.summary, `Planen for Tokke manglar: ${result.label.toLowerCase()}.`);
    });
  }

  t.test('an empty organisation section is no description', async (t) => {
    const plan = tokke();
    for (const s of plan.sections) if (s.kind === 'organisation') s.body = '  \n';
    t.equal(organisationElement(plan).present, false);
  });

  t.test('responsibility from measures alone needs two agencies; cooperation from measures alone needs two in one measure', async (t) => {
    const plan = tokke();
    plan.sections = [];
    t.equal(responsibilityElement(plan).present, true, 'Tokke’s measures name many responsible agencies');
    t.equal(cooperationElement(plan).present, true, 'and many carried out together');
    for (const m of measures(plan)) {
      m.responsibilities = [{ role: 'responsible', service: null, serviceKind: 'school', name: null }];
      m.implementation = null;
    }
    t.equal(responsibilityElement(plan).present, false, 'one agency responsible for everything divides nothing');
    t.equal(cooperationElement(plan).present, false, 'and cooperates with no one');
    t.equal(goalsElement(plan).present, true, 'goals do not depend on sections');
    const ppt = sharedFor('4026').find((s) => s.kind === 'ppt')!;
    for (const [i, m] of measures(plan).entries()) {
      m.responsibilities = [{ role: 'responsible', service: { id: ppt.id, slug: ppt.slug, name: i % 2 ? ppt.name : 'PPT' }, serviceKind: 'ppt', name: null }];
    }
    t.equal(responsibilityElement(plan).present, false, 'one service written two ways is still one agency');
  });

  t.test('warnings, each from its own rule', async (t) => {
    const clean = tokke();
    t.same(measuresWithoutResponsible(clean), []);
    t.same(goalsWithoutMeasures(clean), []);
    t.same(measuresOutsidePlanPeriod(clean), []);
    t.same(sharedServicesWithoutMeasure(clean, sharedFor('4026')), [], 'barnevern, PPT and NAV all take part in Tokke’s measures');

    const plan = tokke();
    const [first, second] = measures(plan);
    first!.responsibilities = first!.responsibilities.filter((r) => r.role === 'partner');
    first!.implementation = null;
    t.same(measuresWithoutResponsible(plan).map((w) => w.subject?.id), [first!.id], 'a measure with partners only has no one responsible');
    second!.period = { kind: 'span', from: 2015, to: 2016 };
    t.same(measuresOutsidePlanPeriod(plan).map((w) => w.subject?.id), [second!.id], 'a measure that ended before the plan began');
    plan.goals[0]!.measures = [];
    t.same(goalsWithoutMeasures(plan).map((w) => w.subject?.title), [plan.goals[0]!.title]);

    const withoutBarnevern = tokke();
    for (const m of measures(withoutBarnevern)) m.responsibilities = m.responsibilities.filter((r) => r.service?.slug !== 'barnevern');
    t.same(sharedServicesWithoutMeasure(withoutBarnevern, sharedFor('4026')).map((w) => w.subject?.title), ['Vest-Telemark barnevern']);
    measures(withoutBarnevern)[0]!.responsibilities.push({ role: 'partner', service: null, serviceKind: 'barnevern', name: 'barnevernet' });
    t.same(sharedServicesWithoutMeasure(withoutBarnevern, sharedFor('4026')), [], 'a measure naming barnevern by its kind counts');

    const regionalOnly = tokke();
    t.same(partsWithoutConsultation(regionalOnly).map((w) => w.subject?.id), [regionalOnly.annexVersion!.id], 'Tokke’s annex never went to consultation; the regional plan did');
    regionalOnly.regionalVersion.consultation = null;
    t.equal(partsWithoutConsultation(regionalOnly).length, 2);
  });

  t.test('adoption: the council itself must adopt; noting is not adopting', async (t) => {
    const noted = adoptionFindings(tokke());
    t.match(noted, [{ code: 'not_adopted_by_council', facts: { decision: 'noted', decidedByName: 'Tokke kommunestyre' } }], 'Tokke’s council took the plan to note');
    const report = complianceReport({ plan: tokke(), sharedServices: sharedFor('4026') });
    t.match(report.warnings.find((w) => w.code === 'not_adopted_by_council')?.message, 'Kommunestyret sjølv har ikkje vedteke planen (Tokke kommunestyre: teke til orientering).');

    t.same(adoptionFindings(plans.get('4027')!), [], 'Vinje’s council adopted it');
    const byCommittee = structuredClone(plans.get('4027')!);
    byCommittee.annexVersion!.adoption!.decidedBy = 'committee';
    t.match(adoptionFindings(byCommittee), [{ code: 'not_adopted_by_council' }], 'a committee is not the council');
    const noAnnex = structuredClone(plans.get('4027')!);
    noAnnex.annexVersion = null;
    t.match(adoptionFindings(noAnnex), [{ code: 'not_adopted_by_council', facts: { decidedBy: 'regional_council' } }], 'without a local part only the regional council decided');
    const draft = structuredClone(plans.get('4027')!);
    draft.annexVersion!.status = 'draft';
    draft.annexVersion!.adoption = null;
    t.match(adoptionFindings(draft), [{ code: 'not_adopted', subject: { id: draft.annexVersion!.id } }]);
  });

  t.test('the report speaks the plan’s language form', async (t) => {
    const plan = tokke();
    plan.municipality.languageForm = 'nb';
    plan.sections = plan.sections.filter((s) => s.kind !== 'organisation');
    const report = complianceReport({ plan, sharedServices: sharedFor('4026') });
    t.equal(report.languageForm, 'nb');
    t.match(report.summary, 'Planen for Tokke mangler: hvordan arbeidet er organisert.');
    t.match(report.elements.find((e) => e.element === 'organisation')?.explanation, 'Planen beskriver ikke dette, slik barnevernsloven § 3-1 krever.');
    t.match(report.warnings.find((w) => w.code === 'not_adopted_by_council')?.message, 'Kommunestyret selv har ikke vedtatt planen (Tokke kommunestyre: tatt til orientering).');
  });
});

function measures(plan: MunicipalityPlan): MergedMeasure[] {
  return [...plan.goals.flatMap((g) => g.measures), ...plan.unplacedMeasures];
}
