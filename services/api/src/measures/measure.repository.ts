import type { MeasureListItem } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { implementationJson, measureJson } from '../sql/contract-json.js';
import type { MeasureKey } from './cursor.js';

export interface MeasureFilter {
  regionId?: string | undefined;
  /** A municipality's measures: its region's regional ones plus its annex's own. */
  municipality?: { id: string; regionId: string } | undefined;
}

/**
 * Adopted measures, ordered by stable id and paged by keyset (`after`), so a
 * page boundary stays put while other measures are inserted.
 */
export async function listAdoptedMeasures(
  db: Kysely<Database>,
  filter: MeasureFilter,
  page: { after?: MeasureKey | undefined; limit: number },
): Promise<Array<{ item: MeasureListItem; key: MeasureKey }>> {
  const municipalityId = filter.municipality?.id ?? null;
  const implementation = municipalityId
    ? sql`(select ${implementationJson} from measure_implementations i
          join plan_versions av on av.id = i.plan_version_id and av.status = 'adopted'
          join plans ap on ap.id = av.plan_id and ap.municipality_id = ${municipalityId}
          where i.measure_identity_id = m.identity_id)`
    : sql`null`;
  const { rows } = await sql<{ item: MeasureListItem; identity_id: string; row_id: string }>`
    select (${measureJson(sql`coalesce(g.identity_id, m.regional_goal_identity_id)`)}::jsonb
      || jsonb_build_object(
        'plan', json_build_object('kind', p.kind, 'region', r.slug, 'kommunenummer', mu.kommunenummer,
          'versionId', v.id, 'versionNumber', v.version_number, 'status', v.status),
        'implementation', ${implementation})) as item,
      m.identity_id, m.id as row_id
    from measures m
    join plan_versions v on v.id = m.plan_version_id and v.status = 'adopted'
    join plans p on p.id = v.plan_id
    join regions r on r.id = p.region_id
    left join municipalities mu on mu.id = p.municipality_id
    left join goals g on g.id = m.goal_id
    where true
      ${filter.regionId ? sql`and p.region_id = ${filter.regionId}` : sql``}
      ${
        filter.municipality
          ? sql`and ((p.kind = 'regional' and p.region_id = ${filter.municipality.regionId})
                 or p.municipality_id = ${filter.municipality.id})`
          : sql``
      }
      ${page.after ? sql`and (m.identity_id, m.id) > (${page.after.identityId}, ${page.after.rowId})` : sql``}
    order by m.identity_id, m.id
    limit ${page.limit}`.execute(db);
  return rows.map((r) => ({ item: r.item, key: { identityId: r.identity_id, rowId: r.row_id } }));
}
