import {
  MunicipalityListSchema,
  NoQuery,
  PlanVersionSchema,
  RegionListSchema,
  RegionSchema,
  ServiceListSchema,
  Slug,
} from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { findRegionalVersion, loadPlanVersion } from '../../plans/plan.repository.js';
import { listMunicipalities, listRegions, listServices } from '../../regions/region.repository.js';
import { ANONYMOUS, requireRegion } from './lookups.js';

const RegionParams = Type.Object({ region: Slug }, { additionalProperties: false });

const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions',
    {
      schema: {
        operationId: 'listRegions',
        tags: ['regions'],
        summary: 'List regions (customers) with their municipalities',
        querystring: NoQuery,
        response: { 200: Type.Ref(RegionListSchema), ...problemResponses(400, 429, 503) },
      },
    },
    async () => ({ items: await app.withContext(ANONYMOUS, (trx) => listRegions(trx)) }),
  );

  app.get(
    '/regions/:region',
    {
      schema: {
        operationId: 'getRegion',
        tags: ['regions'],
        summary: 'Get a region by slug',
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(RegionSchema), ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request) => (await app.withContext(ANONYMOUS, (trx) => requireRegion(trx, request.params.region))).json,
  );

  app.get(
    '/regions/:region/municipalities',
    {
      schema: {
        operationId: 'listMunicipalities',
        tags: ['regions'],
        summary: 'List the municipalities of a region',
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(MunicipalityListSchema), ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request) =>
      app.withContext(ANONYMOUS, async (trx) => {
        const region = await requireRegion(trx, request.params.region);
        return { items: await listMunicipalities(trx, region) };
      }),
  );

  app.get(
    '/regions/:region/services',
    {
      schema: {
        operationId: 'listServices',
        tags: ['regions'],
        summary: 'List the services of a region, intermunicipal and local, with the municipalities each serves',
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(ServiceListSchema), ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request) =>
      app.withContext(ANONYMOUS, async (trx) => {
        const region = await requireRegion(trx, request.params.region);
        return { items: await listServices(trx, region.id) };
      }),
  );

  app.get(
    '/regions/:region/plan',
    {
      config: { scope: 'plans:read' },
      schema: {
        operationId: 'getRegionalPlan',
        security: [{}, { bearer: [] }, { clientCredentials: ['plans:read'] }],
        tags: ['plans'],
        summary: 'Get the adopted regional plan of a region',
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(PlanVersionSchema), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request) =>
      app.withContext(ANONYMOUS, async (trx) => {
        const region = await requireRegion(trx, request.params.region);
        const version = await findRegionalVersion(trx, region.id, 'adopted');
        if (!version) throw notFound(`Region "${region.slug}" has no adopted regional plan`);
        return loadPlanVersion(trx, version);
      }),
  );
};

export default regionRoutes;
