import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import type { OutgoingEvent } from './plan-events.js';

const BATCH = 500;

/** The transaction's time as ISO 8601: the events' timestamp, and their occurred_at. */
export async function transactionTime(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
  return rows[0]!.now.toISOString();
}

/** Appends events to the outbox, in the caller's transaction: they exist exactly when the change does. */
export async function appendEvents(db: Kysely<Database>, regionId: string, events: readonly OutgoingEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) {
    await db
      .insertInto('webhook_events')
      .values(events.slice(i, i + BATCH).map((e) => ({ region_id: regionId, type: e.type, body: e.body })))
      .execute();
  }
}
