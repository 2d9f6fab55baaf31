import type { PlanVersion, VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { grant } from './support/principals.js';
import { assertContract } from './support/contract.js';

/**
 * Editing a draft: items with their own ETags, If-Match on every write, one
 * audit entry per write, order among siblings, explicit limits and no mass
 * assignment; and concurrent writers never lose or double anything.
 */

const VT = 'vest-telemark';
const TOKKE = '4026';

async function startAnnexDraft(app: FastifyInstance, token: string, kommunenummer: string): Promise<string> {
  const list = await call(app, 'GET', `/v1/municipalities/${kommunenummer}/annex/versions`, { token });
  const started = await call(app, 'POST', `/v1/municipalities/${kommunenummer}/annex/versions`, { token, ifMatch: etagOf(list), payload: {} });
  if (started.statusCode !== 201) throw new Error(`startAnnexRevision: ${started.statusCode} ${started.body}`);
  return (started.json() as VersionSummary).id;
}

t.test('editing a draft', async (t) => {
  const { app, database } = await build(t, { rateLimit: { max: 100_000, anonymousMax: 100_000, timeWindowMs: 60_000 } });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@tokke', 'municipal_editor', { region: VT, municipality: TOKKE });
  await grant(owner, 'ola@vinje', 'municipal_editor', { region: VT, municipality: '4027' });
  await grant(owner, 'koordinator', 'region_admin', { region: VT });
  await grant(owner, 'vt-reader', 'reader', { region: VT });
  const editor = await tokenFor('kari@tokke');
  const versionId = await startAnnexDraft(app, editor, TOKKE);
  const base = `/v1/plan-versions/${versionId}`;
  const versionTag = async () => etagOf(await call(app, 'GET', base, { token: editor }));
  const content = async () => (await call(app, 'GET', base, { token: editor })).json() as PlanVersion;

  t.test('items: create, read, change, move and delete, each with its ETag and one audit entry', async (t) => {
    const requestId = (name: string) => ({ 'x-request-id': `draft-editing-${name}` });
    const auditOf = async (name: string) =>
      owner.selectFrom('audit_log').selectAll().where('request_id', '=', `draft-editing-${name}`).execute();

    t.equal((await call(app, 'POST', `${base}/sections`, { token: editor, payload: { kind: 'free', title: 'Utan If-Match' } })).statusCode, 428);
    const created = await call(app, 'POST', `${base}/sections`, {
      token: editor,
      ifMatch: await versionTag(),
      headers: requestId('create'),
      payload: { kind: 'participation', title: 'Medverknad', body: 'Ungdomsrådet er med i arbeidet.', position: 0 },
    });
    t.equal(created.statusCode, 201);
    const section = created.json() as { id: string; position: number; title: string };
    assertContract(t, 'Section', section);
    t.equal(section.position, 0, 'placed first as asked');
    t.equal(created.headers.location, `${base}/sections/${section.id}`);
    const sections = (await content()).sections;
    t.same(sections.map((s) => s.position), sections.map((_, i) => i), 'the others moved down; positions stay 0..n-1');

    const [createdAudit] = await auditOf('create');
    t.match(createdAudit, { action: 'section.created', actor: 'kari@tokke', entity_id: section.id, before: null, after: { versionId, title: 'Medverknad' } });

    const read = await call(app, 'GET', `${base}/sections/${section.id}`, { token: editor });
    t.equal(read.headers.etag, created.headers.etag, 'the ETag of the create is the ETag of the read');
    t.equal((await call(app, 'PATCH', `${base}/sections/${section.id}`, { token: editor, payload: { title: 'X' } })).statusCode, 428, 'PATCH without If-Match');
    t.equal((await call(app, 'PATCH', `${base}/sections/${section.id}`, { token: editor, ifMatch: '"nope"', payload: { title: 'X' } })).statusCode, 412, 'PATCH with a stale tag');

    const updated = await call(app, 'PATCH', `${base}/sections/${section.id}`, {
      token: editor,
      ifMatch: etagOf(read),
      headers: requestId('update'),
      payload: { title: 'Medverknad og deltaking', position: 99 },
    });
    t.equal(updated.statusCode, 200);
    t.not(updated.headers.etag, read.headers.etag, 'a change moves the ETag on');
    t.match(updated.json(), { title: 'Medverknad og deltaking', position: sections.length - 1 });
    const updatedAudit = await auditOf('update');
    t.equal(updatedAudit.length, 1, 'one audit entry for the write, though siblings moved');
    t.match(updatedAudit[0], { action: 'section.updated', before: { title: 'Medverknad', position: 0 }, after: { title: 'Medverknad og deltaking' } });
    t.equal(
      (await call(app, 'PATCH', `${base}/sections/${section.id}`, { token: editor, ifMatch: etagOf(read), payload: { title: 'Gamal' } })).statusCode,
      412,
      'the tag read before the change is stale now',
    );

    t.equal((await call(app, 'DELETE', `${base}/sections/${section.id}`, { token: editor })).statusCode, 428);
    const deleted = await call(app, 'DELETE', `${base}/sections/${section.id}`, { token: editor, ifMatch: etagOf(updated), headers: requestId('delete') });
    t.equal(deleted.statusCode, 204);
    t.match(await auditOf('delete'), [{ action: 'section.deleted', before: { title: 'Medverknad og deltaking' }, after: null }]);
    t.equal((await call(app, 'GET', `${base}/sections/${section.id}`, { token: editor })).statusCode, 404);

    // A goal with a desired state and a measure, then the measure moves to another goal.
    const goal = await call(app, 'POST', `${base}/goals`, { token: editor, ifMatch: await versionTag(), payload: { title: 'Trygge møteplassar' } });
    t.equal(goal.statusCode, 201);
    assertContract(t, 'GoalItem', goal.json());
    const goalId = (goal.json() as { id: string }).id;
    const state = await call(app, 'POST', `${base}/goals/${goalId}/desired-states`, { token: editor, ifMatch: await versionTag(), payload: { text: 'Ungdom har ein stad å vere.' } });
    t.equal(state.statusCode, 201);
    assertContract(t, 'DesiredState', state.json());
    t.match(state.json(), { text: 'Ungdom har ein stad å vere.', position: 0 });
    const measure = await call(app, 'POST', `${base}/measures`, {
      token: editor,
      ifMatch: await versionTag(),
      payload: {
        goalId,
        title: 'Ungdomsklubb fredagar',
        period: { kind: 'open_start', from: 2027 },
        responsibilities: [{ role: 'responsible', serviceKind: 'culture' }, { role: 'partner', name: 'Tokke ungdomsråd' }],
        preventionLevel: 'universal',
        ageGroups: ['lower_secondary', 'upper_secondary'],
        conventionArticles: [31, 12],
        laws: ['folkehelseloven'],
        status: 'planned',
      },
    });
    t.equal(measure.statusCode, 201, 'a local measure');
    assertContract(t, 'Measure', measure.json());
    const m = measure.json() as { id: string; goalId: string; conventionArticles: number[]; responsibilities: unknown[] };
    t.equal(m.goalId, goalId);
    t.same(m.conventionArticles, [12, 31], 'articles in order');
    t.equal(m.responsibilities.length, 2);

    const sibling = await call(app, 'POST', `${base}/measures`, {
      token: editor,
      ifMatch: await versionTag(),
      payload: { goalId, title: 'Andre tiltak', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'planned' },
    });
    const resent = await call(app, 'PATCH', `${base}/measures/${m.id}`, { token: editor, ifMatch: etagOf(measure), payload: { goalId, title: 'Ungdomsklubb fredagar og laurdagar' } });
    t.equal(resent.statusCode, 200);
    t.equal((resent.json() as { position: number }).position, 0, 'sending the goal it already has does not move a measure');
    t.equal((sibling.json() as { position: number }).position, 1);
    const regionalGoal = ((await call(app, 'GET', `/v1/regions/${VT}/plan`)).json() as PlanVersion).goals[0]!;
    const moved = await call(app, 'PATCH', `${base}/measures/${m.id}`, {
      token: editor,
      ifMatch: etagOf(resent),
      payload: { goalId: regionalGoal.id, responsibilities: [{ role: 'responsible', service: 'barnevern' }] },
    });
    t.equal(moved.statusCode, 200, 'an annex measure can serve a goal of the regional plan');
    t.match(moved.json(), { goalId: regionalGoal.id, responsibilities: [{ role: 'responsible', service: { slug: 'barnevern' } }] });
    t.ok((await content()).measuresForRegionalGoals.some((x) => x.id === m.id), 'it is listed with the measures for regional goals');

    const deletedGoal = await call(app, 'DELETE', `${base}/goals/${goalId}`, { token: editor, ifMatch: etagOf(await call(app, 'GET', `${base}/goals/${goalId}`, { token: editor })) });
    t.equal(deletedGoal.statusCode, 204, 'the goal goes, with its desired states');
    t.equal((await call(app, 'GET', `${base}/desired-states/${(state.json() as { id: string }).id}`, { token: editor })).statusCode, 404);

    // A local implementation of a regional measure.
    const regionalMeasure = regionalGoal.measures[0]!;
    const existing = (await content()).implementations.find((i) => i.measureId === regionalMeasure.id);
    if (existing) {
      const tag = etagOf(await call(app, 'GET', `${base}/implementations/${regionalMeasure.id}`, { token: editor }));
      t.equal((await call(app, 'DELETE', `${base}/implementations/${regionalMeasure.id}`, { token: editor, ifMatch: tag })).statusCode, 204);
    }
    const implementation = await call(app, 'POST', `${base}/implementations`, {
      token: editor,
      ifMatch: await versionTag(),
      payload: { measureId: regionalMeasure.id, localResponsible: 'Rektor ved Dalen skule', responsibleService: 'ppt', period: { kind: 'year', from: 2027 }, status: 'planned' },
    });
    t.equal(implementation.statusCode, 201);
    assertContract(t, 'Implementation', implementation.json());
    t.match(implementation.json(), { measureId: regionalMeasure.id, responsibleService: { slug: 'ppt' }, period: { kind: 'year', from: 2027, to: null } });
    const duplicate = await call(app, 'POST', `${base}/implementations`, { token: editor, ifMatch: await versionTag(), payload: { measureId: regionalMeasure.id, status: 'planned' } });
    t.equal(duplicate.statusCode, 409, 'one implementation per regional measure');
    const regionalText = ((await call(app, 'GET', `/v1/regions/${VT}/plan`)).json() as PlanVersion).goals[0]!.measures[0]!;
    t.same(regionalText, regionalMeasure, 'the regional text is untouched');
  });

  t.test('input limits and mass assignment: 400 naming the field, nothing written', async (t) => {
    const before = await content();
    const tag = await versionTag();
    const cases: [string, string, unknown, string][] = [
      ['an id', `${base}/sections`, { kind: 'free', title: 'T', id: crypto.randomUUID() }, 'body/id'],
      ['a region', `${base}/goals`, { title: 'T', regionId: crypto.randomUUID() }, 'body/regionId'],
      ['a version', `${base}/goals`, { title: 'T', planVersionId: versionId }, 'body/planVersionId'],
      ['timestamps', `${base}/focus-areas`, { title: 'T', createdAt: '2020-01-01T00:00:00Z' }, 'body/createdAt'],
      ['a row version', `${base}/sections`, { kind: 'free', title: 'T', rowVersion: 1 }, 'body/rowVersion'],
      ['a measure’s stable id', `${base}/measures`, { goalId: before.goals[0]!.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active', identityId: crypto.randomUUID() }, 'body/identityId'],
      ['a title too long', `${base}/sections`, { kind: 'free', title: 'x'.repeat(301) }, 'body/title'],
      ['an empty title', `${base}/goals`, { title: '' }, 'body/title'],
      ['an unknown section kind', `${base}/sections`, { kind: 'poem', title: 'T' }, 'body/kind'],
      ['article 55', `${base}/measures`, { goalId: before.goals[0]!.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active', conventionArticles: [55] }, 'body/conventionArticles/0'],
      ['a law twice', `${base}/measures`, { goalId: before.goals[0]!.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active', laws: ['barneloven', 'barneloven'] }, 'body/laws'],
      ['a span backwards', `${base}/measures`, { goalId: before.goals[0]!.id, title: 'T', period: { kind: 'span', from: 2026, to: 2025 }, preventionLevel: 'universal', status: 'active' }, 'body/period'],
      ['a goal of another plan', `${base}/measures`, { goalId: crypto.randomUUID(), title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active' }, 'body/goalId'],
      ['an unknown service', `${base}/measures`, { goalId: before.goals[0]!.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active', responsibilities: [{ role: 'responsible', service: 'ingen-slik' }] }, 'body/responsibilities/0/service'],
      ['a responsibility naming nobody', `${base}/measures`, { goalId: before.goals[0]!.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active', responsibilities: [{ role: 'partner' }] }, 'body/responsibilities/0'],
      ['21 responsibilities', `${base}/measures`, { goalId: before.goals[0]!.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active', responsibilities: Array.from({ length: 21 }, () => ({ role: 'partner', name: 'N' })) }, 'body/responsibilities'],
      ['a focus area that is not there', `${base}/goals`, { title: 'T', focusAreaId: crypto.randomUUID() }, 'body/focusAreaId'],
    ];
    for (const [what, url, payload, field] of cases) {
      const response = await call(app, 'POST', url, { token: editor, ifMatch: tag, payload });
      t.equal(response.statusCode, 400, `${what}: 400`);
      t.ok((response.json() as { errors?: { field: string }[] }).errors?.some((e) => e.field === field), `${what}: names ${field} (${response.body.slice(0, 160)})`);
    }
    const section = before.sections[0]!;
    const sectionTag = etagOf(await call(app, 'GET', `${base}/sections/${section.id}`, { token: editor }));
    for (const [what, payload, field] of [
      ['a new id', { id: crypto.randomUUID() }, 'body/id'],
      ['a status', { status: 'adopted' }, 'body/status'],
      ['nothing', {}, 'body'],
    ] as const) {
      const response = await call(app, 'PATCH', `${base}/sections/${section.id}`, { token: editor, ifMatch: sectionTag, payload });
      t.equal(response.statusCode, 400, `PATCH with ${what}: 400`);
      t.ok((response.json() as { errors?: { field: string }[] }).errors?.some((e) => e.field.startsWith(field)), `names ${field}`);
    }
    const versionPatch = await call(app, 'PATCH', base, { token: editor, ifMatch: tag, payload: { status: 'adopted', decidedOn: '2026-01-01' } });
    t.equal(versionPatch.statusCode, 400, 'a version’s status is changed by its lifecycle steps only');
    const input = await call(app, 'POST', `/v1/municipalities/${TOKKE}/annex/versions`, { token: editor, ifMatch: '"x"', payload: { status: 'adopted' } });
    t.equal(input.statusCode, 400, 'a revision starts as a draft, whatever is sent');
    t.same(await content(), before, 'nothing was written');
    t.equal(await versionTag(), tag, 'the version did not move');
  });

  t.test('who may edit: the annex’s own editors and the region’s administrators', async (t) => {
    const tag = await versionTag();
    const add = (token: string | undefined) => call(app, 'POST', `${base}/focus-areas`, { ...(token ? { token } : {}), ifMatch: tag, payload: { title: 'Nytt satsingsområde' } });
    t.equal((await add(undefined)).statusCode, 401, 'anonymous: 401');
    t.equal((await add(await tokenFor('ola@vinje'))).statusCode, 403, 'Vinje’s editor: 403');
    t.equal((await add(await tokenFor('vt-reader'))).statusCode, 403, 'a reader: 403');
    t.equal((await add(await tokenFor('stranger'))).statusCode, 404, 'someone without a role: the draft is not there for them');
    const byAdmin = await add(await tokenFor('koordinator'));
    t.equal(byAdmin.statusCode, 201, 'the region’s administrator may');
    t.equal((await add(editor)).statusCode, 412, 'the version moved on with that write');
  });

  t.test('50 writers with the same ETag: exactly one wins, 49 get 412, nothing lost or doubled', async (t) => {
    const goal = (await content()).goals[0]!;
    const read = await call(app, 'GET', `${base}/goals/${goal.id}`, { token: editor });
    const tag = etagOf(read);
    const before = await owner.selectFrom('goals').select(['row_version']).where('plan_version_id', '=', versionId).where('identity_id', '=', goal.id).executeTakeFirstOrThrow();
    const auditBefore = await owner.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'goal.updated').executeTakeFirstOrThrow();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(app, 'PATCH', `${base}/goals/${goal.id}`, { token: editor, ifMatch: tag, payload: { title: `Skrivar ${i}` } })),
    );
    const codes = responses.map((r) => r.statusCode);
    t.equal(codes.filter((c) => c === 200).length, 1, 'one 200');
    t.equal(codes.filter((c) => c === 412).length, 49, '49 × 412');
    const winner = responses.find((r) => r.statusCode === 200)!.json() as { title: string };
    const after = await owner.selectFrom('goals').select(['row_version', 'title']).where('plan_version_id', '=', versionId).where('identity_id', '=', goal.id).executeTakeFirstOrThrow();
    t.equal(after.title, winner.title, 'the stored title is the winner’s');
    t.equal(after.row_version, before.row_version + 1, 'written exactly once');
    const auditAfter = await owner.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'goal.updated').executeTakeFirstOrThrow();
    t.equal(Number(auditAfter.n) - Number(auditBefore.n), 1, 'one audit entry');
    for (const loser of responses.filter((r) => r.statusCode === 412)) {
      t.equal(loser.headers.etag, responses.find((r) => r.statusCode === 200)!.headers.etag, 'a 412 names the current ETag');
    }

    const versionEtag = await versionTag();
    const goalsBefore = (await content()).goals.length;
    const creates = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(app, 'POST', `${base}/goals`, { token: editor, ifMatch: versionEtag, payload: { title: `Nytt mål ${i}` } })),
    );
    t.equal(creates.filter((r) => r.statusCode === 201).length, 1, 'creates with the same version ETag: one 201');
    t.equal(creates.filter((r) => r.statusCode === 412).length, 49, 'and 49 × 412');
    const goalsAfter = (await content()).goals;
    t.equal(goalsAfter.length, goalsBefore + 1, 'one goal more, not fifty');
    t.same(goalsAfter.map((g) => g.position), goalsAfter.map((_, i) => i), 'positions without gaps or doubles');
  });
});
