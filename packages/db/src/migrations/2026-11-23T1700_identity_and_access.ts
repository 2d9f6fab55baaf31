import { type Kysely, sql } from 'kysely';

/**
 * Who may do what: memberships (a subject's role in a region), API clients
 * (integrations with a hashed secret and scopes) and platform administrators.
 *
 * The request context grows from "which region" to "which roles there": each
 * request's transaction sets, in one set_config call, `app.role` ('anonymous',
 * 'member', 'platform_admin'), `app.region_id`, `app.roles` (the member's
 * roles in that region), `app.municipality_ids`, `app.service_ids`,
 * `app.subject` and `app.client_id`. Before a request knows its principal it
 * runs once as 'principal_lookup', which sees only the caller's own
 * memberships, platform-admin row or API client, and nothing else.
 *
 * Writes become role-aware: the catch-all `tenant` policy of the previous
 * migration is split into reads for anyone in the region and writes for the
 * region's administrators (and platform admins). Later features add narrower
 * write policies for editors. Frozen in time: never import application code.
 */

const CUSTOMER_TABLES = ['regions', 'municipalities', 'plans'];
const EXISTING = [
  'regions', 'municipalities', 'services', 'service_municipalities', 'plans', 'content_identities', 'plan_versions',
  'sections', 'focus_areas', 'goals', 'measures', 'measure_implementations', 'desired_states',
  'measure_responsibilities', 'consultation_submissions', 'audit_log',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table memberships (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions (id) on delete cascade,
      subject text not null check (length(subject) between 1 and 255),
      role text not null check (role in ('region_admin', 'municipal_editor', 'service_editor', 'reader')),
      municipality_id uuid,
      service_id uuid,
      created_by text not null check (length(created_by) between 1 and 300),
      created_at timestamptz not null default now(),
      foreign key (region_id, municipality_id) references municipalities (region_id, id) on delete cascade,
      foreign key (region_id, service_id) references services (region_id, id) on delete cascade,
      -- A municipal editor names exactly one municipality, a service editor one service, others neither.
      check ((role = 'municipal_editor') = (municipality_id is not null)),
      check ((role = 'service_editor') = (service_id is not null)),
      unique nulls not distinct (region_id, subject, role, municipality_id, service_id)
    );
    create index memberships_subject on memberships (subject);

    create table api_clients (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      scopes text[] not null check (cardinality(scopes) between 1 and 10
        and scopes <@ array['plans:read', 'measures:read', 'webhooks:manage']),
      secret_hash text not null check (length(secret_hash) between 20 and 500),
      created_by text not null check (length(created_by) between 1 and 300),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      unique (region_id, id)
    );
    create trigger api_clients_touch before update on api_clients for each row execute function oppvekst_touch();

    -- The operators of the service itself; not tenant data, so no region.
    create table platform_admins (
      subject text primary key check (length(subject) between 1 and 255),
      created_at timestamptz not null default now()
    );

    -- The lookup may also read the public directory, to name the regions,
    -- municipalities and services of the memberships it finds.
    create or replace function public.app_has_context() returns boolean language sql stable as $$
      select public.app_role() in ('anonymous', 'member', 'platform_admin', 'principal_lookup')
    $$;

    create function public.app_subject() returns text language sql stable as $$
      select nullif(pg_catalog.current_setting('app.subject', true), '')
    $$;
    create function public.app_client_id() returns uuid language sql stable as $$
      select nullif(pg_catalog.current_setting('app.client_id', true), '')::uuid
    $$;
    create function public.app_roles() returns text[] language sql stable as $$
      select coalesce(nullif(pg_catalog.current_setting('app.roles', true), '')::text[], '{}')
    $$;
    create function public.app_municipality_ids() returns uuid[] language sql stable as $$
      select coalesce(nullif(pg_catalog.current_setting('app.municipality_ids', true), '')::uuid[], '{}')
    $$;
    create function public.app_service_ids() returns uuid[] language sql stable as $$
      select coalesce(nullif(pg_catalog.current_setting('app.service_ids', true), '')::uuid[], '{}')
    $$;
    create function public.app_is_region_admin(region uuid) returns boolean language sql stable as $$
      select public.app_role() = 'platform_admin'
        or (public.app_in_region(region) and 'region_admin' = any (public.app_roles()))
    $$;
    create function public.app_is_principal_lookup() returns boolean language sql stable as $$
      select public.app_role() = 'principal_lookup'
    $$;
    -- Reading inside a region takes a role there: a member context without
    -- any (an API client without a read scope, say) sees what the public sees.
    create function public.app_reads_region(region uuid) returns boolean language sql stable as $$
      select public.app_role() = 'platform_admin'
        or (public.app_in_region(region) and pg_catalog.cardinality(public.app_roles()) > 0)
    $$;

    -- An API client's last use is recorded by this function alone, so the
    -- context that looks a client up cannot write anything else on its row
    -- (revoked_at above all). Runs as the owner; touches only a live client.
    create function public.record_api_client_use(client uuid) returns void
      language sql volatile security definer set search_path = pg_catalog, public as $$
      update public.api_clients set last_used_at = pg_catalog.now() where id = client and revoked_at is null
    $$;
    revoke execute on function public.record_api_client_use(uuid) from public;
    grant execute on function public.record_api_client_use(uuid) to oppvekst_app;

    -- Revocation is final: a revoked client is never brought back, by anyone.
    create function oppvekst_api_client_revocation_final() returns trigger language plpgsql as $$
    begin
      if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
        raise exception 'a revoked API client stays revoked' using errcode = 'insufficient_privilege';
      end if;
      return new;
    end $$;
    create trigger api_clients_revocation_final before update on api_clients
      for each row execute function oppvekst_api_client_revocation_final();
  `.execute(db);

  for (const table of EXISTING) {
    const t = sql.table(table);
    await sql`drop policy tenant on ${t}`.execute(db);
    // The audit log names people and what they did: for the region's administrators.
    const read = table === 'audit_log' ? sql`app_is_region_admin(region_id)` : sql`app_reads_region(region_id)`;
    await sql`create policy tenant_read on ${t} for select to oppvekst_app using (${read})`.execute(db);
    // New regions, their municipalities and plans come from onboarding, by platform admins only.
    const insert = CUSTOMER_TABLES.includes(table) ? sql`app_role() = 'platform_admin'` : sql`app_is_region_admin(region_id)`;
    await sql`create policy admin_insert on ${t} for insert to oppvekst_app with check (${insert})`.execute(db);
    await sql`create policy admin_update on ${t} for update to oppvekst_app
      using (app_is_region_admin(region_id)) with check (app_is_region_admin(region_id))`.execute(db);
    await sql`create policy admin_delete on ${t} for delete to oppvekst_app using (app_is_region_admin(region_id))`.execute(db);
  }

  // Editors write within what they hold: a municipal editor its own
  // municipality's annex (versions, content and local implementations), a
  // service editor the implementations its service is responsible for. The
  // app's grants for these writes come with the features that write.
  await sql`
    create function public.app_edits_annex_version(version uuid) returns boolean language sql stable as $$
      select 'municipal_editor' = any (public.app_roles()) and exists (
        select 1 from public.plan_versions v join public.plans p on p.id = v.plan_id
        where v.id = version and p.municipality_id = any (public.app_municipality_ids()))
    $$;
    create policy editor_write on plan_versions for all to oppvekst_app
      using (app_in_region(region_id) and 'municipal_editor' = any (app_roles())
        and exists (select 1 from plans p where p.id = plan_id and p.municipality_id = any (app_municipality_ids())))
      with check (app_in_region(region_id) and 'municipal_editor' = any (app_roles())
        and exists (select 1 from plans p where p.id = plan_id and p.municipality_id = any (app_municipality_ids())));
  `.execute(db);
  for (const table of ['sections', 'focus_areas', 'goals', 'measures', 'measure_implementations']) {
    await sql`create policy editor_write on ${sql.table(table)} for all to oppvekst_app
      using (app_in_region(region_id) and app_edits_annex_version(plan_version_id))
      with check (app_in_region(region_id) and app_edits_annex_version(plan_version_id))`.execute(db);
  }
  await sql`
    create policy editor_write on desired_states for all to oppvekst_app
      using (app_in_region(region_id) and exists (select 1 from goals g where g.id = goal_id and app_edits_annex_version(g.plan_version_id)))
      with check (app_in_region(region_id) and exists (select 1 from goals g where g.id = goal_id and app_edits_annex_version(g.plan_version_id)));
    create policy editor_write on measure_responsibilities for all to oppvekst_app
      using (app_in_region(region_id) and exists (select 1 from measures m where m.id = measure_id and app_edits_annex_version(m.plan_version_id)))
      with check (app_in_region(region_id) and exists (select 1 from measures m where m.id = measure_id and app_edits_annex_version(m.plan_version_id)));
    create policy service_report on measure_implementations for update to oppvekst_app
      using (app_in_region(region_id) and 'service_editor' = any (app_roles()) and responsible_service_id = any (app_service_ids()))
      with check (app_in_region(region_id) and 'service_editor' = any (app_roles()) and responsible_service_id = any (app_service_ids()));
  `.execute(db);

  for (const table of ['memberships', 'api_clients', 'platform_admins']) {
    const t = sql.table(table);
    await sql`alter table ${t} enable row level security`.execute(db);
    await sql`alter table ${t} force row level security`.execute(db);
    await sql`create policy owner_all on ${t} to oppvekst_owner using (true) with check (true)`.execute(db);
  }
  await sql`
    -- Who holds which role (subjects are often e-mail addresses): for the region's administrators.
    create policy admin_read on memberships for select to oppvekst_app using (app_is_region_admin(region_id));
    create policy own_lookup on memberships for select to oppvekst_app
      using (app_is_principal_lookup() and subject = app_subject());
    create policy admin_insert on memberships for insert to oppvekst_app with check (app_is_region_admin(region_id));
    create policy admin_delete on memberships for delete to oppvekst_app using (app_is_region_admin(region_id));

    -- Clients (and their secret hashes) are for the region's administrators only, not every member.
    create policy admin_read on api_clients for select to oppvekst_app using (app_is_region_admin(region_id));
    create policy own_lookup on api_clients for select to oppvekst_app
      using (app_is_principal_lookup() and id = app_client_id());
    create policy admin_insert on api_clients for insert to oppvekst_app with check (app_is_region_admin(region_id));
    create policy admin_update on api_clients for update to oppvekst_app
      using (app_is_region_admin(region_id)) with check (app_is_region_admin(region_id));

    create policy own_lookup on platform_admins for select to oppvekst_app
      using (app_is_principal_lookup() and subject = app_subject());
    create policy platform_read on platform_admins for select to oppvekst_app using (app_role() = 'platform_admin');
  `.execute(db);

  // Grants follow the policies, listing columns, so nothing a client may not
  // set (ids, timestamps, row versions) can be written by the app at all.
  await sql`
    grant select on memberships, api_clients, platform_admins to oppvekst_app;
    grant insert (slug, name, kind, language_form) on regions to oppvekst_app;
    grant insert (region_id, kommunenummer, name, language_form) on municipalities to oppvekst_app;
    grant insert (region_id, kind, municipality_id) on plans to oppvekst_app;
    grant insert (region_id, subject, role, municipality_id, service_id, created_by), delete on memberships to oppvekst_app;
    grant insert (region_id, name, scopes, secret_hash, created_by) on api_clients to oppvekst_app;
    grant update (revoked_at) on api_clients to oppvekst_app;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    revoke insert on regions, municipalities, plans from oppvekst_app;
    drop table platform_admins, api_clients, memberships;
  `.execute(db);
  for (const table of ['plan_versions', 'sections', 'focus_areas', 'goals', 'measures', 'measure_implementations', 'desired_states', 'measure_responsibilities']) {
    await sql`drop policy editor_write on ${sql.table(table)}`.execute(db);
  }
  await sql`drop policy service_report on measure_implementations; drop function app_edits_annex_version(uuid)`.execute(db);
  for (const table of EXISTING) {
    const t = sql.table(table);
    for (const policy of ['tenant_read', 'admin_insert', 'admin_update', 'admin_delete']) {
      await sql`drop policy ${sql.id(policy)} on ${t}`.execute(db);
    }
    await sql`create policy tenant on ${t} to oppvekst_app
      using (app_in_region(region_id)) with check (app_in_region(region_id))`.execute(db);
  }
  await sql`
    create or replace function public.app_has_context() returns boolean language sql stable as $$
      select public.app_role() in ('anonymous', 'member', 'platform_admin')
    $$;
    drop function record_api_client_use(uuid), oppvekst_api_client_revocation_final(), app_reads_region(uuid);
    drop function app_is_principal_lookup(), app_is_region_admin(uuid), app_service_ids(), app_municipality_ids(),
      app_roles(), app_client_id(), app_subject();
  `.execute(db);
}
