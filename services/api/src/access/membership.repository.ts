import type { Member } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { isoTimestamp } from '../sql/contract-json.js';
import type { MembershipTarget } from './membership.js';

type Db = Kysely<Database>;

const memberJson = sql<Member>`json_build_object(
  'id', m.id, 'region', r.slug, 'subject', m.subject, 'role', m.role,
  'municipality', mu.kommunenummer, 'service', s.slug, 'createdBy', m.created_by,
  'createdAt', ${isoTimestamp('m.created_at')})`;

function membersQuery(db: Db, regionId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('regions as r', 'r.id', 'm.region_id')
    .leftJoin('municipalities as mu', 'mu.id', 'm.municipality_id')
    .leftJoin('services as s', 's.id', 'm.service_id')
    .select(memberJson.as('member'))
    .where('m.region_id', '=', regionId);
}

export async function listMembers(db: Db, regionId: string): Promise<Member[]> {
  const rows = await membersQuery(db, regionId).orderBy('m.subject').orderBy('m.role').orderBy('m.id').execute();
  return rows.map((r) => r.member);
}

export async function findMember(db: Db, regionId: string, memberId: string): Promise<Member | undefined> {
  return (await membersQuery(db, regionId).where('m.id', '=', memberId).executeTakeFirst())?.member;
}

/**
 * Adds the membership, or returns 'exists' when the subject already holds it,
 * or 'unknown-municipality' / 'unknown-service' when the target is not in the region.
 */
export async function addMembership(
  db: Db,
  regionId: string,
  subject: string,
  target: MembershipTarget,
  createdBy: string,
): Promise<{ id: string } | 'exists' | 'unknown-municipality' | 'unknown-service'> {
  let municipalityId: string | null = null;
  let serviceId: string | null = null;
  if (target.role === 'municipal_editor') {
    const row = await db
      .selectFrom('municipalities')
      .select('id')
      .where('region_id', '=', regionId)
      .where('kommunenummer', '=', target.municipality)
      .executeTakeFirst();
    if (!row) return 'unknown-municipality';
    municipalityId = row.id;
  } else if (target.role === 'service_editor') {
    const row = await db.selectFrom('services').select('id').where('region_id', '=', regionId).where('slug', '=', target.service).executeTakeFirst();
    if (!row) return 'unknown-service';
    serviceId = row.id;
  }
  const inserted = await db
    .insertInto('memberships')
    .values({ region_id: regionId, subject, role: target.role, municipality_id: municipalityId, service_id: serviceId, created_by: createdBy })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ?? 'exists';
}

export async function deleteMembership(db: Db, regionId: string, memberId: string): Promise<void> {
  await db.deleteFrom('memberships').where('region_id', '=', regionId).where('id', '=', memberId).execute();
}

/**
 * The region's administrators, counted under a transaction-scoped lock, so two
 * concurrent removals cannot both see "one left besides me" and leave none.
 */
export async function countRegionAdminsLocked(db: Db, regionId: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`region-admins:${regionId}`}, 0))`.execute(db);
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('region_id', '=', regionId)
    .where('role', '=', 'region_admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
