import type { ConsultationAnswer, ConsultationSubmission } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { isoTimestamp } from '../sql/contract-json.js';

type Db = Kysely<Database>;

export interface StoredSubmission {
  rowVersion: number;
  submission: ConsultationSubmission;
}

/**
 * The contact comes from its own table, which row-level security shows to
 * the plan's editors only: for everyone else the join finds nothing and the
 * field is null.
 */
const submissionRows = sql<StoredSubmission>`
  select s.row_version as "rowVersion", json_build_object(
    'id', s.id,
    'versionId', s.plan_version_id,
    'authorName', s.author_name,
    'contact', c.contact,
    'text', s.text,
    'concerns', case when s.concerns_identity_id is null then null
      else json_build_object('id', s.concerns_identity_id, 'kind', ci.kind) end,
    'receivedAt', ${isoTimestamp('s.received_at')},
    'answer', case when s.handling is null then null else json_build_object(
      'response', s.response, 'handling', s.handling, 'answeredAt', ${isoTimestamp('s.answered_at')}) end
  ) as submission
  from consultation_submissions s
  left join consultation_contacts c on c.submission_id = s.id
  left join content_identities ci on ci.id = s.concerns_identity_id`;

export async function listSubmissions(db: Db, versionId: string): Promise<ConsultationSubmission[]> {
  const { rows } = await sql<StoredSubmission>`${submissionRows}
    where s.plan_version_id = ${versionId} order by s.received_at, s.id`.execute(db);
  return rows.map((r) => r.submission);
}

export async function findSubmission(db: Db, versionId: string, id: string): Promise<StoredSubmission | undefined> {
  const { rows } = await sql<StoredSubmission>`${submissionRows}
    where s.plan_version_id = ${versionId} and s.id = ${id}`.execute(db);
  return rows[0];
}

export interface NewSubmission {
  id: string;
  regionId: string;
  versionId: string;
  authorName: string;
  contact: string | null;
  text: string;
  concerns: string | null;
}

/**
 * Stores input from the public. The id is chosen here, and nothing is read
 * back: the public may send input but not read what is in the table.
 * Returns when it was received (the transaction's time, which the row has).
 */
export async function insertSubmission(db: Db, s: NewSubmission): Promise<string> {
  await db
    .insertInto('consultation_submissions')
    .values({ id: s.id, region_id: s.regionId, plan_version_id: s.versionId, author_name: s.authorName, text: s.text, concerns_identity_id: s.concerns })
    .execute();
  if (s.contact) {
    await db
      .insertInto('consultation_contacts')
      .values({ submission_id: s.id, region_id: s.regionId, plan_version_id: s.versionId, contact: s.contact })
      .execute();
  }
  const { rows } = await sql<{ at: string }>`select ${sql.raw(`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)} as at`.execute(db);
  return rows[0]!.at;
}

export async function answerSubmission(db: Db, id: string, answer: ConsultationAnswer, answeredBy: string): Promise<void> {
  await db
    .updateTable('consultation_submissions')
    .set({ response: answer.response, handling: answer.handling, answered_at: sql`now()`, answered_by: answeredBy })
    .where('id', '=', id)
    .execute();
}
