import type { PlanVersion, VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { addDays, osloToday } from '../src/plans/consultation-window.js';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { grant } from './support/principals.js';
import { assertContract } from './support/contract.js';

/**
 * A revision of Tokke's annex through its whole life, as the people who do
 * it would: the local leader starts it, the youth council sends input, an
 * editor answers, the council adopts. Every step is also tried where it is
 * not allowed.
 */

const VT = 'vest-telemark';
const TOKKE = '4026';

t.test('a revision from draft to adoption, and every step refused where it does not belong', async (t) => {
  const { app, database } = await build(t, { rateLimit: { max: 100_000, anonymousMax: 100_000, timeWindowMs: 60_000 }, consultationInputRateLimitMax: 1000 });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@tokke', 'municipal_editor', { region: VT, municipality: TOKKE });
  await grant(owner, 'vt-reader', 'reader', { region: VT });
  const editor = await tokenFor('kari@tokke');
  const reader = await tokenFor('vt-reader');
  const today = osloToday();

  const list = await call(app, 'GET', `/v1/municipalities/${TOKKE}/annex/versions`);
  t.equal(list.statusCode, 200);
  const [v1] = (list.json() as { items: VersionSummary[] }).items;
  t.equal(v1?.status, 'adopted', 'the seeded annex is adopted');
  const v1Content = (await call(app, 'GET', `/v1/plan-versions/${v1!.id}`)).json() as PlanVersion;

  // Starting a revision.
  const start = (ifMatch?: string, payload: unknown = {}) =>
    call(app, 'POST', `/v1/municipalities/${TOKKE}/annex/versions`, { token: editor, payload, ...(ifMatch ? { ifMatch } : {}) });
  t.equal((await start()).statusCode, 428, 'without If-Match: 428');
  t.equal((await start('"stale"')).statusCode, 412, 'with a stale list ETag: 412');
  const started = await start(etagOf(list));
  t.equal(started.statusCode, 201, 'started');
  const v2 = started.json() as VersionSummary;
  assertContract(t, 'VersionSummary', v2);
  assertContract(t, 'VersionList', list.json());
  t.match(v2, { status: 'draft', versionNumber: 2, title: v1!.title, adoption: null, consultation: null });
  t.equal(started.headers.location, `/v1/plan-versions/${v2.id}`);
  const again = await start(etagOf(await call(app, 'GET', `/v1/municipalities/${TOKKE}/annex/versions`, { token: editor })));
  t.equal(again.statusCode, 409, 'one open version per plan');
  t.match(again.json(), { detail: /Version 2 is still a draft/ });

  const draft = await call(app, 'GET', `/v1/plan-versions/${v2.id}`, { token: editor });
  const draftContent = draft.json() as PlanVersion;
  assertContract(t, 'PlanVersion', draftContent);
  t.same(draftContent.goals.map((g) => g.id), v1Content.goals.map((g) => g.id), 'the copy keeps the goals’ stable ids');
  t.same(
    draftContent.goals.flatMap((g) => g.measures.map((m) => m.id)),
    v1Content.goals.flatMap((g) => g.measures.map((m) => m.id)),
    'and the measures’',
  );
  t.same(draftContent.implementations, v1Content.implementations, 'and the local implementations');
  t.equal((await call(app, 'GET', `/v1/plan-versions/${v2.id}`)).statusCode, 404, 'the public does not see a draft');
  t.equal((await call(app, 'GET', `/v1/plan-versions/${v2.id}`, { token: reader })).statusCode, 200, 'a reader of the region does');

  // The local leader edits the annex.
  const goal = draftContent.goals[0]!;
  const goalRead = await call(app, 'GET', `/v1/plan-versions/${v2.id}/goals/${goal.id}`, { token: editor });
  const renamed = await call(app, 'PATCH', `/v1/plan-versions/${v2.id}/goals/${goal.id}`, {
    token: editor,
    ifMatch: etagOf(goalRead),
    payload: { title: `${goal.title} (revidert)` },
  });
  t.equal(renamed.statusCode, 200, 'the goal is renamed');

  // Consultation.
  const open = async (payload: unknown) => {
    const current = await call(app, 'GET', `/v1/plan-versions/${v2.id}`, { token: editor });
    return call(app, 'POST', `/v1/plan-versions/${v2.id}/consultation`, { token: editor, ifMatch: etagOf(current), payload });
  };
  t.equal((await open({ opensOn: today, closesOn: addDays(today, -1) })).statusCode, 409, 'a window that closes before it opens');
  t.equal((await open({ opensOn: addDays(today, -10), closesOn: addDays(today, -1) })).statusCode, 409, 'a window that has passed');
  t.equal((await open({ opensOn: today, closesOn: 'tomorrow' })).statusCode, 400, 'a malformed date');
  const opened = await open({ opensOn: today, closesOn: addDays(today, 14) });
  t.equal(opened.statusCode, 200, 'out for consultation');
  t.match(opened.json(), { status: 'consultation', consultation: { opensOn: today, closesOn: addDays(today, 14) } });
  t.equal((await call(app, 'GET', `/v1/plan-versions/${v2.id}`)).statusCode, 200, 'now the public reads it');
  t.equal((await open({ opensOn: today, closesOn: addDays(today, 14) })).statusCode, 409, 'it cannot go to consultation twice');

  const editInConsultation = await call(app, 'PATCH', `/v1/plan-versions/${v2.id}/goals/${goal.id}`, {
    token: editor,
    ifMatch: etagOf(await call(app, 'GET', `/v1/plan-versions/${v2.id}/goals/${goal.id}`, { token: editor })),
    payload: { title: 'Under høyring' },
  });
  t.equal(editInConsultation.statusCode, 409, 'the text does not change while people comment on it');
  t.match(editInConsultation.json(), { detail: /return it to draft/ });

  const measureId = draftContent.goals.flatMap((g) => g.measures)[0]!.id;
  const input = await call(app, 'POST', `/v1/plan-versions/${v2.id}/consultation-input`, {
    payload: { authorName: 'Tokke ungdomsråd', contact: 'ungdomsrad@tokke.kommune.no', text: 'Vi ønskjer fleire møteplassar for ungdom.', concerns: measureId },
  });
  t.equal(input.statusCode, 201, 'the youth council sends input, no token needed');
  assertContract(t, 'ReceivedConsultationInput', input.json());
  const inputId = (input.json() as { id: string }).id;
  t.equal(
    (await call(app, 'POST', `/v1/plan-versions/${v2.id}/consultation-input`, { payload: { authorName: 'X', text: 'Y', concerns: crypto.randomUUID() } })).statusCode,
    400,
    'input about a goal or measure the version does not have',
  );

  const asEditor = (await call(app, 'GET', `/v1/plan-versions/${v2.id}/consultation-input`, { token: editor })).json() as { items: { contact: string | null; concerns: unknown }[] };
  t.equal(asEditor.items[0]?.contact, 'ungdomsrad@tokke.kommune.no', 'the editor sees the contact');
  t.same(asEditor.items[0]?.concerns, { id: measureId, kind: 'measure' });
  const asReader = (await call(app, 'GET', `/v1/plan-versions/${v2.id}/consultation-input`, { token: reader })).json() as { items: { contact: string | null }[] };
  t.equal(asReader.items.length, 1, 'a reader of the region sees the input');
  t.equal(asReader.items[0]?.contact, null, 'but not the contact');
  t.equal((await call(app, 'GET', `/v1/plan-versions/${v2.id}/consultation-input`)).statusCode, 403, 'the public sees it once the version is adopted');

  const tagOf = async () => etagOf(await call(app, 'GET', `/v1/plan-versions/${v2.id}`, { token: editor }));
  const step = async (path: string, payload?: unknown) =>
    call(app, 'POST', `/v1/plan-versions/${v2.id}/${path}`, { token: editor, ifMatch: await tagOf(), ...(payload ? { payload } : {}) });
  const decision = (decidedOn: string) => ({ decidedBy: 'municipal_council', decidedByName: 'Tokke kommunestyre', decision: 'adopted', decidedOn, caseReference: '26/412' });

  t.equal((await step('return-to-draft')).statusCode, 409, 'no return to draft while the window is open');
  t.equal((await step('adoption', decision(today))).statusCode, 409, 'no adoption while the window is open');

  // Time passes: the window closed yesterday (moved by the operator's hand, as the clock would).
  await owner
    .updateTable('plan_versions')
    .set({ consultation_opens_on: addDays(today, -20), consultation_closes_on: addDays(today, -2) })
    .where('id', '=', v2.id)
    .execute();
  const late = await call(app, 'POST', `/v1/plan-versions/${v2.id}/consultation-input`, { payload: { authorName: 'Seint ute', text: 'For seint' } });
  t.equal(late.statusCode, 409, 'input after the window is refused');
  t.match(late.json(), { detail: /closed on/ });

  t.equal((await step('return-to-draft')).statusCode, 200, 'back to draft to revise after the input');
  const unanswered = await step('adoption', decision(today));
  t.equal(unanswered.statusCode, 409, 'not adopted while input has no answer');
  t.match(unanswered.json(), { detail: /1 consultation input has no answer/ });

  const inputRead = await call(app, 'GET', `/v1/plan-versions/${v2.id}/consultation-input/${inputId}`, { token: editor });
  const answer = { response: 'Teke inn som nytt tiltak under mål 1.', handling: 'accepted' };
  t.equal((await call(app, 'PUT', `/v1/plan-versions/${v2.id}/consultation-input/${inputId}/answer`, { token: editor, payload: answer })).statusCode, 428);
  t.equal((await call(app, 'PUT', `/v1/plan-versions/${v2.id}/consultation-input/${inputId}/answer`, { token: reader, payload: answer, ifMatch: etagOf(inputRead) })).statusCode, 403, 'a reader does not answer');
  const answered = await call(app, 'PUT', `/v1/plan-versions/${v2.id}/consultation-input/${inputId}/answer`, { token: editor, payload: answer, ifMatch: etagOf(inputRead) });
  t.equal(answered.statusCode, 200, 'the editor answers');
  t.match(answered.json(), { answer: { handling: 'accepted', response: answer.response } });
  assertContract(t, 'ConsultationSubmission', answered.json());

  t.equal((await step('adoption', decision(addDays(today, 1)))).statusCode, 409, 'a decision in the future');
  t.equal((await step('adoption', decision(addDays(today, -2)))).statusCode, 409, 'a decision on the day the consultation closed');
  t.equal(
    (await call(app, 'POST', `/v1/plan-versions/${v2.id}/adoption`, { token: editor, ifMatch: etagOf(draft), payload: decision(today) })).statusCode,
    412,
    'adopting with the ETag of what one read before the last changes: 412',
  );
  const adopted = await step('adoption', decision(today));
  t.equal(adopted.statusCode, 200, 'the council adopts');
  t.match(adopted.json(), { status: 'adopted', adoption: { decidedBy: 'municipal_council', caseReference: '26/412', decidedOn: today } });
  const versions = (await call(app, 'GET', `/v1/municipalities/${TOKKE}/annex/versions`)).json() as { items: VersionSummary[] };
  t.same(versions.items.map((v) => [v.versionNumber, v.status]), [[2, 'adopted'], [1, 'superseded']], 'the old version is superseded');
  t.equal(((await call(app, 'GET', `/v1/municipalities/${TOKKE}/annex`)).json() as PlanVersion).version.id, v2.id, 'the public reads the new annex');

  // An adopted version never changes, whatever is tried.
  const tag = await tagOf();
  const refused: [string, Promise<{ statusCode: number }>][] = [
    ['edit a goal', call(app, 'PATCH', `/v1/plan-versions/${v2.id}/goals/${goal.id}`, { token: editor, ifMatch: etagOf(await call(app, 'GET', `/v1/plan-versions/${v2.id}/goals/${goal.id}`)), payload: { title: 'Endra etterpå' } })],
    ['add a section', call(app, 'POST', `/v1/plan-versions/${v2.id}/sections`, { token: editor, ifMatch: tag, payload: { kind: 'free', title: 'Tillegg' } })],
    ['change the title', call(app, 'PATCH', `/v1/plan-versions/${v2.id}`, { token: editor, ifMatch: tag, payload: { title: 'Ny tittel' } })],
    ['discard it', call(app, 'DELETE', `/v1/plan-versions/${v2.id}`, { token: editor, ifMatch: tag })],
    ['send it to consultation', call(app, 'POST', `/v1/plan-versions/${v2.id}/consultation`, { token: editor, ifMatch: tag, payload: { opensOn: today, closesOn: addDays(today, 7) } })],
    ['return it to draft', call(app, 'POST', `/v1/plan-versions/${v2.id}/return-to-draft`, { token: editor, ifMatch: tag })],
    ['adopt it again', call(app, 'POST', `/v1/plan-versions/${v2.id}/adoption`, { token: editor, ifMatch: tag, payload: decision(today) })],
    ['change an answer', call(app, 'PUT', `/v1/plan-versions/${v2.id}/consultation-input/${inputId}/answer`, { token: editor, ifMatch: etagOf(answered), payload: { response: 'Nei', handling: 'not_accepted' } })],
    ['edit the superseded version', call(app, 'PATCH', `/v1/plan-versions/${v1!.id}`, { token: editor, ifMatch: etagOf(await call(app, 'GET', `/v1/plan-versions/${v1!.id}`)), payload: { title: 'Historie' } })],
  ];
  for (const [what, response] of refused) t.equal((await response).statusCode, 409, `adopted: ${what} is 409`);

  const published = (await call(app, 'GET', `/v1/plan-versions/${v2.id}/consultation-input`)).json() as { items: { authorName: string; contact: unknown; answer: unknown }[] };
  assertContract(t, 'ConsultationSubmissionList', published);
  t.match(published.items, [{ authorName: 'Tokke ungdomsråd', contact: null, answer: { handling: 'accepted' } }], 'the answers are published with the adopted version, never the contact');

  const diff = await call(app, 'GET', `/v1/plan-versions/${v2.id}/diff`);
  t.equal(diff.statusCode, 200, 'the public reads the diff against the version it replaced');
  t.match(diff.json(), { from: { id: v1!.id }, to: { id: v2.id }, goals: { changed: [{ id: goal.id, fields: [{ field: 'title', from: goal.title, to: `${goal.title} (revidert)` }] }] } });
});

t.test('a regional revision adopted straight from draft, and a discarded draft', async (t) => {
  const { app, database } = await build(t);
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'koordinator', 'region_admin', { region: VT });
  await grant(owner, 'kari@tokke', 'municipal_editor', { region: VT, municipality: TOKKE });
  const admin = await tokenFor('koordinator');
  const today = osloToday();

  const listTag = async () => etagOf(await call(app, 'GET', `/v1/regions/${VT}/plan/versions`, { token: admin }));
  t.equal(
    (await call(app, 'POST', `/v1/regions/${VT}/plan/versions`, { token: await tokenFor('kari@tokke'), ifMatch: await listTag(), payload: {} })).statusCode,
    403,
    'a municipal editor does not revise the regional plan',
  );
  const first = await call(app, 'POST', `/v1/regions/${VT}/plan/versions`, { token: admin, ifMatch: await listTag(), payload: { period: { from: 2027, to: 2030 } } });
  t.equal(first.statusCode, 201);
  const draftId = (first.json() as VersionSummary).id;
  t.match(first.json(), { period: { from: 2027, to: 2030 } });
  const discarded = await call(app, 'DELETE', `/v1/plan-versions/${draftId}`, { token: admin, ifMatch: first.headers.etag as string });
  t.equal(discarded.statusCode, 204, 'a draft can be thrown away');
  t.equal((await call(app, 'GET', `/v1/plan-versions/${draftId}`, { token: admin })).statusCode, 404);

  const second = await call(app, 'POST', `/v1/regions/${VT}/plan/versions`, { token: admin, ifMatch: await listTag(), payload: { title: 'Vegen mot livsmeistring 2027–2030' } });
  t.equal(second.statusCode, 201, 'a new revision after the discarded one');
  t.equal((second.json() as VersionSummary).versionNumber, 2, 'a discarded draft leaves no trace but its audit entries: its number is used again');
  const secondId = (second.json() as VersionSummary).id;
  const scheduled = await call(app, 'POST', `/v1/plan-versions/${secondId}/consultation`, {
    token: admin,
    ifMatch: second.headers.etag as string,
    payload: { opensOn: addDays(today, 7), closesOn: addDays(today, 30) },
  });
  t.equal(scheduled.statusCode, 200, 'a consultation announced for next week');
  const withdrawn = await app.inject({
    method: 'POST',
    url: `/v1/plan-versions/${secondId}/return-to-draft`,
    headers: { authorization: `Bearer ${admin}`, 'if-match': scheduled.headers.etag as string, 'content-type': 'application/json' },
  });
  t.equal(withdrawn.statusCode, 200, 'withdrawn before it opened (an empty body with content-type JSON is no body)');
  t.match(withdrawn.json(), { status: 'draft', consultation: null }, 'a consultation never held leaves no window behind');
  const adopted = await call(app, 'POST', `/v1/plan-versions/${secondId}/adoption`, {
    token: admin,
    ifMatch: withdrawn.headers.etag as string,
    payload: { decidedBy: 'regional_council', decision: 'adopted', decidedOn: today, caseReference: 'VT 27/1' },
  });
  t.equal(adopted.statusCode, 200, 'adopted without consultation (the § 3-1 report will say so)');
  t.equal(((await call(app, 'GET', `/v1/regions/${VT}/plan`)).json() as PlanVersion).version.title, 'Vegen mot livsmeistring 2027–2030');
});
