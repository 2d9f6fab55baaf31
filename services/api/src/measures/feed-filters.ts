import type { MeasureListQuery } from '@oppvekst/contracts';
import { type RawBuilder, sql } from 'kysely';
import { spellingVariants } from './spelling-variants.js';

/** The filters of a feed query, as the query string gives them. */
export type FeedFilters = Pick<
  MeasureListQuery,
  'service' | 'goal' | 'status' | 'preventionLevel' | 'ageGroup' | 'law' | 'conventionArticle' | 'activeIn' | 'q'
>;

/**
 * Whether the measure row `m` (with `g`, its goal, and `i`, the municipality's
 * implementation, when the view has one) matches every filter given. Each
 * filter of several values matches any of them; no filter matches all.
 */
export function matchesFilters(filters: FeedFilters, withImplementation: boolean): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.service !== undefined) {
    conditions.push(sql`(exists (select 1 from measure_responsibilities fr join services fs on fs.id = fr.service_id
        where fr.measure_id = m.id and fr.role = 'responsible' and fs.slug = ${filters.service})
      ${withImplementation ? sql`or exists (select 1 from services fs where fs.id = i.responsible_service_id and fs.slug = ${filters.service})` : sql``})`);
  }
  if (filters.goal !== undefined) conditions.push(sql`coalesce(g.identity_id, m.regional_goal_identity_id) = ${filters.goal}`);
  if (filters.status) conditions.push(sql`m.status = any (${filters.status}::text[])`);
  if (filters.preventionLevel) conditions.push(sql`m.prevention_level = any (${filters.preventionLevel}::text[])`);
  if (filters.ageGroup) conditions.push(sql`m.age_groups && ${filters.ageGroup}::text[]`);
  if (filters.law) conditions.push(sql`m.laws && ${filters.law}::text[]`);
  if (filters.conventionArticle) conditions.push(sql`m.convention_articles && ${filters.conventionArticle}::smallint[]`);
  if (filters.activeIn !== undefined) {
    const year = filters.activeIn;
    conditions.push(sql`case m.period_kind
      when 'ongoing' then true
      when 'year' then m.period_from = ${year}
      when 'span' then ${year} between m.period_from and m.period_to
      when 'open_start' then m.period_from <= ${year} end`);
  }
  // One configuration for nynorsk and bokmål (the Snowball stemmer for Norwegian
  // takes the endings of both), and the query in both spellings.
  if (filters.q !== undefined) {
    const queries = spellingVariants(filters.q).map((q) => sql`websearch_to_tsquery('norwegian', ${q})`);
    conditions.push(sql`m.search_vector @@ (${sql.join(queries, sql` || `)})`);
  }
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`true`;
}

export const hasFilters = (filters: FeedFilters) => Object.values(filters).some((v) => v !== undefined);
