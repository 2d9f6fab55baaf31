import type { Database, WebhookEventType } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';

/**
 * The worker's SQL, run as its own role (`oppvekst_webhook_worker`), whose
 * policies open the webhook tables of every region and nothing else.
 */
type Db = Kysely<Database>;

/**
 * Fans a batch of new events out to the endpoints that subscribe to them
 * (disabled ones included: their deliveries wait), in one transaction; SKIP
 * LOCKED lets several workers share the outbox without taking an event twice.
 * An endpoint receives the events that happened after it was registered, and
 * never the notice that it was itself disabled (which would wait, and arrive
 * once it was enabled again): that notice is for the region's other endpoints.
 */
export async function dispatchEvents(db: Db, options: { batch: number; maxAttempts: number; firstDelayMs: number }): Promise<number> {
  const { rows } = await sql<{ dispatched: number }>`
    with batch as (
      select id, region_id, type, occurred_at,
        case when type = 'webhook.endpoint.disabled' then body::jsonb #>> '{data,endpointId}' end as disabled_endpoint
      from webhook_events
      where dispatched_at is null order by occurred_at, id limit ${options.batch}
      for update skip locked
    ), fanned as (
      insert into webhook_deliveries (region_id, endpoint_id, event_id, max_attempts, next_attempt_at)
      select b.region_id, e.id, b.id, ${options.maxAttempts}, now() + ${options.firstDelayMs} * interval '1 millisecond'
      from batch b join webhook_endpoints e on e.region_id = b.region_id and b.type = any (e.event_types) and e.created_at <= b.occurred_at
      where e.id::text is distinct from b.disabled_endpoint
      on conflict (endpoint_id, event_id) do nothing
    )
    update webhook_events set dispatched_at = now() where id in (select id from batch)
    returning 1 as dispatched`.execute(db);
  return rows.length;
}

/**
 * A delivery whose last allowed attempt was taken by a worker that died: its
 * lease has run out and no attempt is left, so it has failed.
 */
export async function failAbandoned(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string }>`
      update webhook_deliveries set status = 'failed', next_attempt_at = null, lease_owner = null, lease_expires_at = null,
        last_error = 'the worker stopped before the last attempt finished', completed_at = now()
      where status = 'pending' and attempts >= max_attempts and lease_expires_at < now()
      returning id`.execute(trx);
    if (rows.length) await abandonAttempts(trx, rows.map((r) => r.id));
  });
}

async function abandonAttempts(db: Db, deliveryIds: string[]): Promise<void> {
  await db
    .updateTable('webhook_attempts')
    .set({ outcome: 'abandoned', finished_at: sql<Date>`now()`, error: 'the worker stopped before the attempt finished' })
    .where('delivery_id', 'in', deliveryIds)
    .where('outcome', '=', 'in_flight')
    .execute();
}

export interface Claimed {
  deliveryId: string;
  regionId: string;
  endpointId: string;
  eventId: string;
  attempt: number;
  maxAttempts: number;
  manual: boolean;
  createdAt: Date;
}

/**
 * Takes up to `limit` due deliveries of enabled endpoints: each gets the next
 * attempt number and this worker's lease, and the attempt is logged as in
 * flight, all in one transaction. Rows another worker is claiming are
 * skipped, never waited for, and an attempt number is claimed once (the log's
 * unique key says so too). An attempt still in flight from a worker whose
 * lease ran out is logged as abandoned.
 */
export async function claimDue(db: Db, worker: string, limit: number, leaseMs: number): Promise<Claimed[]> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<Claimed>`
      with due as (
        select d.id, d.redelivery_requested from webhook_deliveries d
        join webhook_endpoints e on e.id = d.endpoint_id
        where d.status = 'pending' and d.next_attempt_at <= now() and d.attempts < d.max_attempts
          and (d.lease_expires_at is null or d.lease_expires_at < now()) and e.enabled
        order by d.next_attempt_at, d.id
        limit ${limit}
        for update of d skip locked
      )
      update webhook_deliveries d set attempts = d.attempts + 1, lease_owner = ${worker},
        lease_expires_at = now() + ${leaseMs} * interval '1 millisecond', redelivery_requested = false
      from due where d.id = due.id
      returning d.id as "deliveryId", d.region_id as "regionId", d.endpoint_id as "endpointId", d.event_id as "eventId",
        d.attempts as attempt, d.max_attempts as "maxAttempts", due.redelivery_requested as manual, d.created_at as "createdAt"`.execute(trx);
    if (rows.length === 0) return [];
    await abandonAttempts(trx, rows.map((r) => r.deliveryId));
    await trx
      .insertInto('webhook_attempts')
      .values(rows.map((r) => ({ region_id: r.regionId, delivery_id: r.deliveryId, attempt_number: r.attempt, manual: r.manual, worker })))
      .execute();
    return rows;
  });
}

export interface Outgoing {
  url: string;
  sealedSecret: string;
  type: WebhookEventType;
  body: string;
}

export async function loadOutgoing(db: Db, claimed: Claimed): Promise<Outgoing | undefined> {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select(['e.url', 'e.secret_ciphertext as sealedSecret', 'ev.type', 'ev.body'])
    .where('d.id', '=', claimed.deliveryId)
    .executeTakeFirst();
}

export interface Outcome {
  status: 'succeeded' | 'failed' | 'retry';
  nextAttemptAt?: Date;
  responseStatus?: number | undefined;
  error?: string | undefined;
  durationMs: number;
}

/**
 * Records the attempt and, while this worker still holds the lease on that
 * attempt, the delivery's new state and the endpoint's health; returns
 * whether it did (a lease that ran out belongs to whoever took it over).
 */
export async function recordOutcome(db: Db, worker: string, claimed: Claimed, outcome: Outcome): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_attempts')
      .set({
        finished_at: sql<Date>`now()`,
        outcome: outcome.status === 'succeeded' ? 'succeeded' : 'failed',
        response_status: outcome.responseStatus ?? null,
        error: outcome.error?.slice(0, 1000) ?? null,
        duration_ms: outcome.durationMs,
      })
      .where('delivery_id', '=', claimed.deliveryId)
      .where('attempt_number', '=', claimed.attempt)
      .where('outcome', '=', 'in_flight')
      .execute();
    const done = outcome.status !== 'retry';
    const updated = await trx
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.status === 'retry' ? 'pending' : outcome.status,
        next_attempt_at: outcome.nextAttemptAt ?? null,
        lease_owner: null,
        lease_expires_at: null,
        last_response_status: outcome.responseStatus ?? null,
        last_error: outcome.error?.slice(0, 1000) ?? null,
        completed_at: done ? sql<Date>`now()` : null,
      })
      .where('id', '=', claimed.deliveryId)
      .where('lease_owner', '=', worker)
      .where('attempts', '=', claimed.attempt)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx
      .updateTable('webhook_endpoints')
      .set(
        outcome.status === 'succeeded'
          ? { consecutive_failures: 0, failing_since: null, last_success_at: sql<Date>`now()` }
          : { consecutive_failures: sql<number>`consecutive_failures + 1`, failing_since: sql<Date>`coalesce(failing_since, now())` },
      )
      .where('id', '=', claimed.endpointId)
      .execute();
    return true;
  });
}

/** Whether the endpoint has had no successful delivery since this one was created: it failed for the whole retry window. */
export async function failedThroughout(db: Db, claimed: Claimed): Promise<boolean> {
  const row = await db.selectFrom('webhook_endpoints').select('last_success_at').where('id', '=', claimed.endpointId).executeTakeFirst();
  return !!row && (row.last_success_at === null || row.last_success_at < claimed.createdAt);
}

/**
 * Stops deliveries to an endpoint, once: records why in the audit log and
 * tells the region's other endpoints (webhook.endpoint.disabled), in one
 * transaction. Returns false when it was disabled already.
 */
export async function disableEndpoint(
  db: Db,
  endpointId: string,
  reason: string,
  event: (endpoint: { regionId: string; region: string; url: string; disabledAt: string }) => { type: WebhookEventType; body: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('webhook_endpoints')
      .set({ enabled: false, disabled_at: sql<Date>`now()`, disabled_reason: reason })
      .where('id', '=', endpointId)
      .where('enabled', '=', true)
      .returning(['region_id', 'url', 'disabled_at', 'consecutive_failures', 'failing_since'])
      .executeTakeFirst();
    if (!row) return false;
    const region = await trx.selectFrom('regions').select('slug').where('id', '=', row.region_id).executeTakeFirstOrThrow();
    await trx
      .insertInto('audit_log')
      .values({
        region_id: row.region_id,
        actor: 'system:webhook-worker',
        action: 'webhook_endpoint.disabled',
        entity_type: 'webhook_endpoint',
        entity_id: endpointId,
        before: null,
        after: JSON.stringify({ url: row.url, reason, consecutiveFailures: row.consecutive_failures, failingSince: row.failing_since }),
      })
      .execute();
    const { type, body } = event({ regionId: row.region_id, region: region.slug, url: row.url, disabledAt: row.disabled_at!.toISOString() });
    await trx.insertInto('webhook_events').values({ region_id: row.region_id, type, body }).execute();
    return true;
  });
}
