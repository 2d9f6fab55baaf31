import { APP_ROLE, createOwnerDb, type Database, type DemoRegion, seedRegion, vestTelemark } from '@oppvekst/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { connect, createTestDatabase } from './support/database.js';

/** Tables anyone may read: the public directory of customers and stable ids. */
const PUBLIC_DIRECTORY = new Set(['regions', 'municipalities', 'services', 'service_municipalities', 'plans', 'content_identities']);

/** A second customer, as like Vest-Telemark as can be, with everything still in draft. */
function otherRegion(): DemoRegion {
  const renumber = (k: string) => `38${k.slice(2)}`;
  const copy = structuredClone(vestTelemark);
  copy.slug = 'grenland-test';
  copy.name = 'Grenland (test)';
  copy.municipalities = copy.municipalities.map((m) => ({ ...m, kommunenummer: renumber(m.kommunenummer) }));
  copy.services = copy.services.map((s) => ({ ...s, serves: s.serves.map(renumber) }));
  copy.annexes = Object.fromEntries(Object.entries(copy.annexes).map(([k, v]) => [renumber(k), v]));
  return copy;
}

type Context = { role: 'anonymous' } | { role: 'member'; regionId: string } | { role: 'platform_admin' } | null;

async function asApp<T>(db: Kysely<Database>, context: Context, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (context) {
      await sql`select set_config('app.role', ${context.role}, true),
        set_config('app.region_id', ${context.role === 'member' ? context.regionId : ''}, true)`.execute(trx);
    }
    return work(trx);
  });
}

t.test('row-level security, the second wall', async (t) => {
  const database = await createTestDatabase(t);
  const admin = connect(t, database.adminUrl);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());

  // Tenant B: seeded, then put back to draft, with consultation input on top.
  await seedRegion(owner, otherRegion());
  const a = await owner.selectFrom('regions').select('id').where('slug', '=', 'vest-telemark').executeTakeFirstOrThrow();
  const b = await owner.selectFrom('regions').select('id').where('slug', '=', 'grenland-test').executeTakeFirstOrThrow();
  await owner.updateTable('plan_versions').set({ status: 'draft' }).where('region_id', '=', b.id).execute();
  const bVersion = await owner.selectFrom('plan_versions').select('id').where('region_id', '=', b.id).executeTakeFirstOrThrow();
  await owner
    .insertInto('consultation_submissions')
    .values({ region_id: b.id, plan_version_id: bVersion.id, author_name: 'Ungdomsrådet', contact: 'ung@example.org', text: 'Innspel' })
    .execute();

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
    t.ok(catalog.length >= 16);
    for (const c of catalog) {
      t.ok(c.has_region, `${c.table} carries region_id`);
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

  t.test('B’s rows exist: every tenant table has some, so the checks below are not vacuous', async (t) => {
    for (const table of tenantTables) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where region_id = ${b.id}`.execute(admin);
      t.ok(rows[0]!.n > 0, `${table} has rows of tenant B`);
    }
  });

  t.test('without a context nothing is visible (fail closed)', async (t) => {
    for (const table of tenantTables) t.equal(await asApp(app, null, (trx) => count(trx, table, b.id)), 0, table);
  });

  t.test('as tenant A, or anonymous, B’s drafts and private rows read as zero rows', async (t) => {
    for (const context of [{ role: 'member', regionId: a.id }, { role: 'anonymous' }] as const) {
      for (const table of tenantTables) {
        const n = await asApp(app, context, (trx) => count(trx, table, b.id));
        if (PUBLIC_DIRECTORY.has(table)) t.ok(n > 0, `${context.role}: ${table} is public directory data`);
        else t.equal(n, 0, `${context.role}: ${table} of B is invisible`);
      }
    }
  });

  t.test('tenant B itself sees its drafts, so the policies are not just closed doors', async (t) => {
    for (const table of tenantTables) {
      t.ok((await asApp(app, { role: 'member', regionId: b.id }, (trx) => count(trx, table, b.id))) > 0, table);
    }
  });

  t.test('as tenant A, anonymous or without context, updates and deletes of B’s rows touch zero rows; inserts for B are refused', async (t) => {
    for (const context of [{ role: 'member', regionId: a.id }, { role: 'anonymous' }, null] as const) {
      const who = context?.role ?? 'no context';
      for (const table of tenantTables) {
        // regions.region_id is generated from id; every other table can "change" it to itself.
        const assignment = table === 'regions' ? sql`slug = slug` : sql`region_id = region_id`;
        const updated = await asApp(app, context, (trx) =>
          sql`update ${sql.table(table)} set ${assignment} where region_id = ${b.id}`.execute(trx),
        ).catch((error: { code?: string }) => error);
        if ('numAffectedRows' in updated) t.equal(Number(updated.numAffectedRows), 0, `${who}: ${table}: update touches no row of B`);
        else t.equal((updated as { code?: string }).code, '42501', `${who}: ${table}: update refused`);

        if (table !== 'audit_log') {
          const deleted = await asApp(app, context, (trx) => sql`delete from ${sql.table(table)} where region_id = ${b.id}`.execute(trx));
          t.equal(Number(deleted.numAffectedRows), 0, `${who}: ${table}: delete touches no row of B`);
        }

        // Copy one of B's rows (read as the owner) and try to insert it as A, with fresh ids.
        const { rows: columns } = await sql<{ column_name: string }>`
          select column_name from information_schema.columns
          where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' and is_identity = 'NO'`.execute(admin);
        const names = columns.map((c) => c.column_name);
        const { rows: sample } = await sql<{ row: Record<string, unknown> }>`
          select to_jsonb(x) as row from ${sql.table(table)} x where region_id = ${b.id} limit 1`.execute(admin);
        const row = { ...sample[0]!.row, ...(names.includes('id') ? { id: crypto.randomUUID() } : {}) };
        const list = sql.join(names.map((n) => sql.id(n)));
        await t.rejects(
          asApp(app, context, (trx) =>
            sql`insert into ${sql.table(table)} (${list})
              select ${list} from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(row)}::jsonb)`.execute(trx),
          ),
          { code: '42501' },
          `${who}: ${table}: inserting a row for B is refused`,
        );
      }
    }
    t.ok(await owner.selectFrom('measures').select('id').where('region_id', '=', b.id).executeTakeFirst(), 'B’s rows are all still there');
  });

  t.test('settings never outlive their transaction on a pooled connection', async (t) => {
    // Through the app's own withContext, on a pool of one connection.
    const single = connect(t, database.appUrl, 1);
    const service = await buildApp({ db: single });
    t.teardown(() => service.close());
    const seen = await service.withContext({ role: 'member', regionId: b.id }, (trx) => count(trx, 'sections', b.id));
    t.ok(seen > 0, 'B sees its draft sections inside its transaction');
    const after = await single.transaction().execute(async (trx) => {
      const { rows } = await sql<{ role: string | null; region: string | null }>`
        select current_setting('app.role', true) as role, current_setting('app.region_id', true) as region`.execute(trx);
      return { ...rows[0]!, sections: await count(trx, 'sections', b.id) };
    });
    t.same(after, { role: '', region: '', sections: 0 }, 'the next transaction on the same connection starts empty');
    const anonymous = await service.withContext({ role: 'anonymous' }, (trx) => count(trx, 'sections', b.id));
    t.equal(anonymous, 0, 'and a following anonymous request sees none of B’s drafts');
  });
});
