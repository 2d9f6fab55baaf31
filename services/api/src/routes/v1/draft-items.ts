import {
  DesiredStatePatchSchema,
  DesiredStateSchema,
  FocusAreaPatchSchema,
  FocusAreaSchema,
  GoalItemSchema,
  GoalPatchSchema,
  ImplementationPatchSchema,
  ImplementationSchema,
  MeasurePatchSchema,
  MeasureSchema,
  NewDesiredStateSchema,
  NewFocusAreaSchema,
  NewGoalSchema,
  NewImplementationSchema,
  NewMeasureSchema,
  NewSectionSchema,
  NoQuery,
  SectionPatchSchema,
  SectionSchema,
  Uuid,
} from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createItem, deleteItem, type ItemPatchInput, type NewItemInput, requireItem, updateItem } from '../../authoring/edit-items.js';
import { editableVersion, openVersion, requireDraft, requireDraftStatus } from '../../authoring/version-access.js';
import { actorOf } from '../../http/authorization.js';
import { entityTag } from '../../http/preconditions.js';
import { IfMatchHeaders, PLAN_READ_SECURITY, problemResponses, WRITE_SECURITY } from '../../http/responses.js';
import type { ItemKind, StoredItem } from '../../plans/draft-content.repository.js';

/**
 * The items of a version, each a resource with its own ETag: read by whoever
 * may read the version; created, changed and deleted in a draft by its
 * editors. Every kind gets the same four operations from one table, so they
 * behave alike.
 */

interface ItemRoutes {
  kind: ItemKind;
  /** In operation ids: getSection, createSection, ... */
  name: string;
  /** The get operation's id when `get${name}` is taken or misleading. */
  getOperationId?: string;
  /** URL segment of the collection, under the version. */
  segment: string;
  /** URL segment of the collection new items are created in, when it differs (desired states live under their goal). */
  createSegment?: string;
  idDescription: string;
  schema: TSchema;
  newSchema: TSchema;
  patchSchema: TSchema;
  summary: string;
}

const KINDS: ItemRoutes[] = [
  {
    kind: 'section',
    name: 'Section',
    segment: 'sections',
    idDescription: 'Stable id of the section',
    schema: SectionSchema,
    newSchema: NewSectionSchema,
    patchSchema: SectionPatchSchema,
    summary: 'section (vision, main goal, organisation, responsibility, cooperation, ...)',
  },
  {
    kind: 'focus_area',
    name: 'FocusArea',
    segment: 'focus-areas',
    idDescription: 'Stable id of the focus area',
    schema: FocusAreaSchema,
    newSchema: NewFocusAreaSchema,
    patchSchema: FocusAreaPatchSchema,
    summary: 'focus area (satsingsområde)',
  },
  {
    kind: 'goal',
    name: 'Goal',
    segment: 'goals',
    idDescription: 'Stable id of the goal',
    schema: GoalItemSchema,
    newSchema: NewGoalSchema,
    patchSchema: GoalPatchSchema,
    summary: 'goal (delmål); its desired states and measures are resources of their own',
  },
  {
    kind: 'desired_state',
    name: 'DesiredState',
    segment: 'desired-states',
    createSegment: 'goals/:goalId/desired-states',
    idDescription: 'Id of the desired state',
    schema: DesiredStateSchema,
    newSchema: NewDesiredStateSchema,
    patchSchema: DesiredStatePatchSchema,
    summary: 'desired state ("slik vil vi ha det") of a goal',
  },
  {
    kind: 'measure',
    name: 'Measure',
    // getMeasure names a measure across its versions (the measures feed); this is one version's.
    getOperationId: 'getMeasureInVersion',
    segment: 'measures',
    idDescription: 'Stable id of the measure',
    schema: MeasureSchema,
    newSchema: NewMeasureSchema,
    patchSchema: MeasurePatchSchema,
    summary: 'measure (tiltak)',
  },
  {
    kind: 'implementation',
    name: 'Implementation',
    segment: 'implementations',
    idDescription: 'Stable id of the regional measure the annex implements',
    schema: ImplementationSchema,
    newSchema: NewImplementationSchema,
    patchSchema: ImplementationPatchSchema,
    summary: 'local implementation of a regional measure (annex only)',
  },
];


const sendItem = (reply: FastifyReply, stored: StoredItem<ItemKind>, code = 200) =>
  reply.code(code).header('etag', entityTag({ id: stored.rowId, rowVersion: stored.rowVersion })).send(stored.item);

const draftItemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const k of KINDS) {
    const ItemParams = Type.Object({ versionId: Uuid, itemId: Type.String({ format: 'uuid', description: k.idDescription }) }, { additionalProperties: false });
    const itemPath = `/plan-versions/:versionId/${k.segment}/:itemId`;
    const createPath = `/plan-versions/:versionId/${k.createSegment ?? k.segment}`;
    const CreateParams = k.createSegment
      ? Type.Object({ versionId: Uuid, goalId: Type.String({ format: 'uuid', description: 'Stable id of the goal' }) }, { additionalProperties: false })
      : Type.Object({ versionId: Uuid }, { additionalProperties: false });
    const params = (request: FastifyRequest) => request.params as { versionId: string; itemId: string; goalId?: string };

    app.get(
      itemPath,
      {
        config: { scope: 'plans:read' },
        schema: {
          operationId: k.getOperationId ?? `get${k.name}`,
          tags: ['drafts'],
          summary: `Get one ${k.summary} of a version, with its ETag`,
          security: PLAN_READ_SECURITY,
          params: ItemParams,
          querystring: NoQuery,
          response: { 200: Type.Ref(k.schema), ...problemResponses(400, 403, 404, 429, 503) },
        },
      },
      async (request, reply) => {
        const { versionId, itemId } = params(request);
        const { version, run } = await openVersion(app, request, versionId);
        const stored = await run((trx) => requireItem(trx, k.kind, version, itemId));
        return sendItem(reply, stored);
      },
    );

    app.post(
      createPath,
      {
        schema: {
          operationId: `create${k.name}`,
          tags: ['drafts'],
          summary: `Add a ${k.summary} to a draft`,
          description: 'If-Match: the version’s ETag (getPlanVersion), which proves the draft is as you last saw it.',
          security: WRITE_SECURITY,
          params: CreateParams,
          headers: IfMatchHeaders,
          querystring: NoQuery,
          body: Type.Ref(k.newSchema),
          response: { 201: Type.Ref(k.schema), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
        },
      },
      async (request, reply) => {
        const { versionId, goalId } = params(request);
        const { principal, ifMatch, write } = await editableVersion(app, request, versionId);
        const created = await write(async (trx, current) => {
          requireDraft(current, ifMatch);
          const input = (goalId ? { ...(request.body as object), goalId } : request.body) as NewItemInput[typeof k.kind];
          return createItem({ trx, version: current, actor: actorOf(principal), requestId: request.id }, k.kind, input);
        });
        const item = created.item as { id?: string; measureId?: string };
        const key = item.id ?? item.measureId;
        reply.header('location', `/v1/plan-versions/${versionId}/${k.segment}/${key}`);
        return sendItem(reply, created, 201);
      },
    );

    app.patch(
      itemPath,
      {
        schema: {
          operationId: `update${k.name}`,
          tags: ['drafts'],
          summary: `Change a ${k.summary} in a draft`,
          description: 'Send only the fields to change. `position` moves the item among its siblings. If-Match: the item’s ETag.',
          security: WRITE_SECURITY,
          params: ItemParams,
          headers: IfMatchHeaders,
          querystring: NoQuery,
          body: Type.Ref(k.patchSchema),
          response: { 200: Type.Ref(k.schema), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
        },
      },
      async (request, reply) => {
        const { versionId, itemId } = params(request);
        const { principal, ifMatch, write } = await editableVersion(app, request, versionId);
        const updated = await write(async (trx, current) => {
          requireDraftStatus(current);
          return updateItem({ trx, version: current, actor: actorOf(principal), requestId: request.id }, k.kind, itemId, ifMatch, request.body as ItemPatchInput[typeof k.kind]);
        });
        return sendItem(reply, updated);
      },
    );

    app.delete(
      itemPath,
      {
        schema: {
          operationId: `delete${k.name}`,
          tags: ['drafts'],
          summary: `Remove a ${k.summary} from a draft`,
          description:
            k.kind === 'goal'
              ? 'Its desired states and measures go with it. If-Match: the goal’s ETag.'
              : 'If-Match: the item’s ETag. Earlier versions keep their copy.',
          security: WRITE_SECURITY,
          params: ItemParams,
          headers: IfMatchHeaders,
          querystring: NoQuery,
          response: { 204: Type.Null({ description: 'Removed' }), ...problemResponses(400, 401, 403, 404, 409, 412, 428, 429, 503) },
        },
      },
      async (request, reply) => {
        const { versionId, itemId } = params(request);
        const { principal, ifMatch, write } = await editableVersion(app, request, versionId);
        await write(async (trx, current) => {
          requireDraftStatus(current);
          await deleteItem({ trx, version: current, actor: actorOf(principal), requestId: request.id }, k.kind, itemId, ifMatch);
        });
        return reply.code(204).send();
      },
    );
  }
};

export default draftItemRoutes;
