import { Kommunenummer, MunicipalityPlanSchema, NoQuery, MunicipalitySchema, PlanVersionSchema } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notModified, sendNotModified, stateTag } from '../../http/conditional.js';
import { notFound } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { mergeMunicipalityPlan } from '../../plans/merge.js';
import { PlanCache } from '../../plans/plan-cache.js';
import { findAnnexVersion, findRegionalVersion, loadPlanVersion, planSourcesOf } from '../../plans/plan.repository.js';
import { toMunicipality } from '../../regions/region.repository.js';
import { ANONYMOUS, requireMunicipality } from './lookups.js';

const MunicipalityParams = Type.Object({ kommunenummer: Kommunenummer }, { additionalProperties: false });

const municipalityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const plans = new PlanCache();

  app.get(
    '/municipalities/:kommunenummer',
    {
      schema: {
        operationId: 'getMunicipality',
        tags: ['regions'],
        summary: 'Get a municipality by kommunenummer',
        params: MunicipalityParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(MunicipalitySchema), ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request) => {
      const municipality = await app.withContext(ANONYMOUS, (trx) => requireMunicipality(trx, request.params.kommunenummer));
      return toMunicipality(municipality, municipality.region_slug);
    },
  );

  app.get(
    '/municipalities/:kommunenummer/annex',
    {
      config: { scope: 'plans:read' },
      schema: {
        operationId: 'getAnnex',
        security: [{}, { bearer: [] }, { clientCredentials: ['plans:read'] }],
        tags: ['plans'],
        summary: 'Get the adopted local part (annex) of a municipality',
        params: MunicipalityParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(PlanVersionSchema), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request) =>
      app.withContext(ANONYMOUS, async (trx) => {
        const municipality = await requireMunicipality(trx, request.params.kommunenummer);
        const version = await findAnnexVersion(trx, municipality.id, 'adopted');
        if (!version) throw notFound(`${municipality.name} has no adopted annex`);
        return loadPlanVersion(trx, version);
      }),
  );

  app.get(
    '/municipalities/:kommunenummer/plan',
    {
      config: { scope: 'plans:read' },
      schema: {
        operationId: 'getMunicipalityPlan',
        security: [{}, { bearer: [] }, { clientCredentials: ['plans:read'] }],
        tags: ['plans'],
        summary: 'Get a municipality’s complete plan: the adopted regional plan merged with its adopted annex',
        description:
          'Goal by goal: each regional goal with its regional measures (and how this municipality implements them) ' +
          'and the local measures that serve it, then the annex’s own goals. Strong ETag; If-None-Match answers 304 ' +
          'without building the plan while neither adopted version (nor a name in it) has changed.',
        params: MunicipalityParams,
        querystring: NoQuery,
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ description: 'An ETag you hold: 304 when the plan is unchanged.' })) }),
        response: { 200: Type.Ref(MunicipalityPlanSchema), 304: Type.Null({ description: 'Not modified (If-None-Match)' }), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request, reply) =>
      app.withContext(ANONYMOUS, async (trx) => {
        const municipality = await requireMunicipality(trx, request.params.kommunenummer);
        // Adopted versions never change, so the plan is named by the versions it
        // merges and the directory rows whose names it shows.
        const sources = await planSourcesOf(trx, municipality.id);
        if (sources[0] === null) throw notFound(`The region of ${municipality.name} has no adopted regional plan`);
        const tag = stateTag('plan', sources);
        reply.header('etag', tag).header('cache-control', 'no-cache').type('application/json; charset=utf-8');
        if (notModified(request, tag)) return sendNotModified(reply, tag);
        // A string with a JSON content type is sent as it is, not serialized again.
        const cached = plans.get(tag);
        if (cached !== undefined) return reply.send(cached as never);
        const regionalVersion = await findRegionalVersion(trx, municipality.region_id, 'adopted');
        if (!regionalVersion) throw notFound(`The region of ${municipality.name} has no adopted regional plan`);
        const annexVersion = await findAnnexVersion(trx, municipality.id, 'adopted');
        const [regional, annex] = await Promise.all([
          loadPlanVersion(trx, regionalVersion),
          annexVersion ? loadPlanVersion(trx, annexVersion) : null,
        ]);
        const body = JSON.stringify(
          mergeMunicipalityPlan({
            municipality: { kommunenummer: municipality.kommunenummer, name: municipality.name, languageForm: municipality.language_form },
            region: { slug: municipality.region_slug, name: municipality.region_name },
            regional,
            annex,
          }),
        );
        plans.set(tag, body);
        return reply.send(body as never);
      }),
  );
};

export default municipalityRoutes;
