import { type Kysely, sql } from 'kysely';

/**
 * The measures feed: what integrations mirror, and how they learn what changed.
 *
 * - `measure_feed` holds one row per measure (by stable identity) and channel:
 *   `adopted` (the measures of each plan's adopted version) and `draft` (of each
 *   plan's open version: draft or consultation). A row keeps the measure as the
 *   feed sends it (`item`: the MeasureListItem contract, built here once per
 *   change instead of on every read, and searched and filtered as it is), its
 *   fingerprint, and the sequence number of the last change to it. A measure
 *   that leaves its channel keeps its row with item and fingerprint NULL: the
 *   tombstone a mirror needs to delete its copy.
 * - `implementation_feed` does the same for a municipality's local
 *   implementation of a regional measure (the Implementation contract), which
 *   the municipality's view of the feed attaches to the measure.
 * - The item shapes are the public contract's (packages/contracts), written
 *   out here because a migration never imports application code; a change to
 *   them is a new migration that replaces oppvekst_feed_refresh and refreshes
 *   every plan.
 * - Triggers keep both up to date in the writing transaction: content writes
 *   (statement triggers, so a copied revision costs one refresh per plan) and
 *   version status changes (adoption, consultation, discard) refresh the rows,
 *   and a fingerprint that did not change leaves its row alone.
 * - Sequence numbers are handed out at commit, one per transaction, under a
 *   transaction-level advisory lock that is held until the commit is visible:
 *   one lock for the adopted channel (read across regions), one per region for
 *   the draft channel (read one region at a time). So within what a client
 *   reads, feed transactions become visible in the order of their numbers,
 *   and a client that has seen number N has seen every change up to N: a
 *   change that commits later always gets a larger number. (Numbers taken
 *   earlier in the transaction, or `now()`, would let a slow transaction
 *   commit behind a client's high-water mark.)
 * - `measure_feed.search_vector`: the Norwegian full-text vector of a measure
 *   as the feed sends it (title and programme weigh more than the
 *   description), with a GIN index; the feed searches there, not in `measures`.
 * - The functions run as the owner (security definer) and are for the
 *   triggers only: execute is revoked from public. The app reads the feed
 *   tables' columns it needs, never the bookkeeping (fingerprint, pending).
 *
 * Frozen in time: never import application code here.
 */

/** Any constants: the locks that order the feed's commits (adopted: one; drafts: one per region, with the region's hash). */
const FEED_LOCK = 7_311_202_611;
const DRAFT_LOCK = 731_120_261;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create sequence measure_feed_seq;

    create table measure_feed (
      channel text not null check (channel in ('adopted', 'draft')),
      identity_id uuid not null,
      region_id uuid not null,
      plan_id uuid not null,
      -- The annex's municipality; NULL for a measure of the regional plan.
      municipality_id uuid,
      -- The row the measure is in now; NULL once it has left the channel.
      measure_id uuid,
      -- The measure as the feed sends it (implementation null); NULL marks a tombstone.
      item jsonb,
      -- md5 of the item: a change to anything a client sees changes it.
      fingerprint text,
      search_vector tsvector generated always as (
        setweight(to_tsvector('norwegian', coalesce(item ->> 'title', '')), 'A')
        || setweight(to_tsvector('norwegian', coalesce(item ->> 'programme', '')), 'A')
        || setweight(to_tsvector('norwegian', coalesce(item ->> 'description', '')), 'B')) stored,
      -- The last change that committed; NULL only for a row new in a transaction still running.
      seq bigint,
      changed_at timestamptz,
      -- Changed in the running transaction: numbered at its commit.
      pending boolean not null default false,
      primary key (channel, identity_id),
      foreign key (region_id, plan_id) references plans (region_id, id) on delete cascade,
      foreign key (region_id, municipality_id) references municipalities (region_id, id) on delete cascade,
      foreign key (region_id, identity_id) references content_identities (region_id, id) on delete cascade,
      foreign key (region_id, measure_id) references measures (region_id, id) on delete set null (measure_id)
    );
    -- The live rows, as the list query asks for them (item, not fingerprint: the planner only uses a partial index whose predicate the query implies).
    create index measure_feed_live on measure_feed (channel, region_id, identity_id) where item is not null;
    create index measure_feed_changes on measure_feed (channel, seq, identity_id);
    create index measure_feed_region_changes on measure_feed (channel, region_id, seq, identity_id);
    create index measure_feed_plan on measure_feed (plan_id, channel);
    create index measure_feed_measure on measure_feed (measure_id) where measure_id is not null;
    create index measure_feed_pending on measure_feed (channel) where pending;
    create index measure_feed_search on measure_feed using gin (search_vector);

    create table implementation_feed (
      channel text not null check (channel in ('adopted', 'draft')),
      municipality_id uuid not null,
      -- The regional measure the municipality implements.
      measure_identity_id uuid not null,
      region_id uuid not null,
      -- The Implementation contract; NULL once the municipality no longer implements the measure.
      item jsonb,
      fingerprint text,
      seq bigint,
      changed_at timestamptz,
      pending boolean not null default false,
      primary key (channel, municipality_id, measure_identity_id),
      foreign key (region_id, municipality_id) references municipalities (region_id, id) on delete cascade,
      foreign key (region_id, measure_identity_id) references content_identities (region_id, id) on delete cascade
    );
    create index implementation_feed_pending on implementation_feed (channel) where pending;
    create index implementation_feed_changes on implementation_feed (channel, seq);
    create index implementation_feed_region_changes on implementation_feed (channel, region_id, seq);

    -- Brings the feed rows of one plan and channel in line with the plan's
    -- version in that channel: all its measures, or only those named.
    create function oppvekst_feed_refresh(feed_channel text, feed_plan uuid, only_identities uuid[])
      returns void language plpgsql security definer set search_path = pg_catalog, public as $$
    #variable_conflict use_column
    declare
      statuses text[] := case feed_channel when 'adopted' then array['adopted'] else array['draft', 'consultation'] end;
      plan_region uuid;
      plan_municipality uuid;
      version uuid;
    begin
      select p.region_id, p.municipality_id into plan_region, plan_municipality from public.plans p where p.id = feed_plan;
      if not found then
        return;
      end if;
      select v.id into version from public.plan_versions v where v.plan_id = feed_plan and v.status = any (statuses);

      -- The measure as the feed sends it: the MeasureListItem contract.
      insert into public.measure_feed as f (channel, identity_id, region_id, plan_id, municipality_id, measure_id, item, fingerprint, pending)
      select feed_channel, x.identity_id, plan_region, feed_plan, plan_municipality, x.id, x.item, md5(x.item::text), true
      from (
        select m.identity_id, m.id, jsonb_build_object(
          'id', m.identity_id,
          'goalId', coalesce(g.identity_id, m.regional_goal_identity_id),
          'title', m.title,
          'description', m.description,
          'period', jsonb_build_object('kind', m.period_kind, 'from', m.period_from, 'to', m.period_to),
          'responsibilities', coalesce((
            select jsonb_agg(jsonb_build_object(
              'role', r.role,
              'service', case when s.id is null then null else jsonb_build_object('id', s.id, 'slug', s.slug, 'name', s.name) end,
              'serviceKind', r.service_kind,
              'name', r.name) order by r.position)
            from public.measure_responsibilities r left join public.services s on s.id = r.service_id
            where r.measure_id = m.id), '[]'::jsonb),
          'preventionLevel', m.prevention_level,
          'ageGroups', to_jsonb(m.age_groups),
          'conventionArticles', to_jsonb(m.convention_articles),
          'laws', to_jsonb(m.laws),
          'programme', m.programme,
          'status', m.status,
          'position', m.position,
          'plan', jsonb_build_object('kind', p.kind, 'region', rg.slug, 'kommunenummer', mu.kommunenummer,
            'versionId', v.id, 'versionNumber', v.version_number, 'status', v.status),
          'implementation', null) as item
        from public.measures m
        join public.plan_versions v on v.id = m.plan_version_id
        join public.plans p on p.id = v.plan_id
        join public.regions rg on rg.id = p.region_id
        left join public.municipalities mu on mu.id = p.municipality_id
        left join public.goals g on g.id = m.goal_id
        where m.plan_version_id = version and (only_identities is null or m.identity_id = any (only_identities))
      ) x
      on conflict (channel, identity_id) do update
        set measure_id = excluded.measure_id,
          item = excluded.item,
          fingerprint = excluded.fingerprint,
          pending = f.pending or f.fingerprint is distinct from excluded.fingerprint
        where f.measure_id is distinct from excluded.measure_id or f.fingerprint is distinct from excluded.fingerprint;

      -- Gone from the channel: a tombstone, or nothing at all for a row no other transaction ever saw.
      delete from public.measure_feed f
      where f.channel = feed_channel and f.plan_id = feed_plan and f.seq is null
        and (only_identities is null or f.identity_id = any (only_identities))
        and not exists (select 1 from public.measures m where m.plan_version_id = version and m.identity_id = f.identity_id);
      update public.measure_feed f set measure_id = null, item = null, fingerprint = null, pending = true
      where f.channel = feed_channel and f.plan_id = feed_plan and f.fingerprint is not null
        and (only_identities is null or f.identity_id = any (only_identities))
        and not exists (select 1 from public.measures m where m.plan_version_id = version and m.identity_id = f.identity_id);

      if plan_municipality is not null then
        insert into public.implementation_feed as f (channel, municipality_id, measure_identity_id, region_id, item, fingerprint, pending)
        select feed_channel, plan_municipality, x.measure_identity_id, plan_region, x.item, md5(x.item::text), true
        from (
          select i.measure_identity_id, jsonb_build_object(
            'measureId', i.measure_identity_id,
            'localResponsible', i.local_responsible,
            'responsibleService', (select jsonb_build_object('id', s.id, 'slug', s.slug, 'name', s.name)
              from public.services s where s.id = i.responsible_service_id),
            'period', case when i.period_kind is null then null
              else jsonb_build_object('kind', i.period_kind, 'from', i.period_from, 'to', i.period_to) end,
            'notes', i.notes,
            'status', i.status) as item
          from public.measure_implementations i
          where i.plan_version_id = version and (only_identities is null or i.measure_identity_id = any (only_identities))
        ) x
        on conflict (channel, municipality_id, measure_identity_id) do update
          set item = excluded.item, fingerprint = excluded.fingerprint, pending = true
          where f.fingerprint is distinct from excluded.fingerprint;
        delete from public.implementation_feed f
        where f.channel = feed_channel and f.municipality_id = plan_municipality and f.seq is null
          and (only_identities is null or f.measure_identity_id = any (only_identities))
          and not exists (select 1 from public.measure_implementations i
            where i.plan_version_id = version and i.measure_identity_id = f.measure_identity_id);
        update public.implementation_feed f set item = null, fingerprint = null, pending = true
        where f.channel = feed_channel and f.municipality_id = plan_municipality and f.fingerprint is not null
          and (only_identities is null or f.measure_identity_id = any (only_identities))
          and not exists (select 1 from public.measure_implementations i
            where i.plan_version_id = version and i.measure_identity_id = f.measure_identity_id);
      end if;
      perform pg_catalog.set_config('oppvekst.feed_pending', 'on', true);
    end $$;

    -- Numbers this transaction's changes: one number, taken under locks that
    -- keep feed commits in number order and are held until the commit is
    -- visible. The adopted channel is read across regions, so its changes take
    -- one lock for all; the draft channel is only ever read one region at a
    -- time, so draft changes take their region's lock, and editors in
    -- different regions never wait for each other's commits.
    create function oppvekst_feed_stamp() returns void language plpgsql
      security definer set search_path = pg_catalog, public as $$
    declare
      stamp bigint;
      stamped_at timestamptz;
      region uuid;
    begin
      perform pg_catalog.set_config('oppvekst.feed_pending', 'off', true);
      if not exists (select 1 from public.measure_feed where pending)
        and not exists (select 1 from public.implementation_feed where pending) then
        return;
      end if;
      if exists (select 1 from public.measure_feed where pending and channel = 'adopted')
        or exists (select 1 from public.implementation_feed where pending and channel = 'adopted') then
        perform pg_catalog.pg_advisory_xact_lock(${sql.lit(FEED_LOCK)}::bigint);
      end if;
      -- Always in the same order, so two commits never wait for each other in a circle.
      for region in
        select region_id from public.measure_feed where pending and channel = 'draft'
        union select region_id from public.implementation_feed where pending and channel = 'draft'
        order by 1
      loop
        perform pg_catalog.pg_advisory_xact_lock(${sql.lit(DRAFT_LOCK)}, pg_catalog.hashtext(region::text));
      end loop;
      stamp := pg_catalog.nextval('public.measure_feed_seq');
      stamped_at := pg_catalog.clock_timestamp();
      update public.measure_feed set seq = stamp, changed_at = stamped_at, pending = false where pending;
      update public.implementation_feed set seq = stamp, changed_at = stamped_at, pending = false where pending;
    end $$;

    create function oppvekst_feed_stamp_at_commit() returns trigger language plpgsql
      security definer set search_path = pg_catalog, public as $$
    begin
      if pg_catalog.current_setting('oppvekst.feed_pending', true) = 'on' then
        perform public.oppvekst_feed_stamp();
      end if;
      return null;
    end $$;
    create constraint trigger measure_feed_stamp after insert or update on measure_feed
      deferrable initially deferred for each row when (new.pending) execute function oppvekst_feed_stamp_at_commit();
    create constraint trigger implementation_feed_stamp after insert or update on implementation_feed
      deferrable initially deferred for each row when (new.pending) execute function oppvekst_feed_stamp_at_commit();

    -- Content is written only in open versions (the frozen-content triggers
    -- see to that), so every content write is a change in the draft channel.
    create function oppvekst_feed_content_changed() returns trigger language plpgsql
      security definer set search_path = pg_catalog, public as $$
    declare
      touched record;
    begin
      if tg_table_name = 'measures' then
        for touched in select v.plan_id, array_agg(distinct r.identity_id) as ids
          from changed_rows r join public.plan_versions v on v.id = r.plan_version_id group by v.plan_id loop
          perform public.oppvekst_feed_refresh('draft', touched.plan_id, touched.ids);
        end loop;
      elsif tg_table_name = 'measure_responsibilities' then
        -- Those of a deleted measure go with it; the measure's own trigger has seen to it.
        for touched in select v.plan_id, array_agg(distinct m.identity_id) as ids
          from changed_rows r join public.measures m on m.id = r.measure_id
          join public.plan_versions v on v.id = m.plan_version_id group by v.plan_id loop
          perform public.oppvekst_feed_refresh('draft', touched.plan_id, touched.ids);
        end loop;
      else
        for touched in select v.plan_id, array_agg(distinct r.measure_identity_id) as ids
          from changed_rows r join public.plan_versions v on v.id = r.plan_version_id group by v.plan_id loop
          perform public.oppvekst_feed_refresh('draft', touched.plan_id, touched.ids);
        end loop;
      end if;
      return null;
    end $$;

    -- A status change moves a plan's measures between channels (adoption,
    -- consultation, return to draft); a discarded draft leaves the draft channel.
    create function oppvekst_feed_version_changed() returns trigger language plpgsql
      security definer set search_path = pg_catalog, public as $$
    declare
      plan uuid := case when tg_op = 'DELETE' then old.plan_id else new.plan_id end;
    begin
      perform public.oppvekst_feed_refresh('draft', plan, null);
      if tg_op = 'UPDATE' and 'adopted' in (old.status, new.status) then
        perform public.oppvekst_feed_refresh('adopted', plan, null);
      end if;
      return null;
    end $$;
    create trigger plan_versions_feed_status after update of status on plan_versions
      for each row when (old.status is distinct from new.status) execute function oppvekst_feed_version_changed();
    create trigger plan_versions_feed_discard after delete on plan_versions
      for each row when (old.status in ('draft', 'consultation')) execute function oppvekst_feed_version_changed();

    revoke execute on function public.oppvekst_feed_refresh(text, uuid, uuid[]), public.oppvekst_feed_stamp(),
      public.oppvekst_feed_stamp_at_commit(), public.oppvekst_feed_content_changed(), public.oppvekst_feed_version_changed() from public;
  `.execute(db);

  for (const table of ['measures', 'measure_responsibilities', 'measure_implementations']) {
    for (const [event, transition] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
      await sql`create trigger ${sql.raw(`${table}_feed_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${sql.raw(transition)} table as changed_rows
        for each statement execute function oppvekst_feed_content_changed()`.execute(db);
    }
  }

  // What the feed's reads use; the bookkeeping (which row a measure is in, fingerprints, pending stamps) stays the owner's.
  const readable: Record<string, string[]> = {
    measure_feed: ['channel', 'identity_id', 'region_id', 'municipality_id', 'item', 'search_vector', 'seq', 'changed_at'],
    implementation_feed: ['channel', 'municipality_id', 'measure_identity_id', 'region_id', 'item', 'seq', 'changed_at'],
  };
  for (const [table, columns] of Object.entries(readable)) {
    const t = sql.table(table);
    await sql`alter table ${t} enable row level security`.execute(db);
    await sql`alter table ${t} force row level security`.execute(db);
    await sql`create policy owner_all on ${t} to oppvekst_owner using (true) with check (true)`.execute(db);
    // Adopted plans are public; the draft channel is for those who read the region's drafts.
    await sql`create policy public_read on ${t} for select to oppvekst_app using (channel = 'adopted' and app_has_context())`.execute(db);
    await sql`create policy tenant_read on ${t} for select to oppvekst_app using (channel = 'draft' and app_reads_region(region_id))`.execute(db);
    await sql`grant select (${sql.join(columns.map((c) => sql.ref(c)))}) on ${t} to oppvekst_app`.execute(db);
  }

  // The plans that exist already.
  await sql`
    select oppvekst_feed_refresh(c.channel, p.id, null) from plans p cross join (values ('adopted'), ('draft')) c (channel);
    select oppvekst_feed_stamp();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['measures', 'measure_responsibilities', 'measure_implementations']) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`drop trigger ${sql.raw(`${table}_feed_${event}`)} on ${sql.table(table)}`.execute(db);
    }
  }
  await sql`
    drop trigger plan_versions_feed_status on plan_versions;
    drop trigger plan_versions_feed_discard on plan_versions;
    drop table implementation_feed, measure_feed;
    drop function oppvekst_feed_version_changed(), oppvekst_feed_content_changed(), oppvekst_feed_stamp_at_commit(),
      oppvekst_feed_stamp(), oppvekst_feed_refresh(text, uuid, uuid[]);
    drop sequence measure_feed_seq;
  `.execute(db);
}
