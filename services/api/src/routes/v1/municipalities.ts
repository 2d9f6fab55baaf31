import { Kommunenummer, NoQuery, MunicipalitySchema, PlanVersionSchema } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { findAnnexVersion, loadPlanVersion } from '../../plans/plan.repository.js';
import { toMunicipality } from '../../regions/region.repository.js';
import { ANONYMOUS, requireMunicipality } from './lookups.js';

const MunicipalityParams = Type.Object({ kommunenummer: Kommunenummer }, { additionalProperties: false });

const municipalityRoutes: FastifyPluginAsyncTypebox = async (app) => {

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
};

export default municipalityRoutes;
