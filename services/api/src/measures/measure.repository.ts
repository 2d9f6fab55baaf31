import type { Database } from '@oppvekst/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ChangeKey, ListKey, Since } from './cursor.js';
import { type FeedFilters, matchesFilters } from './feed-filters.js';

type Db = Kysely<Database>;

/**
 * The measures feed, read from `measure_feed`: one row per measure and
 * channel, kept by triggers, each holding the measure as the feed sends it
 * (built in PostgreSQL when the measure changed, not on every read). A page is
 * one statement on one table (two in a municipality's view), which keeps both
 * the plan and the work small under row-level security.
 */

export type Channel = 'adopted' | 'draft';

export interface FeedScope {
  channel: Channel;
  regionId?: string | undefined;
  /** A municipality's view: its region's regional measures, each with its implementation, plus its own annex's. */
  municipality?: { id: string; regionId: string } | undefined;
}

/** The feed rows `f` in scope. */
function inScope(scope: FeedScope): RawBuilder<boolean> {
  if (scope.municipality) {
    return sql`f.region_id = ${scope.municipality.regionId} and (f.municipality_id is null or f.municipality_id = ${scope.municipality.id})`;
  }
  return scope.regionId ? sql`f.region_id = ${scope.regionId}` : sql`true`;
}

/** In a municipality's view, `fi`: its implementation of the measure in `f`. */
function implementationJoin(scope: FeedScope): RawBuilder<unknown> {
  return scope.municipality
    ? sql`left join implementation_feed fi on fi.channel = f.channel and fi.municipality_id = ${scope.municipality.id}
        and fi.measure_identity_id = f.identity_id`
    : sql``;
}

/** The MeasureListItem, with the municipality's implementation where the view has one. */
const itemJson = (scope: FeedScope) => (scope.municipality ? sql`f.item || jsonb_build_object('implementation', fi.item)` : sql`f.item`);

/** A page of the measures in scope that match, in stable-id order, after `after`: the items as JSON text. */
export async function listMeasurePage(
  db: Db,
  scope: FeedScope,
  filters: FeedFilters,
  page: { after?: ListKey | undefined; limit: number },
): Promise<Array<{ item: string; key: ListKey }>> {
  const { rows } = await sql<{ item: string; identity_id: string }>`
    select (${itemJson(scope)})::text as item, f.identity_id
    from measure_feed f
    ${implementationJoin(scope)}
    where f.channel = ${scope.channel} and f.item is not null and ${inScope(scope)}
      and ${matchesFilters(filters, scope.municipality !== undefined)}
      ${page.after ? sql`and f.identity_id > ${page.after.identityId}` : sql``}
    order by f.identity_id
    limit ${page.limit}`.execute(db);
  return rows.map((r) => ({ item: r.item, key: { identityId: r.identity_id } }));
}

export interface ChangeRows {
  entries: Array<{ entry: string; key: ChangeKey }>;
  /** The highest change number committed in the channel (drafts: the region) when the page was read (same snapshot). */
  horizon: string | null;
}

/**
 * The measures in scope that changed since `since`, oldest change first, each
 * as a MeasureChange: upserted when it is there and matches the filters,
 * removed otherwise. In a municipality's view a regional measure also changes
 * when the municipality's implementation of it does.
 */
export async function listMeasureChanges(
  db: Db,
  scope: FeedScope,
  filters: FeedFilters,
  page: { since: Since; after?: ChangeKey | undefined; limit: number },
): Promise<ChangeRows> {
  const key = scope.municipality ? sql`greatest(f.seq, fi.seq)` : sql`f.seq`;
  const changedAt = scope.municipality ? sql`greatest(f.changed_at, fi.changed_at)` : sql`f.changed_at`;
  const since = 'seq' in page.since ? sql`${key} > ${page.since.seq}::bigint` : sql`${changedAt} >= ${page.since.time}`;
  const live = sql`f.item is not null and coalesce(${matchesFilters(filters, scope.municipality !== undefined)}, false)`;
  // Draft changes are numbered in commit order within their region only (see the
  // feed's migration), so their horizon is the region's; adopted changes are in
  // commit order across regions.
  const horizonScope = scope.channel === 'draft' && scope.regionId ? sql`and region_id = ${scope.regionId}` : sql``;
  const { rows } = await sql<{ entry: string | null; seq: string | null; identity_id: string | null; horizon: string | null }>`
    with horizon as (
      select greatest((select max(seq) from measure_feed where channel = ${scope.channel} ${horizonScope}),
        (select max(seq) from implementation_feed where channel = ${scope.channel} ${horizonScope}))::text as seq
    ), changes as (
      select jsonb_build_object(
          'id', f.identity_id,
          'change', case when ${live} then 'upserted' else 'removed' end,
          'changedAt', to_char(${changedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'measure', case when ${live} then ${itemJson(scope)} end)::text as entry,
        ${key} as seq, f.identity_id
      from measure_feed f
      ${implementationJoin(scope)}
      where f.channel = ${scope.channel} and f.seq is not null and ${inScope(scope)} and ${since}
        ${page.after ? sql`and (${key}, f.identity_id) > (${page.after.seq}::bigint, ${page.after.identityId}::uuid)` : sql``}
      order by ${key}, f.identity_id
      limit ${page.limit}
    )
    select c.entry, c.seq::text as seq, c.identity_id, h.seq as horizon
    from horizon h left join changes c on true
    order by c.seq, c.identity_id`.execute(db);
  return {
    entries: rows.flatMap((r) => (r.entry && r.seq && r.identity_id ? [{ entry: r.entry, key: { seq: r.seq, identityId: r.identity_id } }] : [])),
    horizon: rows[0]?.horizon ?? null,
  };
}
