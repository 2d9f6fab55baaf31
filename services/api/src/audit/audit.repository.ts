import type { Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';

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
