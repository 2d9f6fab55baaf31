import type { Municipality, Region, Service } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

const regionColumns = sql<Region>`json_build_object(
  'id', r.id, 'slug', r.slug, 'name', r.name, 'kind', r.kind, 'languageForm', r.language_form,
  'municipalities', coalesce((select json_agg(json_build_object('kommunenummer', m.kommunenummer, 'name', m.name)
    order by m.kommunenummer) from municipalities m where m.region_id = r.id), '[]'::json))`;

export async function listRegions(db: Db): Promise<Region[]> {
  const { rows } = await sql<{ region: Region }>`select ${regionColumns} as region from regions r order by r.name, r.slug`.execute(db);
  return rows.map((r) => r.region);
}

export interface RegionRef {
  id: string;
  slug: string;
  name: string;
}

export async function findRegion(db: Db, slug: string): Promise<(RegionRef & { json: Region }) | undefined> {
  const { rows } = await sql<RegionRef & { json: Region }>`
    select r.id, r.slug, r.name, ${regionColumns} as json from regions r where r.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function listMunicipalities(db: Db, region: RegionRef): Promise<Municipality[]> {
  const rows = await db
    .selectFrom('municipalities')
    .select(['id', 'kommunenummer', 'name', 'language_form'])
    .where('region_id', '=', region.id)
    .orderBy('kommunenummer')
    .execute();
  return rows.map((m) => toMunicipality(m, region.slug));
}

export function toMunicipality(
  row: { id: string; kommunenummer: string; name: string; language_form: 'nb' | 'nn' },
  regionSlug: string,
): Municipality {
  return { id: row.id, kommunenummer: row.kommunenummer, name: row.name, languageForm: row.language_form, region: regionSlug };
}

export async function listServices(db: Db, regionId: string): Promise<Service[]> {
  const { rows } = await sql<{ service: Service }>`
    select json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, 'kind', s.kind, 'scope', s.scope,
      'municipalities', coalesce((select json_agg(m.kommunenummer order by m.kommunenummer)
        from service_municipalities sm join municipalities m on m.id = sm.municipality_id
        where sm.service_id = s.id), '[]'::json)) as service
    from services s where s.region_id = ${regionId}
    order by s.scope, s.name, s.slug`.execute(db);
  return rows.map((r) => r.service);
}

export interface MunicipalityRef {
  id: string;
  kommunenummer: string;
  name: string;
  language_form: 'nb' | 'nn';
  region_id: string;
  region_slug: string;
  region_name: string;
}

export async function findMunicipality(db: Db, kommunenummer: string): Promise<MunicipalityRef | undefined> {
  return db
    .selectFrom('municipalities as m')
    .innerJoin('regions as r', 'r.id', 'm.region_id')
    .select(['m.id', 'm.kommunenummer', 'm.name', 'm.language_form', 'm.region_id', 'r.slug as region_slug', 'r.name as region_name'])
    .where('m.kommunenummer', '=', kommunenummer)
    .executeTakeFirst();
}
