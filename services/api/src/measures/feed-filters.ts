import type { MeasureListQuery } from '@oppvekst/contracts';
import { type RawBuilder, sql } from 'kysely';
import { spellingVariants } from './spelling-variants.js';

/** The filters of a feed query, as the query string gives them. */
export type FeedFilters = Pick<
  MeasureListQuery,
  'service' | 'goal' | 'status' | 'preventionLevel' | 'ageGroup' | 'law' | 'conventionArticle' | 'activeIn' | 'q'
>;

/**
 * Whether the feed row `f` (its `item`, the measure as the feed sends it, and
 * its search vector; with `fi`, the municipality's implementation, when the
 * view has one) matches every filter given. Each filter of several values
 * matches any of them; no filter matches all. NULL for a tombstone.
 */
export function matchesFilters(filters: FeedFilters, withImplementation: boolean): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.service !== undefined) {
    const responsible = JSON.stringify([{ role: 'responsible', service: { slug: filters.service } }]);
    conditions.push(sql`(f.item -> 'responsibilities' @> ${responsible}::jsonb
      ${withImplementation ? sql`or fi.item #>> '{responsibleService,slug}' = ${filters.service}` : sql``})`);
  }
  if (filters.goal !== undefined) conditions.push(sql`f.item ->> 'goalId' = ${filters.goal}`);
  if (filters.status) conditions.push(sql`f.item ->> 'status' = any (${filters.status}::text[])`);
  if (filters.preventionLevel) conditions.push(sql`f.item ->> 'preventionLevel' = any (${filters.preventionLevel}::text[])`);
  if (filters.ageGroup) conditions.push(sql`f.item -> 'ageGroups' ?| ${filters.ageGroup}::text[]`);
  if (filters.law) conditions.push(sql`f.item -> 'laws' ?| ${filters.law}::text[]`);
  if (filters.conventionArticle) {
    conditions.push(sql`exists (select from jsonb_array_elements_text(f.item -> 'conventionArticles') a
      where a = any (${filters.conventionArticle.map(String)}::text[]))`);
  }
  if (filters.activeIn !== undefined) {
    const year = filters.activeIn;
    const from = sql`(f.item #>> '{period,from}')::int`;
    const to = sql`(f.item #>> '{period,to}')::int`;
    conditions.push(sql`case f.item #>> '{period,kind}'
      when 'ongoing' then true
      when 'year' then ${from} = ${year}
      when 'span' then ${year} between ${from} and ${to}
      when 'open_start' then ${from} <= ${year} end`);
  }
  // One configuration for nynorsk and bokmål (the Snowball stemmer for Norwegian
  // takes the endings of both), and the query in both spellings.
  if (filters.q !== undefined) {
    const queries = spellingVariants(filters.q).map((q) => sql`websearch_to_tsquery('norwegian', ${q})`);
    conditions.push(sql`f.search_vector @@ (${sql.join(queries, sql` || `)})`);
  }
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`true`;
}

export const hasFilters = (filters: FeedFilters) => Object.values(filters).some((v) => v !== undefined);
