import type { VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import t from 'tap';
import { applyContext } from '../src/access/request-context.js';
import { addDays, osloToday } from '../src/plans/consultation-window.js';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { grant } from './support/principals.js';

/**
 * The edges of a consultation window, through the API and in the database's
 * own policy: the opening day and the closing day are in, the days either
 * side are out. The window is moved by the operator's hand, as time would.
 */

t.test('the consultation window’s edges', async (t) => {
  const { app, db, database } = await build(t, { consultationInputRateLimitMax: 1000 });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@tokke', 'municipal_editor', { region: 'vest-telemark', municipality: '4026' });
  const editor = await tokenFor('kari@tokke');
  const list = await call(app, 'GET', '/v1/municipalities/4026/annex/versions', { token: editor });
  const started = await call(app, 'POST', '/v1/municipalities/4026/annex/versions', { token: editor, ifMatch: etagOf(list), payload: {} });
  const versionId = (started.json() as VersionSummary).id;
  const today = osloToday();

  const opened = await call(app, 'POST', `/v1/plan-versions/${versionId}/consultation`, {
    token: editor,
    ifMatch: etagOf(started),
    payload: { opensOn: addDays(today, 1), closesOn: addDays(today, 30) },
  });
  t.equal(opened.statusCode, 200, 'a consultation that opens tomorrow');
  t.equal((await call(app, 'GET', `/v1/plan-versions/${versionId}`)).statusCode, 200, 'announced: the public may read it already');

  const send = (text: string) => call(app, 'POST', `/v1/plan-versions/${versionId}/consultation-input`, { payload: { authorName: 'Ei innbyggjar', text } });
  const setWindow = (opensOn: string, closesOn: string) =>
    owner.updateTable('plan_versions').set({ consultation_opens_on: opensOn, consultation_closes_on: closesOn }).where('id', '=', versionId).execute();

  const beforeOpening = await send('Før opning');
  t.equal(beforeOpening.statusCode, 409, 'the day before it opens: refused');
  t.match(beforeOpening.json(), { detail: `The consultation opens on ${addDays(today, 1)}` });

  await setWindow(today, addDays(today, 30));
  t.equal((await send('Opningsdagen')).statusCode, 201, 'the opening day: accepted');

  await setWindow(addDays(today, -30), today);
  t.equal((await send('Siste dag')).statusCode, 201, 'the closing day: accepted');

  await setWindow(addDays(today, -30), addDays(today, -1));
  const afterClosing = await send('Dagen etter');
  t.equal(afterClosing.statusCode, 409, 'the day after it closed: refused');
  t.match(afterClosing.json(), { detail: `The consultation closed on ${addDays(today, -1)}` });

  t.test('the database’s own policy holds the same edges, whatever the application does', async (t) => {
    const version = await owner.selectFrom('plan_versions').select(['region_id']).where('id', '=', versionId).executeTakeFirstOrThrow();
    const insertAsPublic = () =>
      db.transaction().execute(async (trx) => {
        await applyContext(trx as Transaction<unknown>, { role: 'anonymous' });
        await sql`insert into consultation_submissions (id, region_id, plan_version_id, author_name, text)
          values (gen_random_uuid(), ${version.region_id}, ${versionId}, 'Direkte', 'Rett i databasen')`.execute(trx);
      });
    await setWindow(addDays(today, -30), addDays(today, -1));
    await t.rejects(insertAsPublic(), { code: '42501' }, 'after the window: refused by the policy');
    await setWindow(addDays(today, 1), addDays(today, 30));
    await t.rejects(insertAsPublic(), { code: '42501' }, 'before the window: refused');
    await setWindow(today, today);
    await insertAsPublic();
    t.pass('inside the window: taken');
    await t.rejects(
      db.transaction().execute(async (trx) => {
        await applyContext(trx as Transaction<unknown>, { role: 'anonymous' });
        await sql`insert into consultation_submissions (id, region_id, plan_version_id, author_name, text, response, handling)
          values (gen_random_uuid(), ${version.region_id}, ${versionId}, 'Direkte', 'Og svaret', 'Teke til følgje', 'accepted')`.execute(trx);
      }),
      { code: '42501' },
      'the public cannot answer its own input',
    );
    const forge = (context: Parameters<typeof applyContext>[1], values: string) =>
      db.transaction().execute(async (trx) => {
        await applyContext(trx as Transaction<unknown>, context);
        await sql.raw(`insert into audit_log ${values}`).execute(trx);
      });
    await t.rejects(
      forge({ role: 'anonymous' }, `(region_id, actor, action, entity_type, entity_id) values ('${version.region_id}', 'public', 'consultation.input_received', 'consultation_submission', 'forged')`),
      { code: '42501' },
      'the public cannot append a receipt for input that was not just received',
    );
    await t.rejects(
      forge({ role: 'anonymous' }, `(region_id, actor, action, entity_type, entity_id, occurred_at) values ('${version.region_id}', 'public', 'x', 'y', 'z', '2001-01-01')`),
      { code: '42501' },
      'nobody writes an entry’s time',
    );
    const reader = { role: 'member' as const, regionId: version.region_id, subject: 'vt-reader', roles: ['reader' as const], municipalityIds: [], serviceIds: [] };
    await t.rejects(
      forge(reader, `(region_id, actor, action, entity_type, entity_id) values ('${version.region_id}', 'vt-reader', 'plan_version.adopted', 'plan_version', 'x')`),
      { code: '42501' },
      'a reader writes nothing, so appends no entries either',
    );
    const { rows } = await db.transaction().execute(async (trx) => {
      await applyContext(trx as Transaction<unknown>, { role: 'anonymous' });
      return sql<{ n: number }>`select count(*)::int as n from consultation_submissions where plan_version_id = ${versionId}`.execute(trx);
    });
    t.equal(rows[0]?.n, 0, 'and it cannot read the input back before adoption');
  });

  t.test('abuse: the body size and the rate per address are limited', async (t) => {
    await setWindow(today, addDays(today, 10));
    const huge = await call(app, 'POST', `/v1/plan-versions/${versionId}/consultation-input`, { payload: { authorName: 'Stor', text: 'x'.repeat(70_000) } });
    t.equal(huge.statusCode, 413, 'a body over 64 KiB: 413');
    const long = await call(app, 'POST', `/v1/plan-versions/${versionId}/consultation-input`, { payload: { authorName: 'Lang', text: 'x'.repeat(20_001) } });
    t.equal(long.statusCode, 400, 'a text over 20,000 characters: 400');
    const { app: strict } = await build(t, { consultationInputRateLimitMax: 3 });
    const codes = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await call(strict, 'POST', `/v1/plan-versions/${crypto.randomUUID()}/consultation-input`, { payload: { authorName: 'Flaum', text: `Nr ${i}` } })).statusCode);
    }
    t.same(codes, [404, 404, 404, 429, 429], 'three tries per address and hour, then 429');
  });
});
