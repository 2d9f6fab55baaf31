import type { MeasureChange, MeasureListItem, MeasureListQuery } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import type { Kysely, Transaction } from 'kysely';
import { contextFor } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { RequestContext, RunsInContext } from '../access/request-context.js';
import { badRequest, notFound } from '../http/problems.js';
import { findMunicipality, findRegion } from '../regions/region.repository.js';
import { changesCsv, measuresCsv } from './csv.js';
import { checkSinceScope, decodeChangeCursor, decodeListCursor, encodeChangeCursor, encodeListCursor, encodeSince, parseSince, type SinceScope } from './cursor.js';
import type { FeedFilters } from './feed-filters.js';
import { type Channel, type FeedScope, listMeasureChanges, listMeasurePage } from './measure.repository.js';

/** One answer of the feed, ready to send: the JSON text, and the same as CSV on demand. */
export interface FeedAnswer {
  json: string;
  csv(): string;
  nextCursor: string | null;
  /** In changes mode: what to ask with next time (also in the body's JSON, not in CSV's). */
  nextUpdatedSince?: string;
}

const ANONYMOUS: RequestContext = { role: 'anonymous' };

/**
 * Reads the measures feed as the caller may see it. The adopted channel is
 * public and read as the public; the draft channel is read in the region's
 * context, where row-level security shows drafts to those who may see them
 * and nothing to anyone else.
 */
export async function readFeed(app: RunsInContext, principal: Principal, query: MeasureListQuery): Promise<FeedAnswer> {
  const channel: Channel = query.version ?? 'adopted';
  if (channel === 'draft' && !query.region && !query.municipality) {
    throw badRequest('version=draft needs region or municipality: drafts are read one region at a time', [
      { field: 'querystring/version', message: 'draft needs region or municipality' },
    ]);
  }
  // The public channel finds its scope and reads in one transaction; drafts are
  // read in the region's context, which the scope names.
  const inOne = channel === 'adopted';
  const resolved = inOne ? undefined : await app.withContext(ANONYMOUS, (trx) => resolveScope(trx, query, channel));
  const run = <T>(work: (trx: Transaction<Database>, scope: FeedScope) => Promise<T>) =>
    inOne
      ? app.withContext(ANONYMOUS, async (trx) => work(trx, (await resolveScope(trx, query, channel)).scope))
      : app.withContext(contextFor(principal, resolved!.regionId), (trx) => work(trx, resolved!.scope));
  const filters: FeedFilters = {
    service: query.service,
    goal: query.goal,
    status: query.status,
    preventionLevel: query.preventionLevel,
    ageGroup: query.ageGroup,
    law: query.law,
    conventionArticle: query.conventionArticle,
    activeIn: query.activeIn,
    q: query.q,
  };
  const limit = query.limit;

  if (query.updatedSince === undefined) {
    const after = query.cursor ? decodeListCursor(query.cursor) : undefined;
    const rows = await run((trx, scope) => listMeasurePage(trx, scope, filters, { after, limit: limit + 1 }));
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeListCursor(last.key) : null;
    const items = page.map((r) => r.item);
    return {
      json: `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
      csv: () => measuresCsv(items.map((i) => JSON.parse(i) as MeasureListItem)),
      nextCursor,
    };
  }

  const since = parseSince(query.updatedSince);
  // Drafts are always read in one region (checked above), so `resolved` names it.
  const sinceScope: SinceScope = channel === 'adopted' ? { channel } : { channel, regionId: resolved!.regionId! };
  checkSinceScope(since, sinceScope);
  const after = query.cursor ? decodeChangeCursor(query.cursor) : undefined;
  const { entries, horizon } = await run((trx, scope) => listMeasureChanges(trx, scope, filters, { since, after, limit: limit + 1 }));
  const page = entries.slice(0, limit);
  const last = page.at(-1);
  const more = entries.length > limit && last !== undefined;
  const nextCursor = more ? encodeChangeCursor(last.key) : null;
  const from = 'seq' in since ? BigInt(since.seq) : 0n;
  // Caught up: everything numbered up to the horizon has been seen. Midway: the
  // last change may go on past this page, so only what came before it is done.
  const done = more ? BigInt(last.key.seq) - 1n : [BigInt(horizon ?? 0), BigInt(last?.key.seq ?? 0)].reduce((a, b) => (a > b ? a : b));
  const nextUpdatedSince = encodeSince(String(done > from ? done : from), sinceScope);
  const items = page.map((e) => e.entry);
  return {
    json: `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"nextUpdatedSince":${JSON.stringify(nextUpdatedSince)}}`,
    csv: () => changesCsv(items.map((i) => JSON.parse(i) as MeasureChange)),
    nextCursor,
    nextUpdatedSince,
  };
}

async function resolveScope(db: Kysely<Database>, query: MeasureListQuery, channel: Channel): Promise<{ scope: FeedScope; regionId?: string }> {
  const { region: slug, municipality: kommunenummer } = query;
  const region = slug ? await findRegion(db, slug) : undefined;
  if (slug && !region) throw notFound(`No region "${slug}"`);
  const municipality = kommunenummer ? await findMunicipality(db, kommunenummer) : undefined;
  if (kommunenummer && !municipality) throw notFound(`No municipality with kommunenummer ${kommunenummer}`);
  if (region && municipality && municipality.region_id !== region.id) {
    throw badRequest(`Municipality ${kommunenummer} is not in region "${region.slug}"`, [
      { field: 'querystring/municipality', message: `not a municipality of ${region.slug}` },
    ]);
  }
  const regionId = municipality?.region_id ?? region?.id;
  return {
    scope: { channel, regionId, municipality: municipality && { id: municipality.id, regionId: municipality.region_id } },
    ...(regionId ? { regionId } : {}),
  };
}
