import {
  MunicipalityListSchema,
  NoQuery,
  PlanReadQuery,
  PlanVersionSchema,
  RegionListSchema,
  RegionSchema,
  ServiceListSchema,
  Slug,
} from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { regionalPlanDocument } from '../../documents/regional-document.js';
import { renderDocument } from '../../documents/render.js';
import { negotiatePlanType, planRepresentations, sendDocument } from '../../http/representations.js';
import { PLAN_READ_SECURITY, problemResponses } from '../../http/responses.js';
import { consultationRecordOf, isMissing, loadRegionalPlan } from '../../plans/complete-plan.js';
import { listMunicipalities, listRegions, listServices } from '../../regions/region.repository.js';
import { ANONYMOUS, lookUpRegion, requireRegion } from './lookups.js';
import { missingPlan, planReadContext } from './plan-reads.js';

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
        security: PLAN_READ_SECURITY,
        tags: ['plans'],
        summary: 'Get the adopted regional plan of a region',
        description:
          'By `Accept`, also a council document: `text/markdown`, `text/html` (one printable page) or `application/pdf`, ' +
          'in the plan’s language form, with the consultation record once adopted. `version=draft` reads the version ' +
          'under work, marked as such on every page. Any other `Accept` is answered 406.',
        params: RegionParams,
        querystring: PlanReadQuery,
        response: {
          200: planRepresentations(Type.Ref(PlanVersionSchema), 'The regional plan'),
          ...problemResponses(400, 403, 404, 406, 429, 503),
        },
      },
    },
    async (request, reply) => {
      reply.header('vary', 'Accept');
      const type = negotiatePlanType(request);
      const which = request.query.version ?? 'adopted';
      const region = await lookUpRegion(app, request.params.region);
      const context = await planReadContext(request, region.id, which);
      const loaded = await app.withContext(context, async (trx) => {
        const plan = await loadRegionalPlan(trx, region.id, which);
        return { plan, record: isMissing(plan) || type === 'application/json' ? null : await consultationRecordOf(trx, plan) };
      });
      if (isMissing(loaded.plan)) return missingPlan(loaded.plan, { plan: `The regional plan of "${region.slug}"`, region: `Region "${region.slug}"` });
      if (type === 'application/json') return loaded.plan;
      const document = regionalPlanDocument({ plan: loaded.plan, region, record: loaded.record });
      return sendDocument(reply, type, await renderDocument(document, type), `oppvekstplan-${region.slug}`);
    },
  );
};

export default regionRoutes;
