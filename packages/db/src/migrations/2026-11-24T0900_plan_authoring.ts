import { type Kysely, sql } from 'kysely';

/**
 * Writing plans: editors change drafts, the public sends consultation input,
 * and an adopted version is frozen for good.
 *
 * - Triggers make adoption final in the database itself, for every role
 *   including the owner: an adopted version only ever becomes superseded, and
 *   content can be written only while its version is a draft. Every content
 *   write also moves its version's row_version on, so the version's ETag
 *   covers everything in it. The triggers use
 *   SQLSTATE 55000 (object not in prerequisite state), which the API answers
 *   with 409.
 * - The public may read a version in consultation and send input while its
 *   window is open (dates in Norwegian time). A submitter's contact details
 *   move to their own table that only the plan's editors can read, because
 *   row-level security cannot hide one column from some readers.
 * - Editors get their write policies and the app role its column-listed
 *   grants, so ids, regions, versions and timestamps cannot be written by
 *   any request at all.
 * Frozen in time: never import application code here.
 */

const CONTENT = ['sections', 'focus_areas', 'goals', 'measures', 'measure_implementations'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- The calendar day in Norway, which decides when a consultation window is open.
    create function public.app_today() returns date language sql stable as $$
      select (pg_catalog.now() at time zone 'Europe/Oslo')::date
    $$;

    -- An adopted version is the council's decision. It may only be marked
    -- superseded (status and superseded_at); nothing else about it changes and
    -- it is never deleted.
    create function oppvekst_plan_version_frozen() returns trigger language plpgsql as $$
    begin
      if old.status not in ('adopted', 'superseded') then
        return case when tg_op = 'DELETE' then old else new end;
      end if;
      if tg_op = 'UPDATE' and old.status = 'adopted' and new.status = 'superseded'
        and to_jsonb(new) - array['status', 'superseded_at', 'updated_at', 'row_version']
          = to_jsonb(old) - array['status', 'superseded_at', 'updated_at', 'row_version'] then
        return new;
      end if;
      raise exception 'plan version % is % and never changes', old.id, old.status using errcode = '55000';
    end $$;
    create trigger plan_versions_frozen before update or delete on plan_versions
      for each row execute function oppvekst_plan_version_frozen();

    -- Content is written only while its version is a draft. Security definer,
    -- so the check sees the version whatever the caller may read.
    -- tg_argv[0] says how a row names its version: directly, or via its goal or measure.
    create function oppvekst_content_frozen() returns trigger language plpgsql
      security definer set search_path = pg_catalog, public as $$
    declare
      checked jsonb;
      version uuid;
      version_status text;
    begin
      foreach checked in array array[to_jsonb(old), to_jsonb(new)] loop
        continue when checked is null;
        version := case tg_argv[0]
          when 'version' then (checked ->> 'plan_version_id')::uuid
          when 'goal' then (select g.plan_version_id from public.goals g where g.id = (checked ->> 'goal_id')::uuid)
          when 'measure' then (select m.plan_version_id from public.measures m where m.id = (checked ->> 'measure_id')::uuid)
        end;
        select v.status into version_status from public.plan_versions v where v.id = version;
        -- No version: it is being deleted (a discarded draft's cascade), or the foreign key will refuse the row.
        if version_status is not null and version_status <> 'draft' then
          raise exception 'plan version % is % and its content cannot change', version, version_status using errcode = '55000';
        end if;
        -- The version's row_version (its ETag) covers its content: any change to the draft moves it on.
        update public.plan_versions set updated_at = pg_catalog.now() where id = version;
      end loop;
      return case when tg_op = 'DELETE' then old else new end;
    end $$;

    -- Input arrives while the version is in consultation and is answered until
    -- the version is adopted; then it is part of the record and never changes.
    create function oppvekst_consultation_frozen() returns trigger language plpgsql
      security definer set search_path = pg_catalog, public as $$
    declare
      version_status text;
    begin
      select v.status into version_status from public.plan_versions v
        where v.id = coalesce(new.plan_version_id, old.plan_version_id);
      if tg_op = 'INSERT' and version_status is distinct from 'consultation' then
        raise exception 'plan version % is not in consultation', new.plan_version_id using errcode = '55000';
      end if;
      if version_status in ('adopted', 'superseded') then
        raise exception 'the consultation record of plan version % is final', old.plan_version_id using errcode = '55000';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$;
  `.execute(db);

  for (const table of CONTENT) {
    await sql`create trigger ${sql.raw(`${table}_frozen`)} before insert or update or delete on ${sql.table(table)}
      for each row execute function oppvekst_content_frozen('version')`.execute(db);
  }
  await sql`
    create trigger desired_states_frozen before insert or update or delete on desired_states
      for each row execute function oppvekst_content_frozen('goal');
    create trigger measure_responsibilities_frozen before insert or update or delete on measure_responsibilities
      for each row execute function oppvekst_content_frozen('measure');
    create trigger consultation_submissions_frozen before insert or update or delete on consultation_submissions
      for each row execute function oppvekst_consultation_frozen();

    -- Contact details, apart from the input they belong to.
    alter table consultation_submissions add constraint consultation_submissions_region_id_key unique (region_id, id);
    create table consultation_contacts (
      submission_id uuid primary key,
      region_id uuid not null,
      plan_version_id uuid not null,
      contact text not null check (length(contact) between 1 and 320),
      foreign key (region_id, submission_id) references consultation_submissions (region_id, id) on delete cascade,
      foreign key (region_id, plan_version_id) references plan_versions (region_id, id) on delete cascade
    );
    insert into consultation_contacts (submission_id, region_id, plan_version_id, contact)
      select id, region_id, plan_version_id, contact from consultation_submissions where contact is not null;
    alter table consultation_submissions drop column contact;
    create index consultation_submissions_identity on consultation_submissions (concerns_identity_id)
      where concerns_identity_id is not null;

    alter table consultation_contacts enable row level security;
    alter table consultation_contacts force row level security;
    create policy owner_all on consultation_contacts to oppvekst_owner using (true) with check (true);

    -- Those who may change a version: the region's administrators for every
    -- plan, a municipal editor for their own municipality's annex.
    create function public.app_edits_version(version uuid) returns boolean language sql stable as $$
      select exists (select 1 from public.plan_versions v where v.id = version and public.app_is_region_admin(v.region_id))
        or public.app_edits_annex_version(version)
    $$;
    -- A version open for input today, as the caller sees it.
    create function public.app_accepts_input(version uuid, region uuid) returns boolean language sql stable as $$
      select public.app_has_context() and exists (
        select 1 from public.plan_versions v
        where v.id = version and v.region_id = region and v.status = 'consultation'
          and public.app_today() between v.consultation_opens_on and v.consultation_closes_on)
    $$;
  `.execute(db);

  await sql`
    -- The public sees a version from the day it goes to consultation.
    drop policy public_read on plan_versions;
    create policy public_read on plan_versions for select to oppvekst_app
      using (app_has_context() and status in ('consultation', 'adopted', 'superseded'));

    -- Anyone may send input while the window is open; answers are the editors'.
    create policy public_submit on consultation_submissions for insert to oppvekst_app
      with check (app_accepts_input(plan_version_id, region_id)
        and response is null and handling is null and answered_at is null and answered_by is null);
    -- The answered input is published with the adopted version (names and text, never contacts).
    create policy public_read on consultation_submissions for select to oppvekst_app
      using (exists (select 1 from plan_versions v where v.id = plan_version_id and v.status in ('adopted', 'superseded')));
    create policy editor_answer on consultation_submissions for update to oppvekst_app
      using (app_in_region(region_id) and app_edits_annex_version(plan_version_id))
      with check (app_in_region(region_id) and app_edits_annex_version(plan_version_id));

    create policy public_submit on consultation_contacts for insert to oppvekst_app
      with check (app_accepts_input(plan_version_id, region_id));
    create policy editor_read on consultation_contacts for select to oppvekst_app
      using (app_in_region(region_id) and app_edits_version(plan_version_id));

    -- A municipal editor gives new content of their annex its stable identity.
    create policy editor_insert on content_identities for insert to oppvekst_app
      with check (app_in_region(region_id) and 'municipal_editor' = any (app_roles())
        and exists (select 1 from plans p where p.id = plan_id and p.municipality_id = any (app_municipality_ids())));

    -- Whoever holds a role in the region appends their own entries to its
    -- audit log (the actor is the caller's subject, not a name they choose);
    -- the public appends only the receipt of consultation input.
    create policy member_append on audit_log for insert to oppvekst_app
      with check (app_in_region(region_id) and actor = app_subject()
        and app_roles() && array['region_admin', 'municipal_editor']);
    -- The receipt names input stored in this very transaction (received_at is
    -- the transaction's time), looked up past the public's read wall.
    create function public.app_input_received_now(submission text, region uuid) returns boolean
      language sql stable security definer set search_path = pg_catalog, public as $$
      select exists (select 1 from public.consultation_submissions s
        where s.id::text = submission and s.region_id = region and s.received_at = pg_catalog.now())
    $$;
    revoke execute on function public.app_input_received_now(text, uuid) from public;
    grant execute on function public.app_input_received_now(text, uuid) to oppvekst_app;
    create policy public_input_append on audit_log for insert to oppvekst_app
      with check (app_role() = 'anonymous' and actor = 'public'
        and action = 'consultation.input_received' and entity_type = 'consultation_submission'
        and app_input_received_now(entity_id, region_id));
    -- Nobody writes the time of an entry but the database.
    revoke insert on audit_log from oppvekst_app;
    grant insert (region_id, actor, action, entity_type, entity_id, before, after, request_id) on audit_log to oppvekst_app;
  `.execute(db);

  await sql`
    grant insert (region_id, plan_id, version_number, status, title, language_form, period_from, period_to, based_on_version_id),
      update (status, title, period_from, period_to, consultation_opens_on, consultation_closes_on, decided_by,
        decided_by_name, decision, decided_on, case_reference, adopted_at, superseded_at),
      delete on plan_versions to oppvekst_app;
    grant insert (region_id, plan_id, kind) on content_identities to oppvekst_app;
    grant insert (region_id, plan_version_id, identity_id, kind, title, body, position),
      update (kind, title, body, position), delete on sections to oppvekst_app;
    grant insert (region_id, plan_version_id, identity_id, title, description, position),
      update (title, description, position), delete on focus_areas to oppvekst_app;
    grant insert (region_id, plan_version_id, identity_id, focus_area_id, title, description, position),
      update (focus_area_id, title, description, position), delete on goals to oppvekst_app;
    grant insert (region_id, goal_id, text, position), update (text, position), delete on desired_states to oppvekst_app;
    grant insert (region_id, plan_version_id, identity_id, goal_id, regional_goal_identity_id, title, description,
        period_kind, period_from, period_to, prevention_level, age_groups, convention_articles, laws, programme, status, position),
      update (goal_id, regional_goal_identity_id, title, description, period_kind, period_from, period_to,
        prevention_level, age_groups, convention_articles, laws, programme, status, position),
      delete on measures to oppvekst_app;
    grant insert (region_id, measure_id, role, service_id, service_kind, name, position), delete
      on measure_responsibilities to oppvekst_app;
    grant insert (region_id, plan_version_id, measure_identity_id, local_responsible, responsible_service_id,
        period_kind, period_from, period_to, notes, status),
      update (local_responsible, responsible_service_id, period_kind, period_from, period_to, notes, status),
      delete on measure_implementations to oppvekst_app;
    grant insert (id, region_id, plan_version_id, author_name, text, concerns_identity_id),
      update (response, handling, answered_at, answered_by) on consultation_submissions to oppvekst_app;
    grant select, insert (submission_id, region_id, plan_version_id, contact) on consultation_contacts to oppvekst_app;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger consultation_submissions_frozen on consultation_submissions;
    drop trigger measure_responsibilities_frozen on measure_responsibilities;
    drop trigger desired_states_frozen on desired_states;
    revoke insert, update, delete on plan_versions, content_identities, sections, focus_areas, goals, desired_states,
      measures, measure_responsibilities, measure_implementations, consultation_submissions from oppvekst_app;
    drop policy public_input_append on audit_log;
    drop function app_input_received_now(text, uuid);
    grant insert on audit_log to oppvekst_app;
    drop policy member_append on audit_log;
    drop policy editor_insert on content_identities;
    drop policy editor_answer on consultation_submissions;
    drop policy public_read on consultation_submissions;
    drop policy public_submit on consultation_submissions;
    drop policy public_read on plan_versions;
    create policy public_read on plan_versions for select to oppvekst_app
      using (app_has_context() and status in ('adopted', 'superseded'));
    alter table consultation_submissions add column contact text check (length(contact) <= 320);
    update consultation_submissions s set contact = c.contact from consultation_contacts c where c.submission_id = s.id;
    drop table consultation_contacts;
    drop index consultation_submissions_identity;
    alter table consultation_submissions drop constraint consultation_submissions_region_id_key;
    drop function app_accepts_input(uuid, uuid), app_edits_version(uuid);
  `.execute(db);
  for (const table of CONTENT) {
    await sql`drop trigger ${sql.raw(`${table}_frozen`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`
    drop trigger plan_versions_frozen on plan_versions;
    drop function oppvekst_consultation_frozen(), oppvekst_content_frozen(), oppvekst_plan_version_frozen(), app_today();
  `.execute(db);
}
