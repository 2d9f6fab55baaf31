import { type Kysely, sql } from 'kysely';

/**
 * The domain schema: regions, municipalities, services, plans, versions and
 * their content, local implementations, consultation input and the audit log.
 *
 * Frozen in time: a migration never imports application code, so the allowed
 * values are written out here rather than taken from the contracts package.
 * Runs as the owner role; the app role only receives grants.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function oppvekst_touch() returns trigger language plpgsql as $$
    begin
      new.updated_at := now();
      new.row_version := old.row_version + 1;
      return new;
    end $$;

    create table regions (
      id uuid primary key default gen_random_uuid(),
      region_id uuid generated always as (id) stored unique,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('intermunicipal', 'single_municipality')),
      language_form text not null check (language_form in ('nb', 'nn')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1
    );

    create table municipalities (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions (id) on delete restrict,
      kommunenummer char(4) not null unique check (kommunenummer ~ '^[0-9]{4}$'),
      name text not null check (length(name) between 1 and 200),
      language_form text not null check (language_form in ('nb', 'nn')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      unique (region_id, id)
    );

    create table services (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions (id) on delete restrict,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('barnevern', 'ppt', 'nav', 'helsestasjon', 'school', 'kindergarten', 'sfo',
        'slt', 'culture', 'mental_health', 'dental', 'refugee', 'family_counselling', 'police', 'voluntary', 'other')),
      scope text not null check (scope in ('intermunicipal', 'local')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      unique (region_id, slug),
      unique (region_id, id)
    );

    create table service_municipalities (
      region_id uuid not null,
      service_id uuid not null,
      municipality_id uuid not null,
      primary key (service_id, municipality_id),
      foreign key (region_id, service_id) references services (region_id, id) on delete cascade,
      foreign key (region_id, municipality_id) references municipalities (region_id, id) on delete cascade
    );
    create index service_municipalities_municipality on service_municipalities (municipality_id);

    create table plans (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions (id) on delete restrict,
      kind text not null check (kind in ('regional', 'annex')),
      municipality_id uuid,
      created_at timestamptz not null default now(),
      unique (region_id, id),
      foreign key (region_id, municipality_id) references municipalities (region_id, id) on delete restrict,
      check ((kind = 'regional') = (municipality_id is null))
    );
    create unique index plans_one_regional on plans (region_id) where kind = 'regional';
    create unique index plans_one_annex on plans (municipality_id) where kind = 'annex';

    create table plan_versions (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_id uuid not null,
      version_number integer not null check (version_number > 0),
      status text not null check (status in ('draft', 'consultation', 'adopted', 'superseded')),
      title text not null check (length(title) between 1 and 300),
      language_form text not null check (language_form in ('nb', 'nn')),
      period_from smallint check (period_from between 2000 and 2100),
      period_to smallint check (period_to between 2000 and 2100),
      based_on_version_id uuid,
      consultation_opens_on date,
      consultation_closes_on date,
      decided_by text check (decided_by in ('municipal_council', 'regional_council', 'committee', 'administration')),
      decided_by_name text check (length(decided_by_name) <= 200),
      decision text check (decision in ('adopted', 'noted')),
      decided_on date,
      case_reference text check (length(case_reference) <= 100),
      adopted_at timestamptz,
      superseded_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      unique (plan_id, version_number),
      unique (region_id, id),
      foreign key (region_id, plan_id) references plans (region_id, id) on delete cascade,
      -- With region_id in the key, a version can only build on one of its own region's versions.
      foreign key (region_id, based_on_version_id) references plan_versions (region_id, id) on delete restrict,
      check (period_from is null or period_to is null or period_from <= period_to),
      check ((consultation_opens_on is null) = (consultation_closes_on is null)),
      check (consultation_closes_on is null or consultation_opens_on <= consultation_closes_on),
      check (status not in ('adopted', 'superseded')
        or (decided_by is not null and decision is not null and decided_on is not null and case_reference is not null))
    );
    -- At most one version that is still being worked on, and one in force.
    create unique index plan_versions_one_open on plan_versions (plan_id) where status in ('draft', 'consultation');
    create unique index plan_versions_one_adopted on plan_versions (plan_id) where status = 'adopted';

    -- Stable identities of content that lives on across versions: a measure keeps
    -- its id from one adopted version to the next.
    create table content_identities (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_id uuid not null,
      kind text not null check (kind in ('section', 'focus_area', 'goal', 'measure')),
      created_at timestamptz not null default now(),
      unique (region_id, id),
      -- Rows name their identity together with its kind, so a measure cannot
      -- borrow a goal's identity.
      unique (region_id, kind, id),
      foreign key (region_id, plan_id) references plans (region_id, id) on delete cascade
    );
    create index content_identities_plan on content_identities (plan_id);

    create table sections (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_version_id uuid not null,
      identity_id uuid not null,
      kind text not null check (kind in ('vision', 'main_goal', 'principles', 'background', 'organisation',
        'responsibility', 'cooperation', 'participation', 'follow_up', 'free')),
      title text not null check (length(title) between 1 and 300),
      body text not null default '' check (length(body) <= 50000),
      position integer not null check (position >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      identity_kind text not null generated always as ('section') stored,
      unique (plan_version_id, identity_id),
      foreign key (region_id, plan_version_id) references plan_versions (region_id, id) on delete cascade,
      foreign key (region_id, identity_kind, identity_id) references content_identities (region_id, kind, id) on delete restrict
    );

    create table focus_areas (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_version_id uuid not null,
      identity_id uuid not null,
      title text not null check (length(title) between 1 and 300),
      description text not null default '' check (length(description) <= 10000),
      position integer not null check (position >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      identity_kind text not null generated always as ('focus_area') stored,
      unique (plan_version_id, identity_id),
      unique (plan_version_id, id),
      foreign key (region_id, plan_version_id) references plan_versions (region_id, id) on delete cascade,
      foreign key (region_id, identity_kind, identity_id) references content_identities (region_id, kind, id) on delete restrict
    );

    create table goals (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_version_id uuid not null,
      identity_id uuid not null,
      focus_area_id uuid,
      title text not null check (length(title) between 1 and 300),
      description text not null default '' check (length(description) <= 10000),
      position integer not null check (position >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      identity_kind text not null generated always as ('goal') stored,
      unique (plan_version_id, identity_id),
      unique (region_id, id),
      unique (plan_version_id, id),
      foreign key (region_id, plan_version_id) references plan_versions (region_id, id) on delete cascade,
      foreign key (region_id, identity_kind, identity_id) references content_identities (region_id, kind, id) on delete restrict,
      -- A goal's focus area is one of its own version.
      foreign key (plan_version_id, focus_area_id) references focus_areas (plan_version_id, id) on delete set null (focus_area_id)
    );
    create index goals_focus_area on goals (focus_area_id) where focus_area_id is not null;

    -- "Slik vil vi ha det."
    create table desired_states (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      goal_id uuid not null,
      text text not null check (length(text) between 1 and 2000),
      position integer not null check (position >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      foreign key (region_id, goal_id) references goals (region_id, id) on delete cascade
    );
    create index desired_states_goal on desired_states (goal_id, position);

    -- A measure belongs to a goal of its own version, or (in an annex) serves a
    -- goal of the regional plan, named by that goal's stable identity.
    create table measures (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_version_id uuid not null,
      identity_id uuid not null,
      goal_id uuid,
      regional_goal_identity_id uuid,
      title text not null check (length(title) between 1 and 300),
      description text not null default '' check (length(description) <= 20000),
      period_kind text not null check (period_kind in ('ongoing', 'year', 'span', 'open_start')),
      period_from smallint check (period_from between 2000 and 2100),
      period_to smallint check (period_to between 2000 and 2100),
      prevention_level text not null check (prevention_level in ('universal', 'selective', 'indicated')),
      age_groups text[] not null default '{}' check (age_groups <@ array['first_1000_days', 'kindergarten',
        'primary_school', 'lower_secondary', 'upper_secondary', 'young_adult']),
      convention_articles smallint[] not null default '{}' check (convention_articles <@ array[
        1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,
        28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54]::smallint[]),
      laws text[] not null default '{}' check (laws <@ array['barnevernloven', 'barnehageloven', 'opplaeringsloven',
        'helse_og_omsorgstjenesteloven', 'sosialtjenesteloven', 'nav_loven', 'tannhelsetjenesteloven',
        'integreringsloven', 'krisesenterloven', 'familievernkontorloven', 'spesialisthelsetjenesteloven',
        'privatskoleloven', 'barneloven', 'helsepersonelloven', 'folkehelseloven']),
      programme text check (length(programme) <= 200),
      status text not null check (status in ('planned', 'active', 'completed', 'discontinued')),
      position integer not null check (position >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      identity_kind text not null generated always as ('measure') stored,
      goal_kind text not null generated always as ('goal') stored,
      unique (plan_version_id, identity_id),
      unique (region_id, id),
      foreign key (region_id, plan_version_id) references plan_versions (region_id, id) on delete cascade,
      foreign key (region_id, identity_kind, identity_id) references content_identities (region_id, kind, id) on delete restrict,
      foreign key (plan_version_id, goal_id) references goals (plan_version_id, id) on delete cascade,
      foreign key (region_id, goal_kind, regional_goal_identity_id) references content_identities (region_id, kind, id) on delete restrict,
      check ((goal_id is null) <> (regional_goal_identity_id is null)),
      check (case period_kind
        when 'ongoing' then period_from is null and period_to is null
        when 'year' then period_from is not null and period_to is null
        when 'open_start' then period_from is not null and period_to is null
        when 'span' then period_from is not null and period_to is not null and period_from < period_to
      end)
    );
    create index measures_goal on measures (goal_id, position);
    create index measures_version on measures (plan_version_id, position);
    create index measures_identity on measures (identity_id, id);
    create index measures_regional_goal on measures (regional_goal_identity_id) where regional_goal_identity_id is not null;

    -- Who carries a measure: a service of the region, a kind of local service
    -- ("helsestasjonen" in each municipality), or a named partner outside.
    create table measure_responsibilities (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      measure_id uuid not null,
      role text not null check (role in ('responsible', 'partner')),
      service_id uuid,
      service_kind text check (service_kind in ('barnevern', 'ppt', 'nav', 'helsestasjon', 'school', 'kindergarten',
        'sfo', 'slt', 'culture', 'mental_health', 'dental', 'refugee', 'family_counselling', 'police', 'voluntary', 'other')),
      name text check (length(name) between 1 and 200),
      position integer not null check (position >= 0),
      foreign key (region_id, measure_id) references measures (region_id, id) on delete cascade,
      foreign key (region_id, service_id) references services (region_id, id) on delete restrict,
      check (service_id is not null or service_kind is not null or name is not null)
    );
    create index measure_responsibilities_measure on measure_responsibilities (measure_id, position);
    create index measure_responsibilities_service on measure_responsibilities (service_id) where service_id is not null;

    -- How a municipality carries out a regional measure. It belongs to a version
    -- of the municipality's annex (adopted with it) and names the regional
    -- measure by its stable identity, so the regional text is never touched.
    create table measure_implementations (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_version_id uuid not null,
      measure_identity_id uuid not null,
      local_responsible text check (length(local_responsible) <= 300),
      responsible_service_id uuid,
      period_kind text check (period_kind in ('ongoing', 'year', 'span', 'open_start')),
      period_from smallint check (period_from between 2000 and 2100),
      period_to smallint check (period_to between 2000 and 2100),
      notes text not null default '' check (length(notes) <= 10000),
      status text not null check (status in ('planned', 'active', 'completed', 'discontinued')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      unique (plan_version_id, measure_identity_id),
      foreign key (region_id, plan_version_id) references plan_versions (region_id, id) on delete cascade,
      measure_kind text not null generated always as ('measure') stored,
      foreign key (region_id, measure_kind, measure_identity_id) references content_identities (region_id, kind, id) on delete restrict,
      foreign key (region_id, responsible_service_id) references services (region_id, id) on delete restrict,
      check (case coalesce(period_kind, '')
        when '' then period_from is null and period_to is null
        when 'ongoing' then period_from is null and period_to is null
        when 'year' then period_from is not null and period_to is null
        when 'open_start' then period_from is not null and period_to is null
        when 'span' then period_from is not null and period_to is not null and period_from < period_to
      end)
    );

    create index measure_implementations_measure on measure_implementations (measure_identity_id);

    -- Input sent during public consultation ("høring"), and the editors' answer.
    create table consultation_submissions (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      plan_version_id uuid not null,
      author_name text not null check (length(author_name) between 1 and 200),
      contact text check (length(contact) <= 320),
      text text not null check (length(text) between 1 and 20000),
      concerns_identity_id uuid,
      received_at timestamptz not null default now(),
      response text check (length(response) <= 20000),
      handling text check (handling in ('accepted', 'partly_accepted', 'not_accepted', 'noted')),
      answered_at timestamptz,
      answered_by text,
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      foreign key (region_id, plan_version_id) references plan_versions (region_id, id) on delete cascade,
      foreign key (region_id, concerns_identity_id) references content_identities (region_id, id) on delete restrict
    );
    create index consultation_submissions_version on consultation_submissions (plan_version_id, received_at);

    -- Append-only: who did what, when, with the row before and after.
    create table audit_log (
      id bigint generated always as identity primary key,
      region_id uuid references regions (id) on delete restrict,
      occurred_at timestamptz not null default now(),
      actor text not null check (length(actor) between 1 and 300),
      action text not null check (length(action) between 1 and 100),
      entity_type text not null check (length(entity_type) between 1 and 100),
      entity_id text,
      before jsonb,
      after jsonb,
      request_id text
    );
    create index audit_log_region_time on audit_log (region_id, occurred_at desc);
    create index audit_log_entity on audit_log (entity_type, entity_id);

    create function oppvekst_audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_log_append_only before update or delete or truncate on audit_log
      for each statement execute function oppvekst_audit_log_append_only();
  `.execute(db);

  for (const table of [
    'regions', 'municipalities', 'services', 'plan_versions', 'sections', 'focus_areas', 'goals',
    'desired_states', 'measures', 'measure_implementations', 'consultation_submissions',
  ]) {
    await sql`create trigger ${sql.raw(`${table}_touch`)} before update on ${sql.table(table)}
      for each row execute function oppvekst_touch()`.execute(db);
  }

  // The app role reads everything for now; write grants come with the
  // features that write, each listing its columns.
  await sql`
    grant usage on schema public to oppvekst_app;
    grant select on all tables in schema public to oppvekst_app;
    grant insert on audit_log to oppvekst_app;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists audit_log, consultation_submissions, measure_implementations, measure_responsibilities,
      measures, desired_states, goals, focus_areas, sections, content_identities, plan_versions, plans,
      service_municipalities, services, municipalities, regions cascade;
    drop function if exists oppvekst_touch(), oppvekst_audit_log_append_only();
  `.execute(db);
}
