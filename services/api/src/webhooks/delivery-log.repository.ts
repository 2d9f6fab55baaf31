import type { WebhookDelivery } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { badRequest } from '../http/problems.js';
import { isoTimestamp } from '../sql/contract-json.js';

type Db = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const deliveryJson = sql<WebhookDelivery>`json_build_object(
  'id', d.id, 'webhookId', d.event_id, 'eventType', ev.type, 'occurredAt', ${isoTimestamp('ev.occurred_at')},
  'status', d.status, 'attempts', d.attempts, 'maxAttempts', d.max_attempts, 'nextAttemptAt', ${isoTimestamp('d.next_attempt_at')},
  'lastResponseStatus', d.last_response_status, 'lastError', d.last_error, 'completedAt', ${isoTimestamp('d.completed_at')},
  'attemptLog', coalesce((
    select json_agg(json_build_object(
      'attempt', a.attempt_number, 'manual', a.manual, 'startedAt', ${isoTimestamp('a.started_at')},
      'finishedAt', ${isoTimestamp('a.finished_at')}, 'outcome', a.outcome, 'responseStatus', a.response_status,
      'error', a.error, 'durationMs', a.duration_ms) order by a.attempt_number)
    from webhook_attempts a where a.delivery_id = d.id), '[]'::json))`;

/** Where a page of the log ends: the last delivery's creation (in microseconds) and id. */
interface LogKey {
  micros: string;
  id: string;
}

export function encodeLogCursor(key: LogKey): string {
  return Buffer.from(`d:${key.micros}:${key.id}`).toString('base64url');
}

export function decodeLogCursor(cursor: string): LogKey {
  const [tag, micros = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (tag !== 'd' || !/^\d{1,20}$/.test(micros) || !UUID.test(id)) {
    throw badRequest('cursor is not one this API handed out', [{ field: 'querystring/cursor', message: 'unknown cursor' }]);
  }
  return { micros, id };
}

function deliveries(db: Db, endpointId: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
    .select([deliveryJson.as('delivery'), sql<string>`(extract(epoch from d.created_at) * 1000000)::bigint::text`.as('micros'), 'd.id'])
    .where('d.endpoint_id', '=', endpointId);
}

/** The endpoint's deliveries, newest first. */
export async function listDeliveries(db: Db, endpointId: string, limit: number, cursor?: LogKey): Promise<{ items: WebhookDelivery[]; next: LogKey | null }> {
  let query = deliveries(db, endpointId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1);
  if (cursor) {
    query = query.where(sql<boolean>`(d.created_at, d.id) < (to_timestamp(${cursor.micros}::numeric / 1000000), ${cursor.id}::uuid)`);
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((r) => r.delivery), next: rows.length > limit && last ? { micros: last.micros, id: last.id } : null };
}

export async function findDelivery(db: Db, endpointId: string, deliveryId: string, forUpdate = false) {
  const query = db
    .selectFrom('webhook_deliveries')
    .select(['id', 'status', 'attempts', 'max_attempts', sql<boolean>`coalesce(lease_expires_at > now(), false)`.as('inFlight')])
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', deliveryId);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export async function readDelivery(db: Db, endpointId: string, deliveryId: string): Promise<WebhookDelivery | undefined> {
  return (await deliveries(db, endpointId).where('d.id', '=', deliveryId).executeTakeFirst())?.delivery;
}

/**
 * One more attempt, due now, marked manual. It does not start a new retry
 * schedule: a finished delivery gets exactly one attempt more, and one still
 * waiting for a retry keeps the attempts it had left. A lease that ran out is
 * cleared: the worker that held it may still be waiting for its answer, and
 * its outcome must not overwrite this request.
 */
export async function requestRedelivery(db: Db, delivery: { id: string; status: string; attempts: number }): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      max_attempts: delivery.status === 'pending' ? sql<number>`greatest(max_attempts, ${delivery.attempts + 1})` : delivery.attempts + 1,
      next_attempt_at: sql<Date>`now()`,
      redelivery_requested: true,
      lease_owner: null,
      lease_expires_at: null,
      completed_at: null,
    })
    .where('id', '=', delivery.id)
    .execute();
}
