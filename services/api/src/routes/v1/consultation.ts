import {
  ConsultationAnswerSchema,
  ConsultationSubmissionListSchema,
  ConsultationSubmissionSchema,
  NewConsultationInputSchema,
  NoQuery,
  ReceivedConsultationInputSchema,
  Uuid,
} from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { contextFor } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { invalid } from '../../authoring/item-input.js';
import { editableVersion, openVersion, stateOf } from '../../authoring/version-access.js';
import { actorOf } from '../../http/authorization.js';
import { checkIfMatch, entityTag } from '../../http/preconditions.js';
import { conflict, forbidden, notFound } from '../../http/problems.js';
import { IfMatchHeaders, PLAN_READ_SECURITY, problemResponses, WRITE_SECURITY } from '../../http/responses.js';
import { answerSubmission, findSubmission, insertSubmission, listSubmissions } from '../../plans/consultation.repository.js';
import { concernsKind } from '../../plans/draft-content.repository.js';
import { answerRefusal, inputRefusal } from '../../plans/lifecycle.js';
import { findVersion, todayInNorway } from '../../plans/version.repository.js';
import { ANONYMOUS } from './lookups.js';

export interface ConsultationRouteOptions {
  /** Input per address and window: enough for a youth council, too few for a flood. */
  inputRateLimitMax: number;
  inputRateLimitWindowMs: number;
}

const VersionParams = Type.Object({ versionId: Uuid }, { additionalProperties: false });
const InputParams = Type.Object({ versionId: Uuid, inputId: Uuid }, { additionalProperties: false });

/** Public consultation (høring): anyone sends input while the window is open; editors answer it. */
const consultationRoutes: FastifyPluginAsyncTypebox<ConsultationRouteOptions> = async (app, options) => {
  app.post(
    '/plan-versions/:versionId/consultation-input',
    {
      bodyLimit: 64 * 1024,
      config: {
        rateLimit: {
          max: options.inputRateLimitMax,
          timeWindow: options.inputRateLimitWindowMs,
          keyGenerator: (request) => `consultation-input:${request.ip}`,
        },
      },
      schema: {
        operationId: 'submitConsultationInput',
        tags: ['consultation'],
        summary: 'Send input on a version in consultation (anyone, no token needed)',
        description:
          'Accepted from the opening day to the closing day, Norwegian dates; outside the window 409. The author’s name and the text ' +
          'are published with the adopted version; the contact is seen by the plan’s editors only. Limited per address (429).',
        security: [{}],
        params: VersionParams,
        querystring: NoQuery,
        body: Type.Ref(NewConsultationInputSchema),
        response: { 201: Type.Ref(ReceivedConsultationInputSchema), ...problemResponses(400, 404, 409, 413, 429, 503) },
      },
    },
    async (request, reply) => {
      const { versionId } = request.params;
      const body = request.body;
      const id = randomUUID();
      // Input is the public's whatever token comes with it: it is sent as the public, and recorded so.
      const receivedAt = await app.withContext(ANONYMOUS, async (trx) => {
        const version = await findVersion(trx, versionId);
        if (!version) throw notFound(`No plan version ${versionId} is open to the public`);
        const refusal = inputRefusal(stateOf(version), await todayInNorway(trx));
        if (refusal) throw conflict(refusal);
        if (body.concerns && !(await concernsKind(trx, versionId, body.concerns))) {
          throw invalid('body/concerns', 'no goal or measure with this id in the version');
        }
        const at = await insertSubmission(trx, {
          id,
          regionId: version.region_id,
          versionId,
          authorName: body.authorName,
          contact: body.contact ?? null,
          text: body.text,
          concerns: body.concerns ?? null,
        });
        await recordAudit(trx, {
          regionId: version.region_id,
          actor: 'public',
          action: 'consultation.input_received',
          entityType: 'consultation_submission',
          entityId: id,
          // Never the contact: the audit log is read by more people than the editors.
          after: { versionId, authorName: body.authorName, text: body.text, concerns: body.concerns ?? null },
          requestId: request.id,
        });
        return at;
      });
      return reply.code(201).header('location', `/v1/plan-versions/${versionId}/consultation-input/${id}`).send({ id, versionId, receivedAt });
    },
  );

  app.get(
    '/plan-versions/:versionId/consultation-input',
    {
      config: { scope: 'plans:read' },
      schema: {
        operationId: 'listConsultationInput',
        tags: ['consultation'],
        summary: 'List the input on a version, with the editors’ answers',
        description:
          'Members of the region see it at once; everyone else once the version is adopted, when the input and answers are published. ' +
          'Contacts only for the plan’s editors.',
        security: PLAN_READ_SECURITY,
        params: VersionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(ConsultationSubmissionListSchema), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { version, principal, run } = await openVersion(app, request, request.params.versionId);
      const context = contextFor(principal, version.region_id);
      const insider = context.role === 'platform_admin' || (context.role === 'member' && context.roles.length > 0);
      if (!insider && version.status !== 'adopted' && version.status !== 'superseded') {
        throw forbidden('Consultation input is published with the adopted version');
      }
      return { items: await run((trx) => listSubmissions(trx, version.id)) };
    },
  );

  app.get(
    '/plan-versions/:versionId/consultation-input/:inputId',
    {
      config: { scope: 'plans:read' },
      schema: {
        operationId: 'getConsultationInput',
        tags: ['consultation'],
        summary: 'Get one piece of input, with its ETag (for answering it)',
        security: PLAN_READ_SECURITY,
        params: InputParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(ConsultationSubmissionSchema), ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { versionId, inputId } = request.params;
      const { run } = await openVersion(app, request, versionId);
      const stored = await run((trx) => findSubmission(trx, versionId, inputId));
      if (!stored) throw notFound(`No input ${inputId} on version ${versionId}`);
      return reply.header('etag', entityTag({ id: inputId, rowVersion: stored.rowVersion })).send(stored.submission);
    },
  );

  app.put(
    '/plan-versions/:versionId/consultation-input/:inputId/answer',
    {
      schema: {
        operationId: 'answerConsultationInput',
        tags: ['consultation'],
        summary: 'Answer a piece of input and say how it was handled',
        description:
          'By the plan’s editors, until the version is adopted; an answer may be revised until then. If-Match: the input’s ETag. ' +
          'Every input must have an answer before the version can be adopted.',
        security: WRITE_SECURITY,
        params: InputParams,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: Type.Ref(ConsultationAnswerSchema),
        response: { 200: Type.Ref(ConsultationSubmissionSchema), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const { versionId, inputId } = request.params;
      const { principal, ifMatch, write } = await editableVersion(app, request, versionId);
      const answered = await write(async (trx, current) => {
        const before = await findSubmission(trx, versionId, inputId);
        if (!before) throw notFound(`No input ${inputId} on version ${versionId}`);
        const refusal = answerRefusal(stateOf(current));
        if (refusal) throw conflict(refusal);
        checkIfMatch(ifMatch, { id: inputId, rowVersion: before.rowVersion });
        await answerSubmission(trx, inputId, request.body, actorOf(principal));
        const after = (await findSubmission(trx, versionId, inputId))!;
        await recordAudit(trx, {
          regionId: current.region_id,
          actor: actorOf(principal),
          action: 'consultation.input_answered',
          entityType: 'consultation_submission',
          entityId: inputId,
          before: before.submission.answer,
          after: after.submission.answer,
          requestId: request.id,
        });
        return after;
      });
      return reply.header('etag', entityTag({ id: inputId, rowVersion: answered.rowVersion })).send(answered.submission);
    },
  );
};

export default consultationRoutes;
