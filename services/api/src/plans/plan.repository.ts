import type { Goal, Implementation, Measure, PlanVersion, Section, FocusArea, VersionSummary } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { versionContentQuery } from '../sql/contract-json.js';
import { toVersionSummary, type VersionRow } from './version-summary.js';

type Db = Kysely<Database>;
type Status = VersionSummary['status'];

export function versionRows(db: Db) {
  return db
    .selectFrom('plan_versions as v')
    .innerJoin('plans as p', 'p.id', 'v.plan_id')
    .innerJoin('regions as r', 'r.id', 'v.region_id')
    .leftJoin('municipalities as mu', 'mu.id', 'p.municipality_id')
    .select([
      'v.id',
      'v.region_id',
      'v.plan_id',
      'p.municipality_id',
      'v.based_on_version_id',
      'p.kind as plan_kind',
      'r.slug as region_slug',
      'mu.kommunenummer',
      'v.version_number',
      'v.status',
      'v.title',
      'v.language_form',
      'v.period_from',
      'v.period_to',
      'v.consultation_opens_on',
      'v.consultation_closes_on',
      'v.decided_by',
      'v.decided_by_name',
      'v.decision',
      'v.decided_on',
      'v.case_reference',
      'v.row_version',
    ]);
}

/** The statuses of the version under work: a plan has at most one of them at a time. */
export const OPEN_STATUSES: Status[] = ['draft', 'consultation'];

/** The version of the region's regional plan in the given status (the adopted one, for the public). */
export async function findRegionalVersion(db: Db, regionId: string, status: Status | Status[]): Promise<VersionRow | undefined> {
  return versionRows(db)
    .where('p.region_id', '=', regionId)
    .where('p.kind', '=', 'regional')
    .where('v.status', 'in', [status].flat())
    .executeTakeFirst();
}

export async function findAnnexVersion(db: Db, municipalityId: string, status: Status | Status[]): Promise<VersionRow | undefined> {
  return versionRows(db)
    .where('p.municipality_id', '=', municipalityId)
    .where('p.kind', '=', 'annex')
    .where('v.status', 'in', [status].flat())
    .executeTakeFirst();
}

/** A version with all its content, in the PlanVersion contract's shape. */
export async function loadPlanVersion(db: Db, version: VersionRow): Promise<PlanVersion> {
  const { rows } = await versionContentQuery(version.id).execute(db);
  const content = rows[0]!;
  return {
    version: toVersionSummary(version),
    sections: content.sections as Section[],
    focusAreas: content.focusAreas as FocusArea[],
    goals: content.goals as Goal[],
    measuresForRegionalGoals: content.measuresForRegionalGoals as Measure[],
    implementations: content.implementations as Implementation[],
  };
}

/**
 * What a municipality's complete plan is made of: its adopted versions (which
 * never change) and the directory rows whose names it shows (municipality,
 * region, services), by row version. The same sources, the same plan.
 */
export async function planSourcesOf(db: Db, municipalityId: string): Promise<(string | number | null)[]> {
  const { rows } = await sql<{ sources: (string | number | null)[] }>`
    select json_build_array(
      (select v.id from plan_versions v join plans p on p.id = v.plan_id
        where p.region_id = mu.region_id and p.kind = 'regional' and v.status = 'adopted'),
      (select v.id from plan_versions v join plans p on p.id = v.plan_id
        where p.municipality_id = mu.id and p.kind = 'annex' and v.status = 'adopted'),
      -- The municipality itself: two without an annex merge the same versions but are not the same plan.
      mu.id, mu.row_version, r.row_version,
      (select count(*) || ':' || coalesce(sum(s.row_version), 0) from services s where s.region_id = mu.region_id)) as sources
    from municipalities mu join regions r on r.id = mu.region_id
    where mu.id = ${municipalityId}`.execute(db);
  return rows[0]?.sources ?? [];
}
