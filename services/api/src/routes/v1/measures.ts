import { MeasureChangePageSchema, MeasureHistorySchema, MeasureListQuerySchema, MeasurePageSchema, NoQuery } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextFor } from '../../access/policy.js';
import { bodyTag, negotiateOr406, notModified, sendNotModified } from '../../http/conditional.js';
import { notFound } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { readFeed } from '../../measures/feed.js';
import { measureHistory } from '../../measures/measure-history.js';
import { findMeasureIdentity, listMeasureVersions } from '../../measures/measure-history.repository.js';
import { ANONYMOUS } from './lookups.js';

const SECURITY: { [scheme: string]: string[] }[] = [{}, { bearer: [] }, { clientCredentials: ['measures:read'] }];
const MeasureParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Stable id of the measure' }) }, { additionalProperties: false });
const CONDITIONAL_HEADERS = Type.Object({
  'if-none-match': Type.Optional(Type.String({ description: 'An ETag you hold: 304 when the answer is still the same.' })),
});
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
const NEXT_UPDATED_SINCE = 'oppvekst-next-updated-since';

const measureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/measures',
    {
      config: { scope: 'measures:read' },
      schema: {
        operationId: 'listMeasures',
        security: SECURITY,
        tags: ['measures'],
        summary: 'The measures feed: measures across plans, filtered and paged, or what changed since a moment',
        description:
          'Filter by region and/or municipality (a municipality’s measures are its region’s regional measures, with its local ' +
          'implementation attached, plus its annex’s own) and by the measure’s fields. Paged by an opaque `cursor`. With ' +
          '`updatedSince` the answer is the changes since then, tombstones included (a MeasureChangePage). Strong ETag and ' +
          'If-None-Match; `Accept: text/csv` gives the same answer as CSV.',
        querystring: MeasureListQuerySchema,
        headers: CONDITIONAL_HEADERS,
        response: {
          200: {
            description: 'A page of measures, or of changes when `updatedSince` is given',
            headers: {
              'Oppvekst-Next-Updated-Since': Type.String({
                description: 'With `updatedSince`: the `nextUpdatedSince` of the page (also on 304), so a CSV client can sync incrementally.',
              }),
            },
            content: {
              'application/json': { schema: Type.Union([Type.Ref(MeasurePageSchema), Type.Ref(MeasureChangePageSchema)]) },
              'text/csv': {
                schema: Type.String({
                  description:
                    'The same rows as CSV (RFC 4180, UTF-8 with a byte-order mark for Excel, a header row); the next page in `Link: <...>; rel="next"`, ' +
                    'the next `updatedSince` in `Oppvekst-Next-Updated-Since`.',
                }),
              },
            },
          },
          304: Type.Null({ description: 'Not modified (If-None-Match)' }),
          ...problemResponses(400, 403, 404, 406, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const type = negotiateOr406(request, ['application/json', 'text/csv'] as const);
      const answer = await readFeed(app, await request.principal(), request.query);
      const body = type === 'text/csv' ? answer.csv() : answer.json;
      const tag = bodyTag(body);
      reply.header('etag', tag).header('vary', 'Accept, Authorization').header('cache-control', 'no-cache');
      if (answer.nextCursor) reply.header('link', `<${nextPageUrl(request.url, answer.nextCursor)}>; rel="next"`);
      // CSV has no room for the token, so changes carry it in a header too (JSON and CSV alike, 304 included).
      if (answer.nextUpdatedSince) reply.header(NEXT_UPDATED_SINCE, answer.nextUpdatedSince);
      if (notModified(request, tag)) return sendNotModified(reply, tag);
      return reply.type(type === 'text/csv' ? CSV_TYPE : JSON_TYPE).send(body);
    },
  );

  app.get(
    '/measures/:id',
    {
      config: { scope: 'measures:read' },
      schema: {
        operationId: 'getMeasure',
        security: SECURITY,
        tags: ['measures'],
        summary: 'One measure across the versions of its plan',
        description:
          'The versions you may see that have the measure (drafts only for those who see the region’s drafts), the measure as it is ' +
          'in each, and what changed from one to the next. 404 for an id that is not a measure you may see.',
        params: MeasureParams,
        querystring: NoQuery,
        headers: CONDITIONAL_HEADERS,
        response: { 200: Type.Ref(MeasureHistorySchema), 304: Type.Null({ description: 'Not modified (If-None-Match)' }), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const identity = await app.withContext(ANONYMOUS, (trx) => findMeasureIdentity(trx, id));
      if (!identity) throw notFound(`No measure ${id}`);
      const principal = await request.principal();
      const versions = await app.withContext(contextFor(principal, identity.regionId), (trx) => listMeasureVersions(trx, id));
      if (versions.length === 0) throw notFound(`No measure ${id}`);
      const body = JSON.stringify(measureHistory(id, identity, versions));
      const tag = bodyTag(body);
      reply.header('etag', tag).header('vary', 'Authorization').header('cache-control', 'no-cache');
      if (notModified(request, tag)) return sendNotModified(reply, tag);
      // A string with a JSON content type is sent as it is, not serialized again.
      return reply.type(JSON_TYPE).send(body as never);
    },
  );
};

/** The same request with the next page's cursor, as a path and query relative to the API's root. */
function nextPageUrl(url: string, cursor: string): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set('cursor', cursor);
  return `${parsed.pathname}${parsed.search}`;
}

export default measureRoutes;
