import type { Measure, MeasureHistory, VersionStatus } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { measureJson } from '../sql/contract-json.js';

type Db = Kysely<Database>;

export interface MeasureIdentity {
  regionId: string;
  plan: MeasureHistory['plan'];
}

/** A measure's stable identity and its plan, from the public directory; undefined for anything else. */
export async function findMeasureIdentity(db: Db, id: string): Promise<MeasureIdentity | undefined> {
  const { rows } = await sql<{ region_id: string; kind: 'regional' | 'annex'; slug: string; kommunenummer: string | null }>`
    select ci.region_id, p.kind, r.slug, mu.kommunenummer
    from content_identities ci
    join plans p on p.id = ci.plan_id
    join regions r on r.id = ci.region_id
    left join municipalities mu on mu.id = p.municipality_id
    where ci.id = ${id} and ci.kind = 'measure'`.execute(db);
  const row = rows[0];
  return row && { regionId: row.region_id, plan: { kind: row.kind, region: row.slug, kommunenummer: row.kommunenummer } };
}

export interface MeasureInVersion {
  versionId: string;
  versionNumber: number;
  status: VersionStatus;
  decidedOn: string | null;
  measure: Measure;
}

/** The versions the caller may see that have this measure, oldest first, with the measure as it is in each. */
export async function listMeasureVersions(db: Db, id: string): Promise<MeasureInVersion[]> {
  const { rows } = await sql<MeasureInVersion>`
    select v.id as "versionId", v.version_number as "versionNumber", v.status, v.decided_on::text as "decidedOn",
      ${measureJson(sql`coalesce(g.identity_id, m.regional_goal_identity_id)`)} as measure
    from measures m
    join plan_versions v on v.id = m.plan_version_id
    left join goals g on g.id = m.goal_id
    where m.identity_id = ${id}
    order by v.version_number`.execute(db);
  return rows;
}
