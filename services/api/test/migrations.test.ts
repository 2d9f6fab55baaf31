import { APP_ROLE, createOwnerDb, type Database, migrateToLatest, migrations, OWNER_ROLE, PLATFORM_TABLES } from '@oppvekst/db';
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import t from 'tap';
import { connect, createTestDatabase } from './support/database.js';
import { seedSecondRegionInDraft } from './support/second-region.js';

/**
 * Every column of every table, as the Database type declares it. The object
 * type makes TypeScript demand exactly the declared keys; the test then holds
 * the catalog to the same list, so the types and the migrations cannot drift.
 */
type ColumnsOf = { [T in keyof Database]: { [C in keyof Database[T]]: true } };
const declared: ColumnsOf = {
  regions: { id: true, region_id: true, slug: true, name: true, kind: true, language_form: true, created_at: true, updated_at: true, row_version: true },
  municipalities: { id: true, region_id: true, kommunenummer: true, name: true, language_form: true, created_at: true, updated_at: true, row_version: true },
  services: { id: true, region_id: true, slug: true, name: true, kind: true, scope: true, created_at: true, updated_at: true, row_version: true },
  service_municipalities: { region_id: true, service_id: true, municipality_id: true },
  plans: { id: true, region_id: true, kind: true, municipality_id: true, created_at: true },
  plan_versions: {
    id: true, region_id: true, plan_id: true, version_number: true, status: true, title: true, language_form: true,
    period_from: true, period_to: true, based_on_version_id: true, consultation_opens_on: true, consultation_closes_on: true,
    decided_by: true, decided_by_name: true, decision: true, decided_on: true, case_reference: true, adopted_at: true,
    superseded_at: true, created_at: true, updated_at: true, row_version: true,
  },
  content_identities: { id: true, region_id: true, plan_id: true, kind: true, created_at: true },
  sections: {
    id: true, region_id: true, plan_version_id: true, identity_id: true, identity_kind: true, kind: true, title: true, body: true, position: true,
    created_at: true, updated_at: true, row_version: true,
  },
  focus_areas: {
    id: true, region_id: true, plan_version_id: true, identity_id: true, identity_kind: true, title: true, description: true, position: true,
    created_at: true, updated_at: true, row_version: true,
  },
  goals: {
    id: true, region_id: true, plan_version_id: true, identity_id: true, identity_kind: true, focus_area_id: true, title: true, description: true,
    position: true, created_at: true, updated_at: true, row_version: true,
  },
  desired_states: { id: true, region_id: true, goal_id: true, text: true, position: true, created_at: true, updated_at: true, row_version: true },
  measures: {
    id: true, region_id: true, plan_version_id: true, identity_id: true, identity_kind: true, goal_id: true, regional_goal_identity_id: true, goal_kind: true,
    title: true, description: true, period_kind: true, period_from: true, period_to: true, prevention_level: true,
    age_groups: true, convention_articles: true, laws: true, programme: true, status: true, position: true,
    created_at: true, updated_at: true, row_version: true,
  },
  measure_responsibilities: { id: true, region_id: true, measure_id: true, role: true, service_id: true, service_kind: true, name: true, position: true },
  measure_implementations: {
    id: true, region_id: true, plan_version_id: true, measure_identity_id: true, measure_kind: true, local_responsible: true,
    responsible_service_id: true, period_kind: true, period_from: true, period_to: true, notes: true, status: true,
    created_at: true, updated_at: true, row_version: true,
  },
  consultation_submissions: {
    id: true, region_id: true, plan_version_id: true, author_name: true, text: true, concerns_identity_id: true,
    received_at: true, response: true, handling: true, answered_at: true, answered_by: true, updated_at: true, row_version: true,
  },
  audit_log: {
    id: true, region_id: true, occurred_at: true, actor: true, action: true, entity_type: true, entity_id: true, before: true,
    after: true, request_id: true,
  },
  memberships: {
    id: true, region_id: true, subject: true, role: true, municipality_id: true, service_id: true, created_by: true, created_at: true,
  },
  api_clients: {
    id: true, region_id: true, name: true, scopes: true, secret_hash: true, created_by: true, created_at: true, last_used_at: true,
    revoked_at: true, updated_at: true, row_version: true,
  },
  platform_admins: { subject: true, created_at: true },
  consultation_contacts: { submission_id: true, region_id: true, plan_version_id: true, contact: true },
  webhook_endpoints: {
    id: true, region_id: true, url: true, description: true, event_types: true, secret_ciphertext: true, enabled: true,
    disabled_reason: true, disabled_at: true, consecutive_failures: true, failing_since: true, last_success_at: true,
    created_by: true, created_at: true, updated_at: true, row_version: true,
  },
  webhook_events: { id: true, region_id: true, type: true, body: true, occurred_at: true, dispatched_at: true },
  webhook_deliveries: {
    id: true, region_id: true, endpoint_id: true, event_id: true, status: true, attempts: true, max_attempts: true,
    next_attempt_at: true, redelivery_requested: true, lease_owner: true, lease_expires_at: true, last_response_status: true, last_error: true,
    created_at: true, completed_at: true,
  },
  webhook_attempts: {
    id: true, region_id: true, delivery_id: true, attempt_number: true, manual: true, worker: true, started_at: true,
    finished_at: true, outcome: true, response_status: true, error: true, duration_ms: true,
  },
  measure_feed: {
    channel: true, identity_id: true, region_id: true, plan_id: true, municipality_id: true, measure_id: true, item: true, fingerprint: true,
    search_vector: true, seq: true, changed_at: true, pending: true,
  },
  implementation_feed: {
    channel: true, municipality_id: true, measure_identity_id: true, region_id: true, item: true, fingerprint: true, seq: true, changed_at: true,
    pending: true,
  },
};

t.test('migrations run up from an empty database and match the declared types', async (t) => {
  const database = await createTestDatabase(t, { empty: true });
  const { applied } = await migrateToLatest(database.adminUrl);
  t.same(applied, Object.keys(migrations), 'every migration applied, in order');
  t.same((await migrateToLatest(database.adminUrl)).applied, [], 'a second run applies nothing');

  const admin = connect(t, database.adminUrl);
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name, ordinal_position`.execute(admin);
  const catalog: Record<string, string[]> = {};
  for (const r of rows) (catalog[r.table_name] ??= []).push(r.column_name);
  t.same(Object.keys(catalog).sort(), Object.keys(declared).sort(), 'the same tables');
  for (const [table, columns] of Object.entries(declared)) {
    t.same([...(catalog[table] ?? [])].sort(), Object.keys(columns).sort(), `${table}: the same columns`);
    const tenantOwned = !PLATFORM_TABLES.includes(table as keyof Database);
    t.equal(catalog[table]?.includes('region_id'), tenantOwned, `${table} ${tenantOwned ? 'carries' : 'is platform data, without'} region_id`);
  }

  t.test('the owner role owns every table; the app role owns nothing and cannot bypass anything', async (t) => {
    const owners = await sql<{ tableowner: string }>`
      select distinct tableowner from pg_tables where schemaname = 'public'`.execute(admin);
    t.same(owners.rows.map((r) => r.tableowner), [OWNER_ROLE]);
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcanlogin: boolean }>`
      select rolsuper, rolbypassrls, rolcreaterole, rolcanlogin from pg_roles where rolname = ${APP_ROLE}`.execute(admin);
    t.same(role.rows[0], { rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcanlogin: true });
    const owned = await sql<{ n: number }>`
      select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ${APP_ROLE}`.execute(admin);
    t.equal(owned.rows[0]?.n, 0);
  });

  t.test('the app role cannot change the schema', async (t) => {
    const app = connect(t, database.appUrl, 1);
    await t.rejects(sql`create table intruder (id int)`.execute(app), { code: '42501' });
    await t.rejects(sql`drop table measures`.execute(app), { code: '42501' });
  });

  t.test('down migrations undo everything', async (t) => {
    const owner = createOwnerDb<unknown>(database.adminUrl);
    t.teardown(() => owner.destroy());
    const migrator = new Migrator({ db: owner, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(NO_MIGRATIONS);
    t.error(error);
    const left = await sql<{ n: number }>`
      select count(*)::int as n from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(admin);
    t.equal(left.rows[0]?.n, 0, 'no tables left');
    t.same((await migrateToLatest(database.adminUrl)).applied, Object.keys(migrations), 'and up again');
  });
});

t.test('constraints keep the domain honest', async (t) => {
  const database = await createTestDatabase(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const region = await owner.selectFrom('regions').select('id').executeTakeFirstOrThrow();

  await t.rejects(
    owner.insertInto('municipalities').values({ region_id: region.id, kommunenummer: '42a6', name: 'X', language_form: 'nn' }).execute(),
    { code: '23514' },
    'a kommunenummer is four digits',
  );
  const adopted = await owner.selectFrom('plan_versions').selectAll().where('status', '=', 'adopted').executeTakeFirstOrThrow();
  await t.rejects(
    owner
      .insertInto('plan_versions')
      .values({ ...adopted, id: undefined, version_number: 2, row_version: undefined, region_id: adopted.region_id } as never)
      .execute(),
    { code: '23505' },
    'a plan has one adopted version at a time',
  );
  await t.rejects(
    owner
      .insertInto('plan_versions')
      .values({
        region_id: adopted.region_id, plan_id: adopted.plan_id, version_number: 9, status: 'adopted',
        title: 'Utan vedtak', language_form: 'nn',
      })
      .execute(),
    { code: '23514' },
    'an adopted version records its decision',
  );
  // Content constraints are tried on a draft: adopted content is frozen before any check runs.
  const draftRegionId = await seedSecondRegionInDraft(owner);
  const measure = await owner.selectFrom('measures').select(['id']).where('region_id', '=', draftRegionId).executeTakeFirstOrThrow();
  await t.rejects(
    owner.updateTable('measures').set({ period_kind: 'span', period_from: 2025, period_to: null }).where('id', '=', measure.id).execute(),
    { code: '23514' },
    'a span has both ends',
  );
  await t.rejects(
    owner.updateTable('measures').set({ convention_articles: [55] }).where('id', '=', measure.id).execute(),
    { code: '23514' },
    'the convention has 54 articles',
  );

  t.test('the audit log is append-only, even for the owner', async (t) => {
    await owner.insertInto('audit_log').values({ actor: 'test', action: 'x.y', entity_type: 'x', entity_id: '1', before: null, after: null }).execute();
    await t.rejects(owner.updateTable('audit_log').set({ actor: 'someone else' }).execute(), { code: '42501' });
    await t.rejects(owner.deleteFrom('audit_log').execute(), { code: '42501' });
    await t.rejects(sql`truncate audit_log`.execute(owner), { code: '42501' });
  });

  t.test('an update bumps row_version and updated_at', async (t) => {
    const before = await owner.selectFrom('measures').select(['row_version', 'updated_at']).where('id', '=', measure.id).executeTakeFirstOrThrow();
    await owner.updateTable('measures').set({ title: 'Endra tittel' }).where('id', '=', measure.id).execute();
    const after = await owner.selectFrom('measures').select(['row_version', 'updated_at']).where('id', '=', measure.id).executeTakeFirstOrThrow();
    t.equal(after.row_version, before.row_version + 1);
    t.ok(after.updated_at >= before.updated_at);
  });
});

t.test('content rows cannot borrow identities or reach into another version', async (t) => {
  const database = await createTestDatabase(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const draftRegionId = await seedSecondRegionInDraft(owner);
  const measure = await owner
    .selectFrom('measures')
    .selectAll()
    .where('goal_id', 'is not', null)
    .where('region_id', '=', draftRegionId)
    .executeTakeFirstOrThrow();
  const goal = await owner.selectFrom('goals').selectAll().where('id', '=', measure.goal_id!).executeTakeFirstOrThrow();
  const otherVersionGoal = await owner
    .selectFrom('goals')
    .select('id')
    .where('plan_version_id', '!=', measure.plan_version_id)
    .where('region_id', '=', measure.region_id)
    .executeTakeFirstOrThrow();
  const { id: _id, identity_kind: _k, goal_kind: _g, row_version: _v, created_at: _c, updated_at: _u, ...copy } = measure;

  await t.rejects(
    owner.insertInto('measures').values({ ...copy, identity_id: goal.identity_id }).execute(),
    { code: '23503' },
    'a measure cannot use a goal’s identity',
  );
  await t.rejects(
    owner.updateTable('measures').set({ goal_id: null, regional_goal_identity_id: measure.identity_id }).where('id', '=', measure.id).execute(),
    { code: '23503' },
    'a local measure serves a goal identity, not a measure identity',
  );
  await t.rejects(
    owner.updateTable('measures').set({ goal_id: otherVersionGoal.id }).where('id', '=', measure.id).execute(),
    { code: '23503' },
    'a measure belongs to a goal of its own version',
  );
  await t.rejects(
    owner
      .insertInto('measure_implementations')
      .values({ region_id: measure.region_id, plan_version_id: measure.plan_version_id, measure_identity_id: goal.identity_id, status: 'active' })
      .execute(),
    { code: '23503' },
    'an implementation names a measure identity',
  );
});

t.test('the feed: functions for the triggers only, the app reads what it needs, the live index serves the list', async (t) => {
  const database = await createTestDatabase(t);
  const admin = connect(t, database.adminUrl);
  const app = connect(t, database.appUrl, 1);

  const functions = await sql<{ name: string; definer: boolean; public_may: boolean; app_may: boolean }>`
    select p.oid::regprocedure::text as name, p.prosecdef as definer,
      exists (select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_may,
      has_function_privilege(${APP_ROLE}, p.oid, 'execute') as app_may
    from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname like 'oppvekst_feed%' order by 1`.execute(admin);
  t.equal(functions.rows.length, 5, 'five feed functions');
  for (const f of functions.rows) {
    t.ok(f.definer, `${f.name} runs as the owner`);
    t.notOk(f.public_may, `${f.name}: execute revoked from public`);
    t.notOk(f.app_may, `${f.name}: the app role cannot run it`);
  }
  await t.rejects(sql`select oppvekst_feed_stamp()`.execute(app), { code: '42501' }, 'the app cannot stamp the feed');
  await t.rejects(sql`select oppvekst_feed_refresh('adopted', gen_random_uuid(), null)`.execute(app), { code: '42501' });

  for (const table of ['measure_feed', 'implementation_feed']) {
    const whole = await sql<{ may: boolean }>`select has_table_privilege(${APP_ROLE}, ${table}, 'select') as may`.execute(admin);
    t.notOk(whole.rows[0]?.may, `${table}: select is granted by column, not on the whole table`);
    await t.rejects(sql`select fingerprint from ${sql.table(table)}`.execute(app), { code: '42501' }, `${table}: the app does not read fingerprints`);
    await t.rejects(sql`select pending from ${sql.table(table)}`.execute(app), { code: '42501' }, `${table}: nor pending stamps`);
  }
  await t.rejects(sql`select measure_id, plan_id from measure_feed`.execute(app), { code: '42501' });

  // The list query's shape (measure.repository.ts listMeasurePage): live rows of a channel and region, in stable-id order.
  const region = await sql<{ id: string }>`select id from regions limit 1`.execute(admin);
  // Which index wins depends on the statistics, so the others are dropped for the question (and brought back by the
  // rollback): with sequential scans off, the planner takes measure_feed_live if, and only if, the query implies its predicate.
  const plan = await admin
    .transaction()
    .execute(async (trx) => {
      const others = await sql<{ name: string }>`select indexrelid::regclass::text as name from pg_index
        where indrelid = 'measure_feed'::regclass and indexrelid <> 'measure_feed_live'::regclass and not indisprimary`.execute(trx);
      for (const { name } of others.rows) await sql`drop index ${sql.id(name)}`.execute(trx);
      await sql`alter table measure_feed drop constraint measure_feed_pkey`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select f.item::text, f.identity_id from measure_feed f
        where f.channel = 'adopted' and f.item is not null and f.region_id = ${region.rows[0]!.id} order by f.identity_id limit 51`.execute(trx);
      throw Object.assign(new Error('rollback'), { plan: rows.map((r) => r['QUERY PLAN']).join('\n') });
    })
    .catch((error: { plan?: string }) => {
      if (error.plan === undefined) throw error;
      return error.plan;
    });
  t.match(plan, /measure_feed_live/, 'the partial index on live rows is used: its predicate is the one the query states');
  const measuresColumns = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.columns where table_name = 'measures' and column_name = 'search_vector'`.execute(admin);
  t.equal(measuresColumns.rows[0]?.n, 0, 'measures has no search vector of its own: the feed searches its items');
});
