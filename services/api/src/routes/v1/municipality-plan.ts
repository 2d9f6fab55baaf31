import { ComplianceReportSchema, Kommunenummer, MunicipalityPlanSchema, PlanReadQuery } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { complianceReport } from '../../compliance/report.js';
import { municipalityPlanDocument } from '../../documents/municipality-document.js';
import { renderDocument } from '../../documents/render.js';
import { notModified, sendNotModified, stateTag } from '../../http/conditional.js';
import { negotiatePlanType, planRepresentations, sendDocument } from '../../http/representations.js';
import { PLAN_READ_SECURITY, problemResponses } from '../../http/responses.js';
import { consultationRecordOf, isMissing, loadCompletePlan, type Missing, sharedServicesOf } from '../../plans/complete-plan.js';
import { PlanCache } from '../../plans/plan-cache.js';
import { planSourcesOf } from '../../plans/plan.repository.js';
import { ANONYMOUS, requireMunicipality } from './lookups.js';
import { missingPlan, planReadContext } from './plan-reads.js';

/** Bumped when what a plan representation holds changes, so tags handed out before do not match. */
const PLAN_FORMAT = 2;

const MunicipalityParams = Type.Object({ kommunenummer: Kommunenummer }, { additionalProperties: false });

const municipalityPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const plans = new PlanCache();
  const lookUp = (kommunenummer: string) => app.withContext(ANONYMOUS, (trx) => requireMunicipality(trx, kommunenummer));

  app.get(
    '/municipalities/:kommunenummer/plan',
    {
      config: { scope: 'plans:read' },
      schema: {
        operationId: 'getMunicipalityPlan',
        security: PLAN_READ_SECURITY,
        tags: ['plans'],
        summary: 'Get a municipality’s complete plan: the adopted regional plan merged with its adopted annex',
        description:
          'Goal by goal: each regional goal with its regional measures (and how this municipality implements them) ' +
          'and the local measures that serve it, then the annex’s own goals. By `Accept`, also a council document: ' +
          '`text/markdown`, `text/html` (one printable page) or `application/pdf`, in the municipality’s language form, ' +
          'the regional part first, then the local part, then the consultation record of each adopted part. A version ' +
          'that is not adopted is marked on every page. Any other `Accept` is answered 406. The adopted plan has a strong ' +
          'ETag per representation; If-None-Match answers 304 without building the plan while neither adopted version ' +
          '(nor a name in it) has changed.',
        params: MunicipalityParams,
        querystring: PlanReadQuery,
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ description: 'An ETag you hold: 304 when the plan is unchanged.' })) }),
        response: {
          200: planRepresentations(Type.Ref(MunicipalityPlanSchema), 'The complete plan'),
          304: Type.Null({ description: 'Not modified (If-None-Match)' }),
          ...problemResponses(400, 403, 404, 406, 429, 503),
        },
      },
    },
    async (request, reply) => {
      reply.header('vary', 'Accept');
      const type = negotiatePlanType(request);
      const which = request.query.version ?? 'adopted';
      const municipality = await lookUp(request.params.kommunenummer);
      const context = await planReadContext(request, municipality.region_id, which);
      const loaded = await app.withContext(context, async (trx) => {
        // Adopted versions never change, so an adopted plan is named by the versions it merges and the
        // directory rows whose names it shows: a strong ETag, and a 304 without building anything.
        let tag: string | undefined;
        if (which === 'adopted') {
          const sources = await planSourcesOf(trx, municipality.id);
          if (sources[0] === null) return { kind: 'missing' as const, missing: { missing: 'regional' } as Missing };
          tag = stateTag('plan', [PLAN_FORMAT, type, ...sources]);
          if (notModified(request, tag)) return { kind: 'not-modified' as const, tag };
          const cached = type === 'application/json' ? plans.get(tag) : undefined;
          if (cached !== undefined) return { kind: 'cached' as const, tag, json: cached };
        }
        const complete = await loadCompletePlan(trx, municipality, which);
        if (isMissing(complete)) return { kind: 'missing' as const, missing: complete };
        if (type === 'application/json') return { kind: 'plan' as const, tag, complete, records: null };
        const [regional, annex] = await Promise.all([consultationRecordOf(trx, complete.regional), consultationRecordOf(trx, complete.annex)]);
        return { kind: 'plan' as const, tag, complete, records: { regional, annex } };
      });
      if (loaded.kind === 'missing') return missingPlan(loaded.missing, { plan: `The plan of ${municipality.name}`, region: `The region of ${municipality.name}` });
      if (loaded.tag) reply.header('etag', loaded.tag).header('cache-control', 'no-cache');
      if (loaded.kind === 'not-modified') return sendNotModified(reply, loaded.tag);
      if (loaded.kind === 'cached') return reply.type('application/json; charset=utf-8').send(loaded.json as never);
      if (type === 'application/json' || !loaded.records) {
        if (!loaded.tag) return loaded.complete.plan;
        // A string with a JSON content type is sent as it is, not serialized again.
        const body = JSON.stringify(loaded.complete.plan);
        plans.set(loaded.tag, body);
        return reply.type('application/json; charset=utf-8').send(body as never);
      }
      const document = municipalityPlanDocument({ plan: loaded.complete.plan, records: loaded.records });
      return sendDocument(reply, type, await renderDocument(document, type), `oppvekstplan-${municipality.kommunenummer}`);
    },
  );

  app.get(
    '/municipalities/:kommunenummer/plan/compliance',
    {
      config: { scope: 'plans:read' },
      schema: {
        operationId: 'getComplianceReport',
        security: PLAN_READ_SECURITY,
        tags: ['plans'],
        summary: 'Check a municipality’s complete plan against barnevernloven § 3-1',
        description:
          'Whether the plan describes the four things § 3-1 demands (goals; how the work is organised; how responsibility ' +
          'is divided between the agencies; how they cooperate), with the sections, goals and measures found as evidence, ' +
          'and warnings for the council: measures without a responsible service or outside the plan period, goals without ' +
          'measures, shared services in no measure, parts never out for consultation, and a plan the council itself has ' +
          'not adopted. Written in the municipality’s language form. `version=draft` checks the version under work.',
        params: MunicipalityParams,
        querystring: PlanReadQuery,
        response: { 200: Type.Ref(ComplianceReportSchema), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const which = request.query.version ?? 'adopted';
      const municipality = await lookUp(request.params.kommunenummer);
      const context = await planReadContext(request, municipality.region_id, which);
      const found = await app.withContext(context, async (trx) => {
        const complete = await loadCompletePlan(trx, municipality, which);
        return isMissing(complete) ? complete : { plan: complete.plan, sharedServices: await sharedServicesOf(trx, municipality) };
      });
      if (isMissing(found)) return missingPlan(found, { plan: `The plan of ${municipality.name}`, region: `The region of ${municipality.name}` });
      return complianceReport(found);
    },
  );
};

export default municipalityPlanRoutes;
