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
import { findRegion, listMunicipalities, listRegions, listServices } from '../../regions/region.repository.js';

const RegionParams = Type.Object({ region: Slug }, { additionalProperties: false });
const PUBLIC = { role: 'anonymous' } as const;

const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const requireRegion = async (trx: Parameters<typeof findRegion>[0], slug: string) => {
    const region = await findRegion(trx, slug);
    if (!region) throw notFound(`No region "${slug}"`);
    return region;
  };

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
    async () => ({ items: await app.withContext(PUBLIC, (trx) => listRegions(trx)) }),
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
    async (request) => (await app.withContext(PUBLIC, (trx) => requireRegion(trx, request.params.region))).json,
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
      app.withContext(PUBLIC, async (trx) => {
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
      app.withContext(PUBLIC, async (trx) => {
        const region = await requireRegion(trx, request.params.region);
        return { items: await listServices(trx, region.id) };
      }),
  );

  app.get(
    '/regions/:region/plan',
    {
      schema: {
        operationId: 'getRegionalPlan',
        tags: ['plans'],
        summary: 'Get the adopted regional plan of a region',
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(PlanVersionSchema), ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request) =>
      app.withContext(PUBLIC, async (trx) => {
        const region = await requireRegion(trx, request.params.region);
        const version = await findRegionalVersion(trx, region.id, 'adopted');
        if (!version) throw notFound(`Region "${region.slug}" has no adopted regional plan`);
        return loadPlanVersion(trx, version);
      }),
  );
};

export default regionRoutes;
