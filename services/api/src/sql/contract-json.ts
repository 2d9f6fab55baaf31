import { type RawBuilder, sql } from 'kysely';

/**
 * SQL fragments that build the API's JSON shapes inside PostgreSQL, so a whole
 * plan version comes back in one round trip with no per-row mapping in JS.
 * The keys here are the contract's field names (packages/contracts).
 */

/** The Measure contract's keys and values for a measure row `m`; `goalId` is the stable id of the goal it serves. */
function measureFields(goalId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`'id', m.identity_id,
    'goalId', ${goalId},
    'title', m.title,
    'description', m.description,
    'period', json_build_object('kind', m.period_kind, 'from', m.period_from, 'to', m.period_to),
    'responsibilities', coalesce((
      select json_agg(json_build_object(
        'role', r.role,
        'service', case when s.id is null then null else json_build_object('id', s.id, 'slug', s.slug, 'name', s.name) end,
        'serviceKind', r.service_kind,
        'name', r.name) order by r.position)
      from measure_responsibilities r left join services s on s.id = r.service_id
      where r.measure_id = m.id), '[]'::json),
    'preventionLevel', m.prevention_level,
    'ageGroups', m.age_groups,
    'conventionArticles', m.convention_articles,
    'laws', m.laws,
    'programme', m.programme,
    'status', m.status,
    'position', m.position`;
}

/** A measure row `m` as the Measure contract. */
export function measureJson(goalId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`json_build_object(${measureFields(goalId)})`;
}

/** An implementation row `i`. */
export const implementationJson = sql`json_build_object(
  'measureId', i.measure_identity_id,
  'localResponsible', i.local_responsible,
  'responsibleService', (select json_build_object('id', s.id, 'slug', s.slug, 'name', s.name)
    from services s where s.id = i.responsible_service_id),
  'period', case when i.period_kind is null then null
    else json_build_object('kind', i.period_kind, 'from', i.period_from, 'to', i.period_to) end,
  'notes', i.notes,
  'status', i.status)`;

/** The content of one plan version, as the PlanVersion contract minus its `version` header. */
export function versionContentQuery(versionId: string) {
  return sql<{
    sections: unknown[];
    focusAreas: unknown[];
    goals: unknown[];
    measuresForRegionalGoals: unknown[];
    implementations: unknown[];
  }>`select
    (select coalesce(json_agg(json_build_object(
        'id', s.identity_id, 'kind', s.kind, 'title', s.title, 'body', s.body, 'position', s.position)
        order by s.position), '[]'::json)
      from sections s where s.plan_version_id = ${versionId}) as "sections",
    (select coalesce(json_agg(json_build_object(
        'id', f.identity_id, 'title', f.title, 'description', f.description, 'position', f.position)
        order by f.position), '[]'::json)
      from focus_areas f where f.plan_version_id = ${versionId}) as "focusAreas",
    (select coalesce(json_agg(json_build_object(
        'id', g.identity_id,
        'focusAreaId', fa.identity_id,
        'title', g.title,
        'description', g.description,
        'position', g.position,
        'desiredStates', coalesce((select json_agg(json_build_object('id', d.id, 'text', d.text, 'position', d.position)
            order by d.position) from desired_states d where d.goal_id = g.id), '[]'::json),
        'measures', coalesce((select json_agg(${measureJson(sql`g.identity_id`)} order by m.position)
            from measures m where m.goal_id = g.id), '[]'::json))
        order by g.position), '[]'::json)
      from goals g left join focus_areas fa on fa.id = g.focus_area_id
      where g.plan_version_id = ${versionId}) as "goals",
    (select coalesce(json_agg(${measureJson(sql`m.regional_goal_identity_id`)} order by m.position), '[]'::json)
      from measures m where m.plan_version_id = ${versionId} and m.goal_id is null) as "measuresForRegionalGoals",
    (select coalesce(json_agg(${implementationJson} order by i.measure_identity_id), '[]'::json)
      from measure_implementations i where i.plan_version_id = ${versionId}) as "implementations"`;
}

/** A timestamptz as the contract's date-time: UTC with milliseconds and a Z; NULL stays NULL. */
export const isoTimestamp = (column: string) => sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
