import { NewRegionSchema, NoQuery, RegionSchema } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextFor } from '../../access/policy.js';
import { actorOf, requirePlatformAdmin } from '../../http/authorization.js';
import { isUniqueViolation } from '../../http/database-errors.js';
import { badRequest, conflict } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { checkNewRegion } from '../../regions/onboarding.js';
import { createRegion } from '../../regions/onboarding.repository.js';
import { requireRegion } from './lookups.js';

const onboardingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/regions',
    {
      schema: {
        operationId: 'createRegion',
        tags: ['access'],
        summary: 'Onboard a new customer: a region of municipalities, or one municipality on its own',
        description:
          'Platform administrators only. Creates the region, its municipalities, an empty regional plan and an empty annex per ' +
          'municipality, and makes the listed subjects its first region_admins.',
        security: [{ bearer: [] }],
        querystring: NoQuery,
        body: Type.Ref(NewRegionSchema),
        response: { 201: Type.Ref(RegionSchema), ...problemResponses(400, 401, 403, 409, 429, 503) },
      },
    },
    async (request, reply) => {
      const principal = requirePlatformAdmin(await request.principal());
      const input = request.body;
      const problem = checkNewRegion(input);
      if (problem) throw badRequest(`${problem.field}: ${problem.message}`, [problem]);
      try {
        const region = await app.withContext(contextFor(principal), async (trx) => {
          await createRegion(trx, input, actorOf(principal), request.id);
          return requireRegion(trx, input.slug);
        });
        return reply.code(201).header('location', `/v1/regions/${region.slug}`).send(region.json);
      } catch (error) {
        if (isUniqueViolation(error, 'regions_slug_key')) throw conflict(`A region with the slug "${input.slug}" exists already`);
        if (isUniqueViolation(error, 'municipalities_kommunenummer_key')) {
          throw conflict('One of the municipalities belongs to a customer already: a municipality is in one region only');
        }
        throw error;
      }
    },
  );
};

export default onboardingRoutes;
