import { type Kysely, sql } from 'kysely';

/**
 * Webhooks: endpoints a region registers, an outbox of events written in the
 * same transaction as the change they report, and the deliveries of each
 * event to each endpoint with every attempt.
 *
 * Two roles work here. The app (`oppvekst_app`) manages a region's endpoints
 * and reads its delivery log for the region's administrators and its API
 * clients with `webhooks:manage`, and appends events where its writers change
 * plans. The webhook worker (`oppvekst_webhook_worker`, its own login role)
 * works across regions, but only on these tables and the region directory,
 * and writes only what delivering needs. Neither bypasses row-level security.
 *
 * An endpoint's signing secret is stored encrypted by the application (the
 * key is not in the database); the app role cannot even read the ciphertext.
 * Frozen in time: never import application code here.
 */

const EVENT_TYPES = ['plan.version.adopted', 'plan.consultation.opened', 'measure.created', 'measure.updated', 'measure.deleted', 'webhook.endpoint.disabled'];
const TABLES = ['webhook_endpoints', 'webhook_events', 'webhook_deliveries', 'webhook_attempts'];
const WORKER = 'oppvekst_webhook_worker';

export async function up(db: Kysely<any>): Promise<void> {
  const types = sql.raw(`array[${EVENT_TYPES.map((t) => `'${t}'`).join(', ')}]`);
  await sql`
    create table webhook_endpoints (
      id uuid primary key,
      region_id uuid not null references regions (id) on delete cascade,
      url text not null check (length(url) between 8 and 2048),
      description text not null default '' check (length(description) <= 500),
      event_types text[] not null check (cardinality(event_types) between 1 and 20 and event_types <@ ${types}),
      secret_ciphertext text not null check (length(secret_ciphertext) between 20 and 1000),
      enabled boolean not null default true,
      disabled_reason text check (length(disabled_reason) <= 1000),
      disabled_at timestamptz,
      -- Delivery health, kept by the worker: failed attempts since the last success.
      consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
      failing_since timestamptz,
      last_success_at timestamptz,
      created_by text not null check (length(created_by) between 1 and 300),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      row_version integer not null default 1,
      unique (region_id, id),
      check (enabled = (disabled_at is null)),
      check (enabled or disabled_reason is not null)
    );

    -- The ETag moves with what an administrator set (and with disabling), not
    -- with the worker's health counters, which change on every delivery.
    create function oppvekst_webhook_endpoint_touch() returns trigger language plpgsql as $$
    begin
      if (new.url, new.description, new.event_types, new.secret_ciphertext, new.enabled, new.disabled_reason)
        is distinct from (old.url, old.description, old.event_types, old.secret_ciphertext, old.enabled, old.disabled_reason) then
        new.updated_at := now();
        new.row_version := old.row_version + 1;
      end if;
      return new;
    end $$;
    create trigger webhook_endpoints_touch before update on webhook_endpoints
      for each row execute function oppvekst_webhook_endpoint_touch();

    -- The outbox. body is the exact JSON every endpoint receives, so every
    -- retry sends (and signs) the same bytes. Its cap is a guard, far above
    -- any event: a refused event fails the change it reports. The largest,
    -- measure.updated of a measure at every input limit, holds its text three
    -- times (the measure, old and new values), about 25,000 characters each,
    -- which JSON may write as six bytes apiece (U+0001 as \\u0001): under 0.5 MB.
    create table webhook_events (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions (id) on delete cascade,
      type text not null check (type = any (${types})),
      body text not null check (octet_length(body) between 2 and 8388608),
      occurred_at timestamptz not null default now(),
      dispatched_at timestamptz,
      unique (region_id, id)
    );
    create index webhook_events_undispatched on webhook_events (occurred_at, id) where dispatched_at is null;

    -- One event to one endpoint. The worker claims a due delivery by taking
    -- its lease; a lease that runs out (a worker that died) frees it again.
    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      endpoint_id uuid not null,
      event_id uuid not null,
      status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null check (max_attempts between 1 and 1000),
      next_attempt_at timestamptz,
      -- An administrator asked for one more attempt: the worker marks it manual in the log.
      redelivery_requested boolean not null default false,
      lease_owner text check (length(lease_owner) <= 200),
      lease_expires_at timestamptz,
      last_response_status integer check (last_response_status between 100 and 599),
      last_error text check (length(last_error) <= 1000),
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      foreign key (region_id, endpoint_id) references webhook_endpoints (region_id, id) on delete cascade,
      foreign key (region_id, event_id) references webhook_events (region_id, id) on delete cascade,
      unique (endpoint_id, event_id),
      unique (region_id, id),
      check ((status = 'pending') = (next_attempt_at is not null))
    );
    create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
    create index webhook_deliveries_log on webhook_deliveries (endpoint_id, created_at desc, id desc);
    create index webhook_deliveries_event on webhook_deliveries (event_id);

    -- Every attempt, numbered per delivery. The unique number is the
    -- database's promise that no attempt is made twice.
    create table webhook_attempts (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      delivery_id uuid not null,
      attempt_number integer not null check (attempt_number >= 1),
      manual boolean not null default false,
      worker text not null check (length(worker) between 1 and 200),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      outcome text not null default 'in_flight' check (outcome in ('in_flight', 'succeeded', 'failed', 'abandoned')),
      response_status integer check (response_status between 100 and 599),
      error text check (length(error) <= 1000),
      duration_ms integer check (duration_ms >= 0),
      foreign key (region_id, delivery_id) references webhook_deliveries (region_id, id) on delete cascade,
      unique (delivery_id, attempt_number)
    );

    -- Wakes the workers (LISTEN oppvekst_webhooks) when there is new work;
    -- notifications are sent at commit, so a worker never sees uncommitted rows.
    create function oppvekst_webhook_notify() returns trigger language plpgsql as $$
    begin
      perform pg_catalog.pg_notify('oppvekst_webhooks', '');
      return null;
    end $$;
    create trigger webhook_events_notify after insert on webhook_events
      for each statement execute function oppvekst_webhook_notify();
    create trigger webhook_deliveries_notify after update of next_attempt_at on webhook_deliveries
      for each statement execute function oppvekst_webhook_notify();

    -- Who manages a region's webhooks: its administrators (and platform
    -- admins), and its own live API clients that hold webhooks:manage.
    -- Security definer: the caller may not read api_clients itself.
    create function public.app_manages_webhooks(region uuid) returns boolean
      language sql stable security definer set search_path = pg_catalog, public as $$
      select public.app_is_region_admin(region) or (public.app_in_region(region) and exists (
        select 1 from public.api_clients c
        where c.id = public.app_client_id() and c.region_id = region and c.revoked_at is null
          and 'webhooks:manage' = any (c.scopes)))
    $$;
    revoke execute on function public.app_manages_webhooks(uuid) from public;
    grant execute on function public.app_manages_webhooks(uuid) to oppvekst_app;
  `.execute(db);

  for (const table of TABLES) {
    const t = sql.table(table);
    await sql`alter table ${t} enable row level security`.execute(db);
    await sql`alter table ${t} force row level security`.execute(db);
    await sql`create policy owner_all on ${t} to oppvekst_owner using (true) with check (true)`.execute(db);
  }

  await sql`
    create policy manager_all on webhook_endpoints for all to oppvekst_app
      using (app_manages_webhooks(region_id)) with check (app_manages_webhooks(region_id));
    create policy manager_read on webhook_events for select to oppvekst_app using (app_manages_webhooks(region_id));
    -- Those who change plans report the change in the same transaction; events about webhooks are the worker's.
    create policy writer_append on webhook_events for insert to oppvekst_app
      with check (app_in_region(region_id) and type not like 'webhook.%'
        and (app_role() = 'platform_admin' or app_roles() && array['region_admin', 'municipal_editor']));
    create policy manager_read on webhook_deliveries for select to oppvekst_app using (app_manages_webhooks(region_id));
    create policy manager_redeliver on webhook_deliveries for update to oppvekst_app
      using (app_manages_webhooks(region_id)) with check (app_manages_webhooks(region_id));
    create policy manager_read on webhook_attempts for select to oppvekst_app using (app_manages_webhooks(region_id));
    -- A webhooks:manage client records its own changes to endpoints.
    create policy webhook_manager_append on audit_log for insert to oppvekst_app
      with check (app_manages_webhooks(region_id) and actor = app_subject() and entity_type = 'webhook_endpoint');
  `.execute(db);

  await sql`
    grant select (id, region_id, url, description, event_types, enabled, disabled_reason, disabled_at, consecutive_failures,
        failing_since, last_success_at, created_by, created_at, updated_at, row_version),
      insert (id, region_id, url, description, event_types, secret_ciphertext, created_by),
      update (url, description, event_types, enabled, disabled_reason, disabled_at, consecutive_failures, failing_since),
      delete on webhook_endpoints to oppvekst_app;
    grant select, insert (region_id, type, body) on webhook_events to oppvekst_app;
    grant select, update (status, max_attempts, next_attempt_at, redelivery_requested, lease_owner, lease_expires_at, completed_at) on webhook_deliveries to oppvekst_app;
    grant select on webhook_attempts to oppvekst_app;
  `.execute(db);

  // The worker: every region, these tables only, and only the columns it keeps.
  const w = sql.raw(WORKER);
  await sql`
    grant usage on schema public to ${w};
    create policy worker_read on regions for select to ${w} using (true);
    create policy worker_all on webhook_endpoints for select to ${w} using (true);
    create policy worker_health on webhook_endpoints for update to ${w} using (true) with check (true);
    create policy worker_read on webhook_events for select to ${w} using (true);
    create policy worker_dispatch on webhook_events for update to ${w} using (true) with check (true);
    create policy worker_report on webhook_events for insert to ${w} with check (type = 'webhook.endpoint.disabled');
    create policy worker_all on webhook_deliveries for all to ${w} using (true) with check (true);
    create policy worker_all on webhook_attempts for all to ${w} using (true) with check (true);
    create policy worker_append on audit_log for insert to ${w}
      with check (actor = 'system:webhook-worker' and action = 'webhook_endpoint.disabled' and entity_type = 'webhook_endpoint');
    grant select (id, slug) on regions to ${w};
    grant select, update (enabled, disabled_reason, disabled_at, consecutive_failures, failing_since, last_success_at)
      on webhook_endpoints to ${w};
    grant select, update (dispatched_at), insert (region_id, type, body) on webhook_events to ${w};
    grant select, insert (region_id, endpoint_id, event_id, status, max_attempts, next_attempt_at),
      update (status, attempts, max_attempts, next_attempt_at, redelivery_requested, lease_owner, lease_expires_at, last_response_status, last_error, completed_at)
      on webhook_deliveries to ${w};
    grant select, insert (region_id, delivery_id, attempt_number, manual, worker),
      update (finished_at, outcome, response_status, error, duration_ms) on webhook_attempts to ${w};
    grant insert (region_id, actor, action, entity_type, entity_id, before, after) on audit_log to ${w};
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const w = sql.raw(WORKER);
  await sql`
    revoke insert on audit_log from ${w};
    revoke select on regions from ${w};
    drop policy worker_append on audit_log;
    drop policy worker_read on regions;
    drop policy webhook_manager_append on audit_log;
    revoke usage on schema public from ${w};
    drop table webhook_attempts, webhook_deliveries, webhook_events, webhook_endpoints;
    drop function app_manages_webhooks(uuid), oppvekst_webhook_notify(), oppvekst_webhook_endpoint_touch();
  `.execute(db);
}
