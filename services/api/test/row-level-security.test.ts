import { APP_ROLE, createOwnerDb, type Database, PLATFORM_TABLES } from '@oppvekst/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import t, { type Test } from 'tap';
import { applyContext, type RequestContext } from '../src/access/request-context.js';
import { buildApp } from '../src/app.js';
import { testAuth } from './support/auth.js';
import { connect, createTestDatabase } from './support/database.js';
import { seedSecondRegionInDraft } from './support/second-region.js';

/** Tables anyone may read: the public directory of customers and stable ids. */
const PUBLIC_DIRECTORY = new Set(['regions', 'municipalities', 'services', 'service_municipalities', 'plans', 'content_identities']);

/** As the app's login role, in a transaction with this context (or none at all), set by the service's own function. */
async function asApp<T>(db: Kysely<Database>, context: RequestContext | null, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (context) await applyContext(trx as Transaction<unknown>, context);
    return work(trx);
  });
}

const member = (regionId: string, roles: RequestContext & { role: 'member' } extends { roles: infer R } ? R : never): RequestContext => ({
  role: 'member',
  regionId,
  subject: 'someone@example.org',
  roles,
  municipalityIds: [],
  serviceIds: [],
});

t.test('row-level security, the second wall', async (t) => {
  const database = await createTestDatabase(t);
  const admin = connect(t, database.adminUrl);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());

  // Tenant B: seeded, then put back to draft, with members, a client and consultation input on top.
  const b = { id: await seedSecondRegionInDraft(owner) };
  const a = await owner.selectFrom('regions').select('id').where('slug', '=', 'vest-telemark').executeTakeFirstOrThrow();
  const bVersion = await owner.selectFrom('plan_versions').select('id').where('region_id', '=', b.id).executeTakeFirstOrThrow();
  // Input arrives only in consultation; the version then goes back to draft, private again.
  await owner.updateTable('plan_versions').set({ status: 'consultation', consultation_opens_on: '2026-01-01', consultation_closes_on: '2026-02-01' }).where('id', '=', bVersion.id).execute();
  const bInput = await owner
    .insertInto('consultation_submissions')
    .values({ region_id: b.id, plan_version_id: bVersion.id, author_name: 'Ungdomsrådet', text: 'Innspel' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await owner.insertInto('consultation_contacts').values({ submission_id: bInput.id, region_id: b.id, plan_version_id: bVersion.id, contact: 'ung@example.org' }).execute();
  await owner.updateTable('plan_versions').set({ status: 'draft' }).where('id', '=', bVersion.id).execute();
  await owner.insertInto('memberships').values({ region_id: b.id, subject: 'b-admin', role: 'region_admin', created_by: 'test' }).execute();
  await owner.insertInto('memberships').values({ region_id: a.id, subject: 'a-admin', role: 'region_admin', created_by: 'test' }).execute();
  const bClient = await owner
    .insertInto('api_clients')
    .values({ region_id: b.id, name: 'B-intranett', scopes: ['plans:read'], secret_hash: 'scrypt$x$x$x$not-a-real-hash', created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await owner.insertInto('audit_log').values({ region_id: b.id, actor: 'test', action: 'x.y', entity_type: 'x', entity_id: '1', before: null, after: null }).execute();
  // A webhook endpoint of B, with an event delivered once.
  const bEndpoint = crypto.randomUUID();
  await owner
    .insertInto('webhook_endpoints')
    .values({ id: bEndpoint, region_id: b.id, url: 'https://93.184.216.34/b', event_types: ['measure.created'], secret_ciphertext: 'v1.test.sealed-secret-stand-in', created_by: 'test' })
    .execute();
  const bEvent = await owner.insertInto('webhook_events').values({ region_id: b.id, type: 'measure.created', body: '{}' }).returning('id').executeTakeFirstOrThrow();
  const bDelivery = await owner
    .insertInto('webhook_deliveries')
    .values({ region_id: b.id, endpoint_id: bEndpoint, event_id: bEvent.id, max_attempts: 1, next_attempt_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await owner.insertInto('webhook_attempts').values({ region_id: b.id, delivery_id: bDelivery.id, attempt_number: 1, worker: 'test' }).execute();
  await owner.insertInto('platform_admins').values({ subject: 'operator' }).execute();

  // Here the app role may write anything its grants allow, so that only the
  // policies stand between it and tenant B's rows. (The service's real grants are narrower.)
  await sql`grant insert, update, delete on all tables in schema public to ${sql.id(APP_ROLE)}`.execute(admin);
  const app = connect(t, database.appUrl, 2);

  const { rows: catalog } = await sql<{ table: string; rls: boolean; forced: boolean; policies: number; has_region: boolean }>`
    select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
      (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
      exists (select 1 from pg_attribute at where at.attrelid = c.oid and at.attname = 'region_id' and not at.attisdropped) as has_region
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'kysely_%'
    order by c.relname`.execute(admin);
  const tenantTables = catalog.filter((c) => c.has_region).map((c) => c.table);

  t.test('every table has RLS enabled and forced, with policies; the app role cannot bypass it', async (t) => {
    t.ok(catalog.length >= 19);
    for (const c of catalog) {
      const platform = PLATFORM_TABLES.includes(c.table as keyof Database);
      t.equal(c.has_region, !platform, `${c.table}: ${platform ? 'platform data' : 'tenant-owned, carries region_id'}`);
      t.ok(c.rls, `${c.table}: RLS enabled`);
      t.ok(c.forced, `${c.table}: RLS forced`);
      t.ok(c.policies >= 2, `${c.table}: has policies`);
    }
    const role = await sql<{ rolbypassrls: boolean; rolsuper: boolean }>`
      select rolbypassrls, rolsuper from pg_roles where rolname = ${APP_ROLE}`.execute(admin);
    t.same(role.rows[0], { rolbypassrls: false, rolsuper: false });
  });

  const count = (trx: Transaction<Database>, table: string, region: string) =>
    sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where region_id = ${region}`
      .execute(trx)
      .then((r) => r.rows[0]!.n);
  const countAll = (trx: Transaction<Database>, table: string) =>
    sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx).then((r) => r.rows[0]!.n);

  t.test('B’s rows exist: every tenant table has some, so the checks below are not vacuous', async (t) => {
    for (const table of tenantTables) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where region_id = ${b.id}`.execute(admin);
      t.ok(rows[0]!.n > 0, `${table} has rows of tenant B`);
    }
  });

  t.test('without a context nothing is visible (fail closed)', async (t) => {
    for (const table of tenantTables) t.equal(await asApp(app, null, (trx) => count(trx, table, b.id)), 0, table);
    for (const table of PLATFORM_TABLES) t.equal(await asApp(app, null, (trx) => countAll(trx, table)), 0, table);
  });

  const outsiders: [string, RequestContext][] = [
    ['A’s region_admin', member(a.id, ['region_admin'])],
    ['A’s reader', member(a.id, ['reader'])],
    ['anonymous', { role: 'anonymous' }],
    // In B's region but holding no role there (an API client without a read scope would be such a context).
    ['a member of B without roles', member(b.id, [])],
  ];

  t.test('as tenant A, or anonymous, B’s drafts and private rows read as zero rows', async (t) => {
    for (const [who, context] of outsiders) {
      for (const table of tenantTables) {
        const n = await asApp(app, context, (trx) => count(trx, table, b.id));
        if (PUBLIC_DIRECTORY.has(table)) t.ok(n > 0, `${who}: ${table} is public directory data`);
        else t.equal(n, 0, `${who}: ${table} of B is invisible`);
      }
      for (const table of PLATFORM_TABLES) t.equal(await asApp(app, context, (trx) => countAll(trx, table)), 0, `${who}: ${table}`);
    }
  });

  /** Tables only a region's administrators (and, for contacts, a plan's editors) read, not every member. */
  const ADMIN_ONLY = new Set([
    'api_clients', 'memberships', 'audit_log', 'consultation_contacts',
    // Webhooks: the administrators' (and the region's webhooks:manage clients').
    'webhook_endpoints', 'webhook_events', 'webhook_deliveries', 'webhook_attempts',
  ]);

  t.test('tenant B’s reader sees its drafts, so the policies are not just closed doors', async (t) => {
    for (const table of tenantTables) {
      const n = await asApp(app, member(b.id, ['reader']), (trx) => count(trx, table, b.id));
      if (ADMIN_ONLY.has(table)) t.equal(n, 0, `${table}: for administrators only`);
      else t.ok(n > 0, table);
    }
  });

  t.test('tenant B’s region_admin sees everything of B', async (t) => {
    for (const table of tenantTables) {
      t.ok((await asApp(app, member(b.id, ['region_admin']), (trx) => count(trx, table, b.id))) > 0, table);
    }
  });

  /** Tries update, delete and insert of B's rows in every tenant table; each must touch nothing or be refused. */
  async function tryWrites(t: Test, who: string, context: RequestContext | null, target: string) {
    for (const table of tenantTables) {
      // regions.region_id is generated from id; every other table can "change" it to itself.
      const assignment = table === 'regions' ? sql`slug = slug` : sql`region_id = region_id`;
      const updated = await asApp(app, context, (trx) => sql`update ${sql.table(table)} set ${assignment} where region_id = ${target}`.execute(trx)).catch(
        (error: { code?: string }) => error,
      );
      if ('numAffectedRows' in updated) t.equal(Number(updated.numAffectedRows), 0, `${who}: ${table}: update touches no row`);
      else t.equal((updated as { code?: string }).code, '42501', `${who}: ${table}: update refused`);

      if (table !== 'audit_log') {
        const deleted = await asApp(app, context, (trx) => sql`delete from ${sql.table(table)} where region_id = ${target}`.execute(trx));
        t.equal(Number(deleted.numAffectedRows), 0, `${who}: ${table}: delete touches no row`);
      }

      // Copy one of the target's rows (read as the owner) and try to insert it, with fresh ids.
      const { rows: columns } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' and is_identity = 'NO'`.execute(admin);
      const names = columns.map((c) => c.column_name);
      const { rows: sample } = await sql<{ row: Record<string, unknown> }>`
        select to_jsonb(x) as row from ${sql.table(table)} x where region_id = ${target} limit 1`.execute(admin);
      const fresh: Record<string, unknown> = {};
      if (names.includes('id')) fresh.id = crypto.randomUUID();
      if (table === 'regions') Object.assign(fresh, { slug: `copy-${Date.now()}` });
      if (table === 'memberships') fresh.subject = `copy-${Date.now()}`;
      const row = { ...sample[0]!.row, ...fresh };
      const list = sql.join(names.map((n) => sql.id(n)));
      const inserted = asApp(app, context, (trx) =>
        sql`insert into ${sql.table(table)} (${list})
          select ${list} from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(row)}::jsonb)`.execute(trx),
      );
      // Input is taken only in an open consultation: B's draft refuses it in its trigger before
      // the policies are asked (the policies' own walls are tested in consultation-rls).
      const refusal = table === 'consultation_submissions' ? { code: '55000' } : { code: '42501' };
      await t.rejects(inserted, refusal, `${who}: ${table}: inserting a row is refused`);
    }
  }

  t.test('as tenant A, anonymous or without context, updates and deletes of B’s rows touch zero rows; inserts for B are refused', async (t) => {
    for (const [who, context] of [...outsiders, ['no context', null] as const]) await tryWrites(t, who, context, b.id);
    // Platform administrators are named by operators (the CLI, as the owner), never through the app.
    for (const [who, context] of [...outsiders, ['a platform admin', { role: 'platform_admin', subject: 'operator' }] as const]) {
      await t.rejects(
        asApp(app, context, (trx) => trx.insertInto('platform_admins').values({ subject: 'intruder' }).execute()),
        { code: '42501' },
        `${who}: cannot name a platform admin`,
      );
      const deleted = await asApp(app, context, (trx) => trx.deleteFrom('platform_admins').executeTakeFirst());
      t.equal(Number(deleted.numDeletedRows), 0, `${who}: cannot remove one`);
    }
    t.ok(await owner.selectFrom('measures').select('id').where('region_id', '=', b.id).executeTakeFirst(), 'B’s rows are all still there');
  });

  t.test('the role wall: a reader of B cannot write B’s own rows either', async (t) => {
    await tryWrites(t, 'B’s reader', member(b.id, ['reader']), b.id);
  });

  t.test('and B’s region_admin can, so the role wall is not a closed door', async (t) => {
    const updated = await asApp(app, member(b.id, ['region_admin']), (trx) =>
      sql`update measures set region_id = region_id where region_id = ${b.id}`.execute(trx),
    );
    t.ok(Number(updated.numAffectedRows) > 0);
  });

  t.test('the editors’ walls: one municipality’s annex, one service’s reporting', async (t) => {
    const municipalities = await owner.selectFrom('municipalities').select(['id', 'kommunenummer']).where('region_id', '=', b.id).orderBy('kommunenummer').execute();
    const [own, other] = [municipalities[0]!, municipalities[1]!];
    const editor: RequestContext = { ...member(b.id, ['municipal_editor']), municipalityIds: [own.id] } as RequestContext;
    const versionsOf = (kind: 'annex' | 'regional', municipalityId?: string) =>
      owner
        .selectFrom('plan_versions as v')
        .innerJoin('plans as p', 'p.id', 'v.plan_id')
        .select('v.id')
        .where('v.region_id', '=', b.id)
        .where('p.kind', '=', kind)
        .$if(municipalityId !== undefined, (q) => q.where('p.municipality_id', '=', municipalityId!))
        .execute()
        .then((rows) => rows.map((r) => r.id));
    const touch = (context: RequestContext, table: string, versions: string[]) =>
      asApp(app, context, (trx) =>
        sql`update ${sql.table(table)} set region_id = region_id where plan_version_id in (${sql.join(versions)})`.execute(trx),
      ).then((r) => Number(r.numAffectedRows));
    const ownAnnex = await versionsOf('annex', own.id);
    const otherAnnex = await versionsOf('annex', other.id);
    const regional = await versionsOf('regional');
    for (const table of ['measures', 'measure_implementations']) {
      t.ok((await touch(editor, table, ownAnnex)) > 0, `${table}: a municipal editor writes its own annex`);
      t.equal(await touch(editor, table, otherAnnex), 0, `${table}: not another municipality’s annex`);
    }
    for (const table of ['sections', 'goals', 'measures']) {
      t.equal(await touch(editor, table, regional), 0, `${table}: nor the regional plan`);
    }
    const elsewhere = { ...editor, regionId: a.id } as RequestContext;
    t.equal(await touch(elsewhere, 'measures', ownAnnex), 0, 'and the same settings in another region reach nothing');

    // Barnevern reports on one of B's local implementations.
    const barnevern = await owner.selectFrom('services').select('id').where('region_id', '=', b.id).where('slug', '=', 'barnevern').executeTakeFirstOrThrow();
    const implementation = await owner.selectFrom('measure_implementations').select('id').where('region_id', '=', b.id).executeTakeFirstOrThrow();
    await owner.updateTable('measure_implementations').set({ responsible_service_id: barnevern.id }).where('id', '=', implementation.id).execute();
    const reported = { responsible_service_id: barnevern.id };
    const serviceEditor: RequestContext = { ...member(b.id, ['service_editor']), serviceIds: [reported.responsible_service_id!] } as RequestContext;
    const report = (context: RequestContext, own: boolean) =>
      asApp(app, context, (trx) =>
        sql`update measure_implementations set notes = notes
          where region_id = ${b.id} and responsible_service_id ${own ? sql`=` : sql`is distinct from`} ${reported.responsible_service_id}`.execute(trx),
      ).then((r) => Number(r.numAffectedRows));
    t.ok((await report(serviceEditor, true)) > 0, 'a service editor reports on its own service’s implementations');
    t.equal(await report(serviceEditor, false), 0, 'and on no one else’s');
    t.equal(await touch(serviceEditor, 'measures', [...ownAnnex, ...regional]), 0, 'and edits no plan text');
  });

  t.test('API clients: revocation is final, and the lookup can record use but change nothing else', async (t) => {
    const lookup: RequestContext = { role: 'principal_lookup', subject: `client:${bClient.id}`, clientId: bClient.id };
    const lastUsed = () => owner.selectFrom('api_clients').select(['last_used_at', 'revoked_at']).where('id', '=', bClient.id).executeTakeFirstOrThrow();
    await asApp(app, lookup, (trx) => sql`select record_api_client_use(${bClient.id}::uuid)`.execute(trx));
    t.ok((await lastUsed()).last_used_at, 'use is recorded through the function');
    const touched = await asApp(app, lookup, (trx) =>
      sql`update api_clients set revoked_at = now(), name = 'x' where id = ${bClient.id}`.execute(trx),
    ).catch((error: { code?: string }) => error);
    t.ok('numAffectedRows' in touched ? Number(touched.numAffectedRows) === 0 : (touched as { code?: string }).code === '42501', 'the lookup cannot update the row');

    await asApp(app, member(b.id, ['region_admin']), (trx) => sql`update api_clients set revoked_at = now() where id = ${bClient.id}`.execute(trx));
    const revokedAt = (await lastUsed()).revoked_at;
    t.ok(revokedAt, 'B’s admin revokes it');
    await t.rejects(
      asApp(app, member(b.id, ['region_admin']), (trx) => sql`update api_clients set revoked_at = null where id = ${bClient.id}`.execute(trx)),
      { code: '42501' },
      'and nobody brings it back',
    );
    await t.rejects(owner.updateTable('api_clients').set({ revoked_at: null }).where('id', '=', bClient.id).execute(), { code: '42501' }, 'not even the owner');
    const before = (await lastUsed()).last_used_at;
    await asApp(app, lookup, (trx) => sql`select record_api_client_use(${bClient.id}::uuid)`.execute(trx));
    t.same((await lastUsed()).last_used_at, before, 'a revoked client’s use is not recorded');
  });

  t.test('the principal lookup sees only the caller’s own memberships, client and platform-admin row', async (t) => {
    const lookup = (subject: string, clientId?: string): RequestContext => ({ role: 'principal_lookup', subject, ...(clientId ? { clientId } : {}) });
    const seen = await asApp(app, lookup('b-admin'), async (trx) => ({
      memberships: (await trx.selectFrom('memberships').select('subject').execute()).map((m) => m.subject),
      clients: await countAll(trx, 'api_clients'),
      admins: await countAll(trx, 'platform_admins'),
      drafts: await count(trx, 'sections', b.id),
    }));
    t.same(seen, { memberships: ['b-admin'], clients: 0, admins: 0, drafts: 0 });
    t.equal(await asApp(app, lookup(`client:${bClient.id}`, bClient.id), (trx) => countAll(trx, 'api_clients')), 1, 'a client finds itself');
    t.equal(await asApp(app, lookup('operator'), (trx) => countAll(trx, 'platform_admins')), 1, 'an operator finds their own row');
    t.equal(await asApp(app, lookup('operator'), (trx) => countAll(trx, 'memberships')), 0, 'and no memberships of others');
  });

  t.test('settings never outlive their transaction on a pooled connection', async (t) => {
    // Through the app's own withContext, on a pool of one connection.
    const single = connect(t, database.appUrl, 1);
    const service = await buildApp({ db: single, auth: await testAuth() });
    t.teardown(() => service.close());
    const seen = await service.withContext(member(b.id, ['region_admin']), (trx) => count(trx, 'sections', b.id));
    t.ok(seen > 0, 'B sees its draft sections inside its transaction');
    const after = await single.transaction().execute(async (trx) => {
      const { rows } = await sql<Record<string, string | null>>`
        select current_setting('app.role', true) as role, current_setting('app.region_id', true) as region,
          current_setting('app.roles', true) as roles, current_setting('app.subject', true) as subject,
          current_setting('app.municipality_ids', true) as municipalities, current_setting('app.service_ids', true) as services,
          current_setting('app.client_id', true) as client`.execute(trx);
      return { ...rows[0]!, sections: await count(trx, 'sections', b.id) };
    });
    t.same(
      after,
      { role: '', region: '', roles: '', subject: '', municipalities: '', services: '', client: '', sections: 0 },
      'the next transaction on the same connection starts empty',
    );
    const anonymous = await service.withContext({ role: 'anonymous' }, (trx) => count(trx, 'sections', b.id));
    t.equal(anonymous, 0, 'and a following anonymous request sees none of B’s drafts');
  });
});
