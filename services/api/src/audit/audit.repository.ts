import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';

export interface AuditEntry {
  regionId: string;
  actor: string;
  /** `<entity>.<verb>`, e.g. member.added. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | undefined;
}

/** One append-only entry, written in the same transaction as the change it records. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      region_id: entry.regionId,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

export interface AuditFilter {
  regionId: string;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Only entries older than this id (keyset paging, newest first). */
  before?: string | undefined;
  limit: number;
}

/** A region's entries, newest first, as the contract's JSON built in PostgreSQL. */
export async function listAuditEntries(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEntryItem[]> {
  let query = db
    .selectFrom('audit_log')
    .select((eb) => [
      sql<string>`id::text`.as('id'),
      sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('occurredAt'),
      'actor',
      'action',
      eb.ref('entity_type').as('entityType'),
      eb.ref('entity_id').as('entityId'),
      'before',
      'after',
      eb.ref('request_id').as('requestId'),
    ])
    .where('region_id', '=', filter.regionId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.before) query = query.where('id', '<', filter.before as never);
  return query.orderBy('id', 'desc').limit(filter.limit).execute() as Promise<AuditEntryItem[]>;
}

export type AuditEntryItem = {
  id: string;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};
