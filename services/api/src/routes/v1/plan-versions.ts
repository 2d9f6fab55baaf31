import {
  AdoptionInputSchema,
  ConsultationWindowSchema,
  Kommunenummer,
  NewPlanVersionSchema,
  NoQuery,
  PlanVersionPatchSchema,
  PlanVersionSchema,
  Slug,
  Uuid,
  VersionDiffSchema,
  VersionListSchema,
  VersionSummarySchema,
  type NewPlanVersion,
} from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { contextFor, mayEditPlan } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { planTag } from '../../authoring/plan-tag.js';
import { editableVersion, openVersion, requireDraft, stateOf, versionTag } from '../../authoring/version-access.js';
import { actorOf, requireSignedIn } from '../../http/authorization.js';
import { isUniqueViolation } from '../../http/database-errors.js';
import { checkIfMatch, entityTag, requireIfMatch } from '../../http/preconditions.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/problems.js';
import { IfMatchHeaders, PLAN_READ_SECURITY, problemResponses, WRITE_SECURITY } from '../../http/responses.js';
import { consultationPhase } from '../../plans/consultation-window.js';
import { diffPlanVersions } from '../../plans/diff.js';
import { adoptionRefusal, discardRefusal, openConsultationRefusal, returnToDraftRefusal, revisionRefusal } from '../../plans/lifecycle.js';
import { loadPlanVersion } from '../../plans/plan.repository.js';
import { toVersionSummary, type VersionRow } from '../../plans/version-summary.js';
import {
  copyContent,
  countInput,
  deleteVersion,
  findAdoptedVersion,
  findAnnexPlan,
  findOpenVersion,
  findRegionalPlan,
  findVersion,
  insertDraft,
  listVersions,
  lockPlan,
  nextVersionNumber,
  type PlanRef,
  todayInNorway,
  updateVersion,
} from '../../plans/version.repository.js';
import { emitAdoption, emitConsultationOpened } from '../../webhooks/emit.js';
import { ANONYMOUS, lookUpRegion, requireMunicipality } from './lookups.js';

const RegionParams = Type.Object({ region: Slug }, { additionalProperties: false });
const MunicipalityParams = Type.Object({ kommunenummer: Kommunenummer }, { additionalProperties: false });
const VersionParams = Type.Object({ versionId: Uuid }, { additionalProperties: false });
const DiffQuery = Type.Object(
  { from: Type.Optional(Type.String({ format: 'uuid', description: 'The version to compare with; by default the one this version was copied from.' })) },
  { additionalProperties: false },
);

const READ = { config: { scope: 'plans:read' as const }, security: PLAN_READ_SECURITY };

/** A period given as years must run forwards. */
function checkPeriod(period: { from: number | null; to: number | null } | undefined): void {
  if (period && period.from !== null && period.to !== null && period.from > period.to) {
    throw badRequest('body/period: "from" comes after "to"', [{ field: 'body/period', message: '"from" comes after "to"' }]);
  }
}

/** A plan's versions and the steps of its lifecycle: revision, consultation, adoption. */
const planVersionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function regionalPlan(slug: string): Promise<PlanRef> {
    const region = await lookUpRegion(app, slug);
    const plan = await app.withContext(ANONYMOUS, (trx) => findRegionalPlan(trx, region.id));
    if (!plan) throw notFound(`Region "${slug}" has no regional plan`);
    return plan;
  }
  async function annexPlan(kommunenummer: string): Promise<PlanRef> {
    const plan = await app.withContext(ANONYMOUS, async (trx) => {
      const municipality = await requireMunicipality(trx, kommunenummer);
      return findAnnexPlan(trx, municipality.id);
    });
    if (!plan) throw notFound(`Municipality ${kommunenummer} has no annex`);
    return plan;
  }

  async function listPlanVersions(request: FastifyRequest, reply: FastifyReply, plan: PlanRef) {
    const principal = await request.principal();
    const versions = await app.withContext(contextFor(principal, plan.regionId), (trx) => listVersions(trx, plan.id));
    return reply.header('etag', planTag(plan.id, versions)).send({ items: versions.map(toVersionSummary) });
  }

  async function startRevision(request: FastifyRequest, reply: FastifyReply, plan: PlanRef, body: NewPlanVersion) {
    const principal = requireSignedIn(await request.principal());
    if (!mayEditPlan(principal, plan)) throw forbidden(`Only those who edit ${plan.label} may revise it`);
    const ifMatch = requireIfMatch(request);
    checkPeriod(body.period);
    const created = await app.withContext(contextFor(principal, plan.regionId), async (trx) => {
      await lockPlan(trx, plan.id);
      const versions = await listVersions(trx, plan.id);
      const refusal = revisionRefusal(await findOpenVersion(trx, plan.id));
      if (refusal) throw conflict(refusal);
      checkIfMatch(ifMatch, planTag(plan.id, versions));
      const basis = await findAdoptedVersion(trx, plan.id);
      const title = body.title ?? basis?.title;
      if (!title) throw badRequest('body/title: the plan’s first version needs a title', [{ field: 'body/title', message: 'the plan’s first version needs a title' }]);
      const id = await insertDraft(trx, {
        regionId: plan.regionId,
        planId: plan.id,
        versionNumber: await nextVersionNumber(trx, plan.id),
        title,
        languageForm: basis?.language_form ?? plan.languageForm,
        periodFrom: body.period ? body.period.from : (basis?.period_from ?? null),
        periodTo: body.period ? body.period.to : (basis?.period_to ?? null),
        basedOn: basis?.id ?? null,
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict(`Another version of ${plan.label} is being worked on`);
        throw error;
      });
      if (basis) await copyContent(trx, basis.id, id);
      const version = (await findVersion(trx, id))!;
      await recordAudit(trx, {
        regionId: plan.regionId,
        actor: actorOf(principal),
        action: 'plan_version.revision_started',
        entityType: 'plan_version',
        entityId: id,
        after: { ...toVersionSummary(version), basedOn: basis?.id ?? null },
        requestId: request.id,
      });
      return version;
    });
    return reply
      .code(201)
      .header('location', `/v1/plan-versions/${created.id}`)
      .header('etag', entityTag(versionTag(created)))
      .send(toVersionSummary(created));
  }

  const listSchema = <P extends TSchema>(operationId: string, summary: string, params: P) => ({
    operationId,
    tags: ['plan versions'],
    summary,
    description: 'Members of the region see every version, drafts included; everyone else the one in consultation, the adopted and the superseded.',
    security: READ.security,
    params,
    querystring: NoQuery,
    response: { 200: Type.Ref(VersionListSchema), ...problemResponses(400, 403, 404, 429, 503) },
  });
  const startSchema = <P extends TSchema>(operationId: string, summary: string, params: P) => ({
    operationId,
    tags: ['plan versions'],
    summary,
    description:
      'The new draft is a copy of the adopted version, with the same stable ids for its items. At most one version is worked on at a ' +
      'time (409). If-Match: the ETag of the plan’s version list.',
    security: WRITE_SECURITY,
    params,
    headers: IfMatchHeaders,
    querystring: NoQuery,
    body: Type.Ref(NewPlanVersionSchema),
    response: { 201: Type.Ref(VersionSummarySchema), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
  });

  app.get('/regions/:region/plan/versions', { config: READ.config, schema: listSchema('listRegionalPlanVersions', 'List the versions of a region’s regional plan', RegionParams) }, async (request, reply) =>
    listPlanVersions(request, reply, await regionalPlan(request.params.region)),
  );
  app.post('/regions/:region/plan/versions', { schema: startSchema('startRegionalPlanRevision', 'Start a new version (revision) of the regional plan', RegionParams) }, async (request, reply) =>
    startRevision(request, reply, await regionalPlan(request.params.region), request.body),
  );
  app.get('/municipalities/:kommunenummer/annex/versions', { config: READ.config, schema: listSchema('listAnnexVersions', 'List the versions of a municipality’s annex', MunicipalityParams) }, async (request, reply) =>
    listPlanVersions(request, reply, await annexPlan(request.params.kommunenummer)),
  );
  app.post('/municipalities/:kommunenummer/annex/versions', { schema: startSchema('startAnnexRevision', 'Start a new version (revision) of a municipality’s annex', MunicipalityParams) }, async (request, reply) =>
    startRevision(request, reply, await annexPlan(request.params.kommunenummer), request.body),
  );

  app.get(
    '/plan-versions/:versionId',
    {
      config: READ.config,
      schema: {
        operationId: 'getPlanVersion',
        tags: ['plan versions'],
        summary: 'Get one version of a plan with all its content',
        description: 'The ETag covers the whole version: every change to its content moves it on. Send it as If-Match to change the version or add to it.',
        security: READ.security,
        params: VersionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(PlanVersionSchema), 304: Type.Null({ description: 'Not modified (If-None-Match)' }), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { run } = await openVersion(app, request, request.params.versionId);
      const { version, content } = await run(async (trx) => {
        const current = await findVersion(trx, request.params.versionId);
        if (!current) throw notFound(`No plan version ${request.params.versionId}`);
        return { version: current, content: await loadPlanVersion(trx, current) };
      });
      const tag = entityTag(versionTag(version));
      reply.header('etag', tag);
      if (request.headers['if-none-match']?.split(',').map((t) => t.trim()).includes(tag)) return reply.code(304).send();
      return content;
    },
  );

  const transition = <B>(
    operationId: string,
    path: string,
    summary: string,
    description: string,
    body: ReturnType<typeof Type.Ref> | undefined,
    act: (args: { request: FastifyRequest; body: B; current: VersionRow; ifMatch: string[] | '*'; trx: Parameters<Parameters<Awaited<ReturnType<typeof editableVersion>>['write']>[0]>[0] }) => Promise<{ action: string; extra?: Record<string, unknown> }>,
  ) =>
    app.post(
      path,
      {
        schema: {
          operationId,
          tags: ['plan versions'],
          summary,
          description: `${description} If-Match: the version’s ETag. A step the version’s state does not allow is 409 with the reason.`,
          security: WRITE_SECURITY,
          params: VersionParams,
          headers: IfMatchHeaders,
          querystring: NoQuery,
          ...(body ? { body } : {}),
          response: { 200: Type.Ref(VersionSummarySchema), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
        },
      },
      async (request, reply) => {
        const { principal, ifMatch, write } = await editableVersion(app, request, (request.params as { versionId: string }).versionId);
        const updated = await write(async (trx, current) => {
          const { action, extra } = await act({ request, body: request.body as B, current, trx, ifMatch });
          const after = (await findVersion(trx, current.id))!;
          await recordAudit(trx, {
            regionId: current.region_id,
            actor: actorOf(principal),
            action,
            entityType: 'plan_version',
            entityId: current.id,
            before: toVersionSummary(current),
            after: { ...toVersionSummary(after), ...extra },
            requestId: request.id,
          });
          return after;
        });
        return reply.header('etag', entityTag(versionTag(updated))).send(toVersionSummary(updated));
      },
    );

  transition<{ opensOn: string; closesOn: string }>(
    'openConsultation',
    '/plan-versions/:versionId/consultation',
    'Send a draft out for public consultation (høring)',
    'From the opening day to the closing day (Norwegian dates, both included) anyone may read the version and send input.',
    Type.Ref(ConsultationWindowSchema),
    async ({ body, current, trx, ifMatch }) => {
      const refusal = openConsultationRefusal(stateOf(current), body, await todayInNorway(trx));
      if (refusal) throw conflict(refusal);
      // The state's reason first (409), then the version the caller saw (412); nothing is written before both.
      checkIfMatch(ifMatch, versionTag(current));
      await updateVersion(trx, current.id, { status: 'consultation', consultation_opens_on: body.opensOn, consultation_closes_on: body.closesOn });
      await emitConsultationOpened(trx, (await findVersion(trx, current.id))!);
      return { action: 'plan_version.consultation_opened' };
    },
  );

  transition(
    'returnToDraft',
    '/plan-versions/:versionId/return-to-draft',
    'Take a version back from consultation to draft, to revise it',
    'Once the window has closed (or before it opens, to withdraw it). The input stays with the version.',
    undefined,
    async ({ current, trx, ifMatch }) => {
      const today = await todayInNorway(trx);
      const state = stateOf(current);
      const refusal = returnToDraftRefusal(state, today);
      if (refusal) throw conflict(refusal);
      // The state's reason first (409), then the version the caller saw (412); nothing is written before both.
      checkIfMatch(ifMatch, versionTag(current));
      // A consultation withdrawn before it opened was never held: its window goes with it.
      const withdrawn = state.consultation && consultationPhase(state.consultation, today) === 'scheduled';
      await updateVersion(trx, current.id, {
        status: 'draft',
        ...(withdrawn ? { consultation_opens_on: null, consultation_closes_on: null } : {}),
      });
      return { action: 'plan_version.returned_to_draft' };
    },
  );

  transition<{ decidedBy: string; decidedByName?: string | null; decision: 'adopted' | 'noted'; decidedOn: string; caseReference: string }>(
    'adoptPlanVersion',
    '/plan-versions/:versionId/adoption',
    'Record the council’s decision: the version is adopted and never changes again',
    'The version adopted before becomes superseded. A consultation must have closed before the decision date, and every input must have an answer.',
    Type.Ref(AdoptionInputSchema),
    async ({ body, current, trx, ifMatch }) => {
      const input = await countInput(trx, current.id);
      const refusal = adoptionRefusal(stateOf(current), body as never, await todayInNorway(trx), input.unanswered);
      if (refusal) throw conflict(refusal);
      // The state's reason first (409), then the version the caller saw (412); nothing is written before both.
      checkIfMatch(ifMatch, versionTag(current));
      const previous = await findAdoptedVersion(trx, current.plan_id);
      if (previous) await updateVersion(trx, previous.id, { status: 'superseded', superseded_at: sql`now()` });
      await updateVersion(trx, current.id, {
        status: 'adopted',
        decided_by: body.decidedBy,
        decided_by_name: body.decidedByName ?? null,
        decision: body.decision,
        decided_on: body.decidedOn,
        case_reference: body.caseReference,
        adopted_at: sql`now()`,
      });
      // Integrations hear of the decision in the same transaction that records it.
      await emitAdoption(trx, (await findVersion(trx, current.id))!, previous);
      return { action: 'plan_version.adopted', extra: { supersededVersionId: previous?.id ?? null } };
    },
  );

  app.patch(
    '/plan-versions/:versionId',
    {
      schema: {
        operationId: 'updatePlanVersion',
        tags: ['plan versions'],
        summary: 'Change a draft’s title or period',
        security: WRITE_SECURITY,
        params: VersionParams,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: Type.Ref(PlanVersionPatchSchema),
        response: { 200: Type.Ref(VersionSummarySchema), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      checkPeriod(body.period);
      const { principal, ifMatch, write } = await editableVersion(app, request, request.params.versionId);
      const updated = await write(async (trx, current) => {
        requireDraft(current, ifMatch);
        await updateVersion(trx, current.id, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.period !== undefined ? { period_from: body.period.from, period_to: body.period.to } : {}),
        });
        const after = (await findVersion(trx, current.id))!;
        await recordAudit(trx, {
          regionId: current.region_id,
          actor: actorOf(principal),
          action: 'plan_version.updated',
          entityType: 'plan_version',
          entityId: current.id,
          before: toVersionSummary(current),
          after: toVersionSummary(after),
          requestId: request.id,
        });
        return after;
      });
      return reply.header('etag', entityTag(versionTag(updated))).send(toVersionSummary(updated));
    },
  );

  app.delete(
    '/plan-versions/:versionId',
    {
      schema: {
        operationId: 'discardDraft',
        tags: ['plan versions'],
        summary: 'Throw a draft away',
        description: 'Only a draft without consultation input; an adopted version is never deleted.',
        security: WRITE_SECURITY,
        params: VersionParams,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: { 204: Type.Null({ description: 'Discarded' }), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const { principal, ifMatch, write } = await editableVersion(app, request, request.params.versionId);
      await write(async (trx, current) => {
        const refusal = discardRefusal(stateOf(current), (await countInput(trx, current.id)).total);
        if (refusal) throw conflict(refusal);
        checkIfMatch(ifMatch, versionTag(current));
        await deleteVersion(trx, current.id);
        await recordAudit(trx, {
          regionId: current.region_id,
          actor: actorOf(principal),
          action: 'plan_version.discarded',
          entityType: 'plan_version',
          entityId: current.id,
          before: toVersionSummary(current),
          requestId: request.id,
        });
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/plan-versions/:versionId/diff',
    {
      config: READ.config,
      schema: {
        operationId: 'diffPlanVersions',
        tags: ['plan versions'],
        summary: 'What changed between two versions of a plan',
        description: 'Sections, focus areas, goals, measures and implementations added, removed and changed, field by field, matched by stable id.',
        security: READ.security,
        params: VersionParams,
        querystring: DiffQuery,
        response: { 200: Type.Ref(VersionDiffSchema), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { version, run } = await openVersion(app, request, request.params.versionId);
      const fromId = request.query.from ?? version.based_on_version_id;
      if (!fromId) {
        throw badRequest('querystring/from: this is the plan’s first version; name a version to compare with', [
          { field: 'querystring/from', message: 'required for a plan’s first version' },
        ]);
      }
      return run(async (trx) => {
        const from = await findVersion(trx, fromId);
        if (!from) throw notFound(`No plan version ${fromId}`);
        if (from.plan_id !== version.plan_id) {
          throw badRequest('querystring/from: a version of another plan', [{ field: 'querystring/from', message: 'not a version of the same plan' }]);
        }
        const [before, after] = await Promise.all([loadPlanVersion(trx, from), loadPlanVersion(trx, version)]);
        return diffPlanVersions(before, after);
      });
    },
  );
};

export default planVersionRoutes;
