import { type Kysely, sql } from 'kysely';

/**
 * Row-level security: the second wall behind the application's own checks.
 *
 * Each request's transaction starts with one set_config call (transaction-
 * local) naming who it runs for: `app.role` is 'anonymous', 'member' or
 * 'platform_admin', and a member's `app.region_id` is their region. Without
 * those settings nothing is visible at all, so a query that forgets its
 * context fails closed.
 *
 * Reads: the directory (regions, municipalities, services, plans, stable
 * identities) is public. Adopted and superseded versions are public
 * documents, and content follows the visibility of its version, so a draft is
 * seen only inside its own region. Writes: only inside one's own region.
 * Frozen in time: never import application code here.
 */

const DIRECTORY = ['regions', 'municipalities', 'services', 'service_municipalities', 'plans', 'content_identities'];
const VERSION_CONTENT = ['sections', 'focus_areas', 'goals', 'measures', 'measure_implementations'];
const REGION_ONLY = ['consultation_submissions', 'audit_log'];
const ALL = [...DIRECTORY, 'plan_versions', ...VERSION_CONTENT, 'desired_states', 'measure_responsibilities', ...REGION_ONLY];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Bodies are schema-qualified: these functions are inlined into policies
    -- and would otherwise resolve names with the caller's search_path.
    create function public.app_role() returns text language sql stable as $$
      select coalesce(nullif(pg_catalog.current_setting('app.role', true), ''), 'none')
    $$;
    create function public.app_region_id() returns uuid language sql stable as $$
      select nullif(pg_catalog.current_setting('app.region_id', true), '')::uuid
    $$;
    create function public.app_has_context() returns boolean language sql stable as $$
      select public.app_role() in ('anonymous', 'member', 'platform_admin')
    $$;
    create function public.app_in_region(region uuid) returns boolean language sql stable as $$
      select public.app_role() = 'platform_admin' or (public.app_role() = 'member' and region = public.app_region_id())
    $$;
  `.execute(db);

  for (const table of ALL) {
    const t = sql.table(table);
    await sql`alter table ${t} enable row level security`.execute(db);
    await sql`alter table ${t} force row level security`.execute(db);
    // The owner runs migrations and seeds; it must not depend on BYPASSRLS,
    // which only a superuser can grant.
    await sql`create policy owner_all on ${t} to oppvekst_owner using (true) with check (true)`.execute(db);
    await sql`create policy tenant on ${t} to oppvekst_app
      using (app_in_region(region_id)) with check (app_in_region(region_id))`.execute(db);
  }

  for (const table of DIRECTORY) {
    await sql`create policy public_read on ${sql.table(table)} for select to oppvekst_app using (app_has_context())`.execute(db);
  }
  await sql`create policy public_read on plan_versions for select to oppvekst_app
    using (app_has_context() and status in ('adopted', 'superseded'))`.execute(db);
  // Content is as visible as its version: the subquery itself runs under plan_versions' policies.
  for (const table of VERSION_CONTENT) {
    await sql`create policy public_read on ${sql.table(table)} for select to oppvekst_app
      using (exists (select 1 from plan_versions v where v.id = plan_version_id))`.execute(db);
  }
  await sql`create policy public_read on desired_states for select to oppvekst_app
    using (exists (select 1 from goals g where g.id = goal_id))`.execute(db);
  await sql`create policy public_read on measure_responsibilities for select to oppvekst_app
    using (exists (select 1 from measures m where m.id = measure_id))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ALL) {
    const t = sql.table(table);
    for (const policy of ['owner_all', 'tenant', 'public_read']) {
      await sql`drop policy if exists ${sql.id(policy)} on ${t}`.execute(db);
    }
    await sql`alter table ${t} no force row level security`.execute(db);
    await sql`alter table ${t} disable row level security`.execute(db);
  }
  await sql`drop function app_in_region(uuid), app_has_context(), app_region_id(), app_role()`.execute(db);
}
