import type { DesiredState, FocusArea, GoalItem, Implementation, Measure, Section } from '@oppvekst/contracts';
import type {
  Database,
  DesiredStatesTable,
  FocusAreasTable,
  GoalsTable,
  MeasureImplementationsTable,
  MeasureResponsibilitiesTable,
  MeasuresTable,
  SectionsTable,
} from '@oppvekst/db';
import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import { implementationJson, measureJson } from '../sql/contract-json.js';
import { placeAt, positionChanges } from './ordering.js';

/**
 * Reading and writing the items of one version: sections, focus areas,
 * goals, desired states, measures and local implementations. Items are
 * addressed as the read model names them (by stable id, desired states by
 * their own id, implementations by the regional measure's id); every read
 * returns the row's id and row_version for the ETag beside the item.
 * Callers hold the version's lock (lockVersion) before writing.
 */

type Db = Kysely<Database>;

export type ItemKind = 'section' | 'focus_area' | 'goal' | 'desired_state' | 'measure' | 'implementation';

export interface ItemShapes {
  section: Section;
  focus_area: FocusArea;
  goal: GoalItem;
  desired_state: DesiredState;
  measure: Measure;
  implementation: Implementation;
}

export interface StoredItem<K extends ItemKind> {
  rowId: string;
  rowVersion: number;
  item: ItemShapes[K];
  /** Goals of desired states; for a measure, its goal row (or null when it serves a regional goal). */
  goalRowId: string | null;
  regionalGoalIdentityId: string | null;
}

const ITEM_SQL: Record<ItemKind, { from: RawBuilder<unknown>; json: RawBuilder<unknown>; key: RawBuilder<unknown>; version: RawBuilder<unknown>; goal: RawBuilder<unknown>; regionalGoal: RawBuilder<unknown> }> = {
  section: {
    from: sql`sections s`,
    json: sql`json_build_object('id', s.identity_id, 'kind', s.kind, 'title', s.title, 'body', s.body, 'position', s.position)`,
    key: sql`s.identity_id`,
    version: sql`s.plan_version_id`,
    goal: sql`null::uuid`,
    regionalGoal: sql`null::uuid`,
  },
  focus_area: {
    from: sql`focus_areas s`,
    json: sql`json_build_object('id', s.identity_id, 'title', s.title, 'description', s.description, 'position', s.position)`,
    key: sql`s.identity_id`,
    version: sql`s.plan_version_id`,
    goal: sql`null::uuid`,
    regionalGoal: sql`null::uuid`,
  },
  goal: {
    from: sql`goals s left join focus_areas f on f.id = s.focus_area_id`,
    json: sql`json_build_object('id', s.identity_id, 'focusAreaId', f.identity_id, 'title', s.title,
      'description', s.description, 'position', s.position)`,
    key: sql`s.identity_id`,
    version: sql`s.plan_version_id`,
    goal: sql`null::uuid`,
    regionalGoal: sql`null::uuid`,
  },
  desired_state: {
    from: sql`desired_states s join goals g on g.id = s.goal_id`,
    json: sql`json_build_object('id', s.id, 'text', s.text, 'position', s.position)`,
    key: sql`s.id`,
    version: sql`g.plan_version_id`,
    goal: sql`s.goal_id`,
    regionalGoal: sql`null::uuid`,
  },
  measure: {
    from: sql`measures m left join goals g on g.id = m.goal_id`,
    json: measureJson(sql`coalesce(g.identity_id, m.regional_goal_identity_id)`),
    key: sql`m.identity_id`,
    version: sql`m.plan_version_id`,
    goal: sql`m.goal_id`,
    regionalGoal: sql`m.regional_goal_identity_id`,
  },
  implementation: {
    from: sql`measure_implementations i`,
    json: implementationJson,
    key: sql`i.measure_identity_id`,
    version: sql`i.plan_version_id`,
    goal: sql`null::uuid`,
    regionalGoal: sql`null::uuid`,
  },
};

const ROW_ALIAS: Record<ItemKind, string> = {
  section: 's',
  focus_area: 's',
  goal: 's',
  desired_state: 's',
  measure: 'm',
  implementation: 'i',
};

export async function findItem<K extends ItemKind>(db: Db, kind: K, versionId: string, key: string): Promise<StoredItem<K> | undefined> {
  const q = ITEM_SQL[kind];
  const alias = sql.raw(ROW_ALIAS[kind]);
  const { rows } = await sql<StoredItem<K>>`
    select ${alias}.id as "rowId", ${alias}.row_version as "rowVersion", ${q.json} as item,
      ${q.goal} as "goalRowId", ${q.regionalGoal} as "regionalGoalIdentityId"
    from ${q.from}
    where ${q.version} = ${versionId} and ${q.key} = ${key}`.execute(db);
  return rows[0];
}

// ---- Order among siblings ----------------------------------------------------------

type OrderedTable = 'sections' | 'focus_areas' | 'goals' | 'desired_states' | 'measures';

/** Who an item's siblings are: the same version, the same goal, or (a local measure of a regional goal) the same regional goal. */
export type SiblingGroup =
  | { table: 'sections' | 'focus_areas' | 'goals'; versionId: string }
  | { table: 'desired_states'; goalId: string }
  | { table: 'measures'; goalId: string }
  | { table: 'measures'; versionId: string; regionalGoalIdentityId: string };

function siblingFilter(group: SiblingGroup): RawBuilder<unknown> {
  if (group.table === 'desired_states') return sql`goal_id = ${group.goalId}`;
  if (group.table === 'measures') {
    return 'goalId' in group
      ? sql`goal_id = ${group.goalId}`
      : sql`plan_version_id = ${group.versionId} and goal_id is null and regional_goal_identity_id = ${group.regionalGoalIdentityId}`;
  }
  return sql`plan_version_id = ${group.versionId}`;
}

export async function countSiblings(db: Db, group: SiblingGroup): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(group.table)} where ${siblingFilter(group)}`.execute(db);
  return rows[0]!.n;
}

export async function countMeasures(db: Db, versionId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from measures where plan_version_id = ${versionId}`.execute(db);
  return rows[0]!.n;
}

/**
 * Puts a row at a position among its siblings (or, without a row, closes the
 * gap a deleted one left), writing only the positions that change.
 */
export async function placeAmongSiblings(db: Db, group: SiblingGroup, rowId?: string, position?: number): Promise<void> {
  const { rows } = await sql<{ id: string; position: number }>`
    select id, position from ${sql.table(group.table)} where ${siblingFilter(group)} order by position, created_at, id`.execute(db);
  const ids = rows.map((r) => r.id);
  const order = rowId ? placeAt(ids, rowId, position) : ids;
  const changes = positionChanges(order, new Map(rows.map((r) => [r.id, r.position])));
  for (const change of changes) {
    await sql`update ${sql.table(group.table as OrderedTable)} set position = ${change.position} where id = ${change.id}`.execute(db);
  }
}

// ---- Identities and references -------------------------------------------------------

export async function newIdentity(db: Db, regionId: string, planId: string, kind: 'section' | 'focus_area' | 'goal' | 'measure'): Promise<string> {
  const row = await db.insertInto('content_identities').values({ region_id: regionId, plan_id: planId, kind }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The row of the focus area with this stable id in the version. */
export async function focusAreaRow(db: Db, versionId: string, focusAreaId: string): Promise<string | undefined> {
  const row = await db.selectFrom('focus_areas').select('id').where('plan_version_id', '=', versionId).where('identity_id', '=', focusAreaId).executeTakeFirst();
  return row?.id;
}

/**
 * Where a measure's goal is: a goal of this version (its row), or, for an
 * annex, a goal of the region's regional plan (its stable identity).
 */
export async function resolveMeasureGoal(
  db: Db,
  version: { id: string; regionId: string; planKind: 'regional' | 'annex' },
  goalId: string,
): Promise<{ goalRowId: string; regionalGoalIdentityId: null } | { goalRowId: null; regionalGoalIdentityId: string } | undefined> {
  const own = await db.selectFrom('goals').select('id').where('plan_version_id', '=', version.id).where('identity_id', '=', goalId).executeTakeFirst();
  if (own) return { goalRowId: own.id, regionalGoalIdentityId: null };
  if (version.planKind !== 'annex') return undefined;
  return (await isRegionalIdentity(db, version.regionId, goalId, 'goal')) ? { goalRowId: null, regionalGoalIdentityId: goalId } : undefined;
}

/** Whether the id names a goal or measure of the region's regional plan. */
export async function isRegionalIdentity(db: Db, regionId: string, id: string, kind: 'goal' | 'measure'): Promise<boolean> {
  const row = await db
    .selectFrom('content_identities as ci')
    .innerJoin('plans as p', 'p.id', 'ci.plan_id')
    .select('ci.id')
    .where('ci.id', '=', id)
    .where('ci.kind', '=', kind)
    .where('p.region_id', '=', regionId)
    .where('p.kind', '=', 'regional')
    .executeTakeFirst();
  return row !== undefined;
}

/** The region's services by slug, for naming them in input. */
export async function servicesBySlug(db: Db, regionId: string, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom('services').select(['id', 'slug']).where('region_id', '=', regionId).where('slug', 'in', slugs).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

// ---- Writes ---------------------------------------------------------------------------

/** What a write sets on a row: every column but the ones the database or the version decides. */
type Columns<T, Fixed extends keyof Insertable<T>> = Required<Omit<Insertable<T>, Fixed>>;
type Placement = 'id' | 'region_id' | 'plan_version_id' | 'identity_id' | 'position' | 'created_at' | 'updated_at';

export type SectionColumns = Columns<SectionsTable, Placement>;
export type FocusAreaColumns = Columns<FocusAreasTable, Placement>;
export type GoalColumns = Columns<GoalsTable, Placement>;
export type DesiredStateColumns = Columns<DesiredStatesTable, Exclude<Placement, 'plan_version_id' | 'identity_id'> | 'goal_id'>;
export type MeasureColumns = Columns<MeasuresTable, Placement>;
export type ResponsibilityColumns = Columns<MeasureResponsibilitiesTable, 'id' | 'region_id' | 'measure_id' | 'position'>;
export type ImplementationColumns = Columns<MeasureImplementationsTable, Exclude<Placement, 'identity_id' | 'position'> | 'measure_identity_id'>;

interface InVersion {
  regionId: string;
  versionId: string;
}

/** New rows go last; the caller then places them. */
export async function insertSection(db: Db, at: InVersion, identityId: string, columns: SectionColumns, position: number): Promise<string> {
  const row = await db
    .insertInto('sections')
    .values({ region_id: at.regionId, plan_version_id: at.versionId, identity_id: identityId, ...columns, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertFocusArea(db: Db, at: InVersion, identityId: string, columns: FocusAreaColumns, position: number): Promise<string> {
  const row = await db
    .insertInto('focus_areas')
    .values({ region_id: at.regionId, plan_version_id: at.versionId, identity_id: identityId, ...columns, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertGoal(db: Db, at: InVersion, identityId: string, columns: GoalColumns, position: number): Promise<string> {
  const row = await db
    .insertInto('goals')
    .values({ region_id: at.regionId, plan_version_id: at.versionId, identity_id: identityId, ...columns, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDesiredState(db: Db, regionId: string, goalRowId: string, columns: DesiredStateColumns, position: number): Promise<string> {
  const row = await db
    .insertInto('desired_states')
    .values({ region_id: regionId, goal_id: goalRowId, ...columns, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMeasure(db: Db, at: InVersion, identityId: string, columns: MeasureColumns, position: number): Promise<string> {
  const row = await db
    .insertInto('measures')
    .values({ region_id: at.regionId, plan_version_id: at.versionId, identity_id: identityId, ...columns, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A measure's responsibilities are written as a whole list, in order. */
export async function replaceResponsibilities(db: Db, regionId: string, measureRowId: string, list: ResponsibilityColumns[]): Promise<void> {
  await db.deleteFrom('measure_responsibilities').where('measure_id', '=', measureRowId).execute();
  if (list.length === 0) return;
  await db
    .insertInto('measure_responsibilities')
    .values(list.map((r, position) => ({ region_id: regionId, measure_id: measureRowId, ...r, position })))
    .execute();
}

export async function insertImplementation(db: Db, at: InVersion, measureIdentityId: string, columns: ImplementationColumns): Promise<string> {
  const row = await db
    .insertInto('measure_implementations')
    .values({ region_id: at.regionId, plan_version_id: at.versionId, measure_identity_id: measureIdentityId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const TABLE: Record<ItemKind, 'sections' | 'focus_areas' | 'goals' | 'desired_states' | 'measures' | 'measure_implementations'> = {
  section: 'sections',
  focus_area: 'focus_areas',
  goal: 'goals',
  desired_state: 'desired_states',
  measure: 'measures',
  implementation: 'measure_implementations',
};

/** A column every kind's row has, to touch a row whose change lies elsewhere (a measure's responsibilities). */
const TOUCH: Record<ItemKind, string> = {
  section: 'title',
  focus_area: 'title',
  goal: 'title',
  desired_state: 'text',
  measure: 'title',
  implementation: 'status',
};

/** Changes the given columns of one row; an empty change still moves its row_version on. */
export async function updateItemRow(db: Db, kind: ItemKind, rowId: string, columns: Record<string, unknown>): Promise<void> {
  const set = Object.keys(columns).length > 0 ? columns : { [TOUCH[kind]]: sql.ref(TOUCH[kind]) };
  await db.updateTable(TABLE[kind]).set(set as never).where('id', '=', rowId).execute();
}

export async function deleteItemRow(db: Db, kind: ItemKind, rowId: string): Promise<void> {
  await db.deleteFrom(TABLE[kind]).where('id', '=', rowId).execute();
}

/** Whether an identity is a goal or measure of this version (what consultation input may concern). */
export async function concernsKind(db: Db, versionId: string, identityId: string): Promise<'goal' | 'measure' | undefined> {
  const { rows } = await sql<{ kind: 'goal' | 'measure' }>`
    select 'goal' as kind from goals where plan_version_id = ${versionId} and identity_id = ${identityId}
    union all
    select 'measure' from measures where plan_version_id = ${versionId} and identity_id = ${identityId}
    limit 1`.execute(db);
  return rows[0]?.kind;
}
