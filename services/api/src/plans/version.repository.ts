import type { VersionStatus } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { versionRows } from './plan.repository.js';
import type { VersionRow } from './version-summary.js';

type Db = Kysely<Database>;

/** A plan as the version routes address it: a region's regional plan or a municipality's annex. */
export interface PlanRef {
  id: string;
  regionId: string;
  kind: 'regional' | 'annex';
  municipalityId: string | null;
  /** The language form a plan's first version is written in: the municipality's, or the region's. */
  languageForm: 'nb' | 'nn';
  /** For messages: "the regional plan of vest-telemark", "the annex of Tokke". */
  label: string;
}

export async function findRegionalPlan(db: Db, regionId: string): Promise<PlanRef | undefined> {
  const row = await db
    .selectFrom('plans as p')
    .innerJoin('regions as r', 'r.id', 'p.region_id')
    .select(['p.id', 'p.region_id', 'r.language_form', 'r.slug'])
    .where('p.region_id', '=', regionId)
    .where('p.kind', '=', 'regional')
    .executeTakeFirst();
  return row && { id: row.id, regionId: row.region_id, kind: 'regional', municipalityId: null, languageForm: row.language_form, label: `the regional plan of ${row.slug}` };
}

export async function findAnnexPlan(db: Db, municipalityId: string): Promise<PlanRef | undefined> {
  const row = await db
    .selectFrom('plans as p')
    .innerJoin('municipalities as m', 'm.id', 'p.municipality_id')
    .select(['p.id', 'p.region_id', 'm.language_form', 'm.name'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.kind', '=', 'annex')
    .executeTakeFirst();
  return row && { id: row.id, regionId: row.region_id, kind: 'annex', municipalityId, languageForm: row.language_form, label: `the annex of ${row.name}` };
}

/** The plan's versions the caller may see, newest first. */
export function listVersions(db: Db, planId: string): Promise<VersionRow[]> {
  return versionRows(db).where('v.plan_id', '=', planId).orderBy('v.version_number', 'desc').execute();
}

export function findVersion(db: Db, versionId: string): Promise<VersionRow | undefined> {
  return versionRows(db).where('v.id', '=', versionId).executeTakeFirst();
}

/**
 * Takes the version's row lock for the rest of the transaction. Every write in
 * a version starts here, so writes in one version are serialised: a stale
 * If-Match is seen as stale, and siblings are renumbered one writer at a time.
 * Row-level security lets only those who may write the version lock it.
 */
export async function lockVersion(db: Db, versionId: string): Promise<boolean> {
  const row = await db.selectFrom('plan_versions').select('id').where('id', '=', versionId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** Serialises revisions of one plan (its versions' unique index is the last word). */
export async function lockPlan(db: Db, planId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`plan:${planId}`}, 0))`.execute(db);
}

export async function findOpenVersion(db: Db, planId: string) {
  return db
    .selectFrom('plan_versions')
    .select(['id', 'version_number as versionNumber', 'status'])
    .where('plan_id', '=', planId)
    .where('status', 'in', ['draft', 'consultation'])
    .executeTakeFirst();
}

export async function findAdoptedVersion(db: Db, planId: string): Promise<VersionRow | undefined> {
  return versionRows(db).where('v.plan_id', '=', planId).where('v.status', '=', 'adopted').executeTakeFirst();
}

export async function nextVersionNumber(db: Db, planId: string): Promise<number> {
  const row = await db
    .selectFrom('plan_versions')
    .select((eb) => eb.fn.max('version_number').as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (row?.n ?? 0) + 1;
}

export interface NewVersionRow {
  regionId: string;
  planId: string;
  versionNumber: number;
  title: string;
  languageForm: 'nb' | 'nn';
  periodFrom: number | null;
  periodTo: number | null;
  basedOn: string | null;
}

export async function insertDraft(db: Db, v: NewVersionRow): Promise<string> {
  const row = await db
    .insertInto('plan_versions')
    .values({
      region_id: v.regionId,
      plan_id: v.planId,
      version_number: v.versionNumber,
      status: 'draft',
      title: v.title,
      language_form: v.languageForm,
      period_from: v.periodFrom,
      period_to: v.periodTo,
      based_on_version_id: v.basedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Copies every item of one version into a new draft. Items keep their stable
 * identities (so goals and measures are the same goals and measures in the
 * revision); rows get new ids, and references inside the version (a goal's
 * focus area, a measure's goal) are remapped by identity.
 */
export async function copyContent(db: Db, from: string, to: string): Promise<void> {
  await sql`insert into sections (region_id, plan_version_id, identity_id, kind, title, body, position)
    select region_id, ${to}, identity_id, kind, title, body, position from sections where plan_version_id = ${from}`.execute(db);
  await sql`insert into focus_areas (region_id, plan_version_id, identity_id, title, description, position)
    select region_id, ${to}, identity_id, title, description, position from focus_areas where plan_version_id = ${from}`.execute(db);
  await sql`insert into goals (region_id, plan_version_id, identity_id, focus_area_id, title, description, position)
    select g.region_id, ${to}, g.identity_id, nf.id, g.title, g.description, g.position
    from goals g
    left join focus_areas f on f.id = g.focus_area_id
    left join focus_areas nf on nf.plan_version_id = ${to} and nf.identity_id = f.identity_id
    where g.plan_version_id = ${from}`.execute(db);
  await sql`insert into desired_states (region_id, goal_id, text, position)
    select d.region_id, ng.id, d.text, d.position
    from desired_states d
    join goals g on g.id = d.goal_id
    join goals ng on ng.plan_version_id = ${to} and ng.identity_id = g.identity_id
    where g.plan_version_id = ${from}`.execute(db);
  await sql`insert into measures (region_id, plan_version_id, identity_id, goal_id, regional_goal_identity_id, title, description,
      period_kind, period_from, period_to, prevention_level, age_groups, convention_articles, laws, programme, status, position)
    select m.region_id, ${to}, m.identity_id, ng.id, m.regional_goal_identity_id, m.title, m.description,
      m.period_kind, m.period_from, m.period_to, m.prevention_level, m.age_groups, m.convention_articles, m.laws, m.programme,
      m.status, m.position
    from measures m
    left join goals g on g.id = m.goal_id
    left join goals ng on ng.plan_version_id = ${to} and ng.identity_id = g.identity_id
    where m.plan_version_id = ${from}`.execute(db);
  await sql`insert into measure_responsibilities (region_id, measure_id, role, service_id, service_kind, name, position)
    select r.region_id, nm.id, r.role, r.service_id, r.service_kind, r.name, r.position
    from measure_responsibilities r
    join measures m on m.id = r.measure_id
    join measures nm on nm.plan_version_id = ${to} and nm.identity_id = m.identity_id
    where m.plan_version_id = ${from}`.execute(db);
  await sql`insert into measure_implementations (region_id, plan_version_id, measure_identity_id, local_responsible,
      responsible_service_id, period_kind, period_from, period_to, notes, status)
    select region_id, ${to}, measure_identity_id, local_responsible, responsible_service_id, period_kind, period_from,
      period_to, notes, status
    from measure_implementations where plan_version_id = ${from}`.execute(db);
}

export async function updateVersion(
  db: Db,
  versionId: string,
  changes: Partial<{
    status: VersionStatus;
    title: string;
    period_from: number | null;
    period_to: number | null;
    consultation_opens_on: string | null;
    consultation_closes_on: string | null;
    decided_by: string;
    decided_by_name: string | null;
    decision: 'adopted' | 'noted';
    decided_on: string;
    case_reference: string;
    adopted_at: ReturnType<typeof sql>;
    superseded_at: ReturnType<typeof sql>;
  }>,
): Promise<void> {
  await db.updateTable('plan_versions').set(changes as never).where('id', '=', versionId).execute();
}

export async function deleteVersion(db: Db, versionId: string): Promise<void> {
  await db.deleteFrom('plan_versions').where('id', '=', versionId).execute();
}

/**
 * Today in Norway by the database's clock: the same day the consultation
 * policy uses, so the application and the database never disagree at midnight.
 */
export async function todayInNorway(db: Db): Promise<string> {
  const { rows } = await sql<{ today: string }>`select app_today()::text as today`.execute(db);
  return rows[0]!.today;
}

/** How much input a version has had, and how much of it still has no answer. */
export async function countInput(db: Db, versionId: string): Promise<{ total: number; unanswered: number }> {
  const row = await db
    .selectFrom('consultation_submissions')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('id').filterWhere('handling', 'is', null).as('unanswered'),
    ])
    .where('plan_version_id', '=', versionId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unanswered: Number(row.unanswered) };
}
