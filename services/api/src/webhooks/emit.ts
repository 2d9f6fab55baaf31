import type { Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import { loadPlanVersion } from '../plans/plan.repository.js';
import { toVersionSummary, type VersionRow } from '../plans/version-summary.js';
import { appendEvents, transactionTime } from './outbox.repository.js';
import { adoptionEvents, consultationOpenedEvent } from './plan-events.js';

/** In the adoption's transaction: the adoption and its measure changes, against the version it superseded. */
export async function emitAdoption(trx: Kysely<Database>, adopted: VersionRow, superseded: VersionRow | undefined): Promise<void> {
  const timestamp = await transactionTime(trx);
  const now = await loadPlanVersion(trx, adopted);
  const then = superseded ? await loadPlanVersion(trx, superseded) : null;
  await appendEvents(trx, adopted.region_id, adoptionEvents(now, then, timestamp));
}

/** In the transaction that sends the version out for consultation. */
export async function emitConsultationOpened(trx: Kysely<Database>, version: VersionRow): Promise<void> {
  await appendEvents(trx, version.region_id, [consultationOpenedEvent(toVersionSummary(version), await transactionTime(trx))]);
}
