import { MeasureListQuerySchema, MeasurePageSchema } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { badRequest } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { decodeCursor, encodeCursor } from '../../measures/cursor.js';
import { listAdoptedMeasures } from '../../measures/measure.repository.js';
import { ANONYMOUS, requireMunicipality, requireRegion } from './lookups.js';

const measureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/measures',
    {
      config: { scope: 'measures:read' },
      schema: {
        operationId: 'listMeasures',
        security: [{}, { bearer: [] }, { clientCredentials: ['measures:read'] }],
        tags: ['measures'],
        summary: 'List adopted measures across plans',
        description:
          'Filter by region and/or municipality (a municipality’s measures are its region’s regional measures, with its ' +
          'local implementation attached, plus its annex’s own). Paged by an opaque `cursor`.',
        querystring: MeasureListQuerySchema,
        response: { 200: Type.Ref(MeasurePageSchema), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { region: regionSlug, municipality: kommunenummer, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor) : undefined;
      return app.withContext(ANONYMOUS, async (trx) => {
        const region = regionSlug ? await requireRegion(trx, regionSlug) : undefined;
        const municipality = kommunenummer ? await requireMunicipality(trx, kommunenummer) : undefined;
        if (region && municipality && municipality.region_id !== region.id) {
          throw badRequest(`Municipality ${kommunenummer} is not in region "${region.slug}"`, [
            { field: 'querystring/municipality', message: `not a municipality of ${region.slug}` },
          ]);
        }
        // One extra row tells whether another page follows.
        const rows = await listAdoptedMeasures(
          trx,
          {
            regionId: region?.id,
            municipality: municipality && { id: municipality.id, regionId: municipality.region_id },
          },
          { after, limit: limit + 1 },
        );
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return { items: page.map((r) => r.item), nextCursor: rows.length > limit && last ? encodeCursor(last.key) : null };
      });
    },
  );
};

export default measureRoutes;
