import type { WebhookEndpoint, WebhookEventType } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { isoTimestamp } from '../sql/contract-json.js';

type Db = Kysely<Database>;

export interface EndpointRow {
  endpoint: WebhookEndpoint;
  rowVersion: number;
}

// The app role cannot read secret_ciphertext at all: it is not among the listed columns.
const endpointJson = sql<WebhookEndpoint>`json_build_object(
  'id', e.id, 'region', r.slug, 'url', e.url, 'description', e.description, 'eventTypes', e.event_types,
  'enabled', e.enabled, 'disabledReason', e.disabled_reason, 'disabledAt', ${isoTimestamp('e.disabled_at')},
  'consecutiveFailures', e.consecutive_failures, 'failingSince', ${isoTimestamp('e.failing_since')},
  'lastSuccessAt', ${isoTimestamp('e.last_success_at')}, 'createdBy', e.created_by, 'createdAt', ${isoTimestamp('e.created_at')})`;

function endpointsQuery(db: Db, regionId: string) {
  return db
    .selectFrom('webhook_endpoints as e')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select([endpointJson.as('endpoint'), 'e.row_version as rowVersion'])
    .where('e.region_id', '=', regionId);
}

export async function listEndpoints(db: Db, regionId: string): Promise<WebhookEndpoint[]> {
  const rows = await endpointsQuery(db, regionId).orderBy('e.created_at').orderBy('e.id').execute();
  return rows.map((r) => r.endpoint);
}

/** With forUpdate, the row stays locked to the end of the transaction: the If-Match check and the write see one state. */
export async function findEndpoint(db: Db, regionId: string, endpointId: string, forUpdate = false): Promise<EndpointRow | undefined> {
  const query = endpointsQuery(db, regionId).where('e.id', '=', endpointId);
  return (forUpdate ? query.forUpdate('e') : query).executeTakeFirst();
}

export async function insertEndpoint(
  db: Db,
  values: { id: string; regionId: string; url: string; description: string; eventTypes: WebhookEventType[]; sealedSecret: string; createdBy: string },
): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: values.id,
      region_id: values.regionId,
      url: values.url,
      description: values.description,
      event_types: values.eventTypes,
      secret_ciphertext: values.sealedSecret,
      created_by: values.createdBy,
    })
    .execute();
}

export interface EndpointChange {
  url?: string;
  description?: string;
  eventTypes?: WebhookEventType[];
  /** true: enabled again, with a clean failure record; a string: disabled, for this reason. */
  enabled?: true | { reason: string };
}

export async function updateEndpoint(db: Db, regionId: string, endpointId: string, change: EndpointChange): Promise<void> {
  const enabling = change.enabled === true;
  const disabling = typeof change.enabled === 'object' ? change.enabled : undefined;
  await db
    .updateTable('webhook_endpoints')
    .set({
      ...(change.url !== undefined ? { url: change.url } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.eventTypes !== undefined ? { event_types: change.eventTypes } : {}),
      ...(enabling ? { enabled: true, disabled_at: null, disabled_reason: null, consecutive_failures: 0, failing_since: null } : {}),
      ...(disabling ? { enabled: false, disabled_at: sql<Date>`now()`, disabled_reason: disabling.reason } : {}),
    })
    .where('region_id', '=', regionId)
    .where('id', '=', endpointId)
    .execute();
  // What waited while the endpoint was disabled goes out now, due at once.
  if (enabling) {
    await db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: sql<Date>`now()` })
      .where('endpoint_id', '=', endpointId)
      .where('status', '=', 'pending')
      .execute();
  }
}

export async function deleteEndpoint(db: Db, regionId: string, endpointId: string): Promise<void> {
  await db.deleteFrom('webhook_endpoints').where('region_id', '=', regionId).where('id', '=', endpointId).execute();
}
