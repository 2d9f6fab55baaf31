import type { PlanVersion, VersionDiff, VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { diffPlanVersions } from '../src/plans/diff.js';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { grant } from './support/principals.js';
import { assertContract } from './support/contract.js';

/** A revised regional plan against the one it revises: exactly what changed, field by field, matched by stable id. */
t.test('the diff of a revised plan', async (t) => {
  const { app, database } = await build(t, { rateLimit: { max: 100_000, anonymousMax: 100_000, timeWindowMs: 60_000 } });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'koordinator', 'region_admin', { region: 'vest-telemark' });
  const token = await tokenFor('koordinator');
  const listUrl = '/v1/regions/vest-telemark/plan/versions';
  const started = await call(app, 'POST', listUrl, { token, ifMatch: etagOf(await call(app, 'GET', listUrl, { token })), payload: {} });
  const draft = started.json() as VersionSummary;
  const base = `/v1/plan-versions/${draft.id}`;
  const original = (await call(app, 'GET', base, { token })).json() as PlanVersion;
  const versionTag = async () => etagOf(await call(app, 'GET', base, { token }));
  const itemTag = async (path: string) => etagOf(await call(app, 'GET', `${base}/${path}`, { token }));
  const ok = (res: { statusCode: number; body: string }, code: number, what: string) => t.equal(res.statusCode, code, `${what} (${res.body.slice(0, 120)})`);

  const [keptSection, renamedSection, removedSection] = original.sections;
  const [changedGoal] = original.goals;
  const [periodMeasure, responsibleMeasure, removedMeasure] = original.goals.flatMap((g) => g.measures);

  ok(await call(app, 'PATCH', base, { token, ifMatch: await versionTag(), payload: { title: 'Vegen mot livsmeistring – revidert' } }), 200, 'version title');
  ok(await call(app, 'PATCH', `${base}/sections/${renamedSection!.id}`, { token, ifMatch: await itemTag(`sections/${renamedSection!.id}`), payload: { title: 'Ny overskrift' } }), 200, 'a section renamed');
  ok(await call(app, 'DELETE', `${base}/sections/${removedSection!.id}`, { token, ifMatch: await itemTag(`sections/${removedSection!.id}`) }), 204, 'a section removed');
  const addedSection = await call(app, 'POST', `${base}/sections`, { token, ifMatch: await versionTag(), payload: { kind: 'follow_up', title: 'Oppfølging', position: 0 } });
  ok(addedSection, 201, 'a section added, first');
  ok(await call(app, 'PATCH', `${base}/goals/${changedGoal!.id}`, { token, ifMatch: await itemTag(`goals/${changedGoal!.id}`), payload: { description: 'Skildra på nytt.' } }), 200, 'a goal described anew');
  const addedGoal = await call(app, 'POST', `${base}/goals`, { token, ifMatch: await versionTag(), payload: { title: 'Digital oppvekst', position: 0 } });
  ok(addedGoal, 201, 'a goal added');
  const newGoalId = (addedGoal.json() as { id: string }).id;
  ok(await call(app, 'PATCH', `${base}/measures/${periodMeasure!.id}`, { token, ifMatch: await itemTag(`measures/${periodMeasure!.id}`), payload: { period: { kind: 'span', from: 2027, to: 2028 } } }), 200, 'a measure’s period');
  ok(
    await call(app, 'PATCH', `${base}/measures/${responsibleMeasure!.id}`, { token, ifMatch: await itemTag(`measures/${responsibleMeasure!.id}`), payload: { responsibilities: [{ role: 'responsible', service: 'nav' }] } }),
    200,
    'a measure’s responsibilities',
  );
  ok(await call(app, 'DELETE', `${base}/measures/${removedMeasure!.id}`, { token, ifMatch: await itemTag(`measures/${removedMeasure!.id}`) }), 204, 'a measure removed');
  const addedMeasure = await call(app, 'POST', `${base}/measures`, {
    token,
    ifMatch: await versionTag(),
    payload: { goalId: newGoalId, title: 'Nettvett i 7. klasse', period: { kind: 'year', from: 2027 }, preventionLevel: 'universal', ageGroups: ['primary_school'], status: 'planned' },
  });
  ok(addedMeasure, 201, 'a measure added');

  const diffResponse = await call(app, 'GET', `${base}/diff`, { token });
  t.equal(diffResponse.statusCode, 200);
  const diff = diffResponse.json() as VersionDiff;
  assertContract(t, 'VersionDiff', diff);
  const adopted = ((await call(app, 'GET', '/v1/regions/vest-telemark/plan')).json() as PlanVersion).version;
  t.equal(diff.from.id, adopted.id, 'by default against the version the draft was copied from');
  t.equal(diff.to.id, draft.id);
  t.same(diff.version, [{ field: 'title', from: original.version.title, to: 'Vegen mot livsmeistring – revidert' }], 'the version’s own title');
  t.same(diff.sections.added, [{ id: (addedSection.json() as { id: string }).id, title: 'Oppfølging' }], 'sections added');
  t.same(diff.sections.removed, [{ id: removedSection!.id, title: removedSection!.title }], 'sections removed');
  t.same(diff.sections.changed, [{ id: renamedSection!.id, title: 'Ny overskrift', fields: [{ field: 'title', from: renamedSection!.title, to: 'Ny overskrift' }] }], 'sections changed; moving down a place is not a change');
  t.notOk(diff.sections.changed.some((c) => c.id === keptSection!.id), 'an untouched section is not listed');
  t.same(diff.goals.added, [{ id: newGoalId, title: 'Digital oppvekst' }]);
  t.same(diff.goals.removed, []);
  t.same(diff.goals.changed, [{ id: changedGoal!.id, title: changedGoal!.title, fields: [{ field: 'description', from: changedGoal!.description, to: 'Skildra på nytt.' }] }], 'one goal changed, in one field');
  t.same(diff.measures.added, [{ id: (addedMeasure.json() as { id: string }).id, title: 'Nettvett i 7. klasse' }]);
  t.same(diff.measures.removed, [{ id: removedMeasure!.id, title: removedMeasure!.title }]);
  t.same(
    diff.measures.changed.map((c) => [c.id, c.fields.map((f) => f.field)]),
    [
      [periodMeasure!.id, ['period']],
      [responsibleMeasure!.id, ['responsibilities']],
    ],
    'two measures changed, each in the one field that was edited',
  );
  t.same(diff.measures.changed[0]!.fields[0], { field: 'period', from: periodMeasure!.period, to: { kind: 'span', from: 2027, to: 2028 } });
  t.same(diff.implementations, { added: [], removed: [], changed: [] }, 'a regional plan has no implementations');

  t.test('the same function, without HTTP: desired states compared by text', async (t) => {
    const current = (await call(app, 'GET', base, { token })).json() as PlanVersion;
    const edited = structuredClone(current);
    edited.goals[1]!.desiredStates[0]!.text = 'Anna ordlyd';
    edited.goals[1]!.desiredStates[0]!.id = crypto.randomUUID();
    const d = diffPlanVersions(current, edited);
    t.same(d.goals.changed.map((c) => c.fields.map((f) => f.field)), [['desiredStates']]);
    const renumbered = structuredClone(current);
    renumbered.goals.forEach((g) => (g.desiredStates = g.desiredStates.map((s) => ({ ...s, id: crypto.randomUUID() }))));
    t.same(diffPlanVersions(current, renumbered).goals.changed, [], 'new row ids for the same texts are no change');
  });
});
