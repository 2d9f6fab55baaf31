import { randomUUID } from 'node:crypto';
import {
  CreatedWebhookEndpointSchema,
  NewWebhookEndpointSchema,
  NoQuery,
  Slug,
  Uuid,
  WebhookEndpointListSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
} from '@oppvekst/contracts';
import { generateWebhookSecret } from '@oppvekst/client';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { recordAudit } from '../../audit/audit.repository.js';
import { actorOf } from '../../http/authorization.js';
import { checkIfMatch, entityTag, requireIfMatch } from '../../http/preconditions.js';
import { badRequest, notFound } from '../../http/problems.js';
import { IfMatchHeaders, problemResponses } from '../../http/responses.js';
import { deleteEndpoint, type EndpointChange, findEndpoint, insertEndpoint, listEndpoints, updateEndpoint } from '../../webhooks/endpoint.repository.js';
import { manageWebhooks } from '../../webhooks/webhook-access.js';
import type { WebhookOptions } from '../../webhooks/webhook-options.js';
import { checkTarget, TargetRefused } from '../../webhooks/target-policy.js';

export const RegionParams = Type.Object({ region: Slug }, { additionalProperties: false });
export const EndpointParams = Type.Object({ region: Slug, endpointId: Uuid }, { additionalProperties: false });
export const WEBHOOK_SECURITY: { [scheme: string]: string[] }[] = [{ bearer: [] }, { clientCredentials: ['webhooks:manage'] }];
export const MANAGE = { scope: 'webhooks:manage' as const };
const TAGS = ['webhooks'];

/** A region's webhook endpoints: registered by its administrators or its API clients with webhooks:manage. */
const webhookEndpointRoutes: FastifyPluginAsyncTypebox<WebhookOptions> = async (app, options) => {
  /** The target, checked now as it will be again before every delivery (server-side request forgery). */
  async function checkedUrl(url: string): Promise<string> {
    try {
      return (await checkTarget(url, options.targets)).href;
    } catch (error) {
      if (error instanceof TargetRefused) throw badRequest(`body/url: ${error.message}`, [{ field: 'body/url', message: error.message }]);
      throw error;
    }
  }

  app.get(
    '/regions/:region/webhooks',
    {
      config: MANAGE,
      schema: {
        operationId: 'listWebhookEndpoints',
        tags: TAGS,
        summary: 'List the region’s webhook endpoints',
        security: WEBHOOK_SECURITY,
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(WebhookEndpointListSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { region, run } = await manageWebhooks(app, request, request.params.region);
      return { items: await run((trx) => listEndpoints(trx, region.id)) };
    },
  );

  app.post(
    '/regions/:region/webhooks',
    {
      config: MANAGE,
      schema: {
        operationId: 'createWebhookEndpoint',
        tags: TAGS,
        summary: 'Register an endpoint; its signing secret is in this response and nowhere else',
        description: 'The URL is checked now and before every delivery: https (http only in development), and no private, loopback, link-local or other non-public address unless the operator allowed its network.',
        security: WEBHOOK_SECURITY,
        params: RegionParams,
        querystring: NoQuery,
        body: Type.Ref(NewWebhookEndpointSchema),
        response: { 201: Type.Ref(CreatedWebhookEndpointSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await manageWebhooks(app, request, request.params.region);
      const url = await checkedUrl(request.body.url);
      const id = randomUUID();
      const secret = generateWebhookSecret();
      const created = await run(async (trx) => {
        await insertEndpoint(trx, {
          id,
          regionId: region.id,
          url,
          description: request.body.description ?? '',
          eventTypes: request.body.eventTypes,
          sealedSecret: options.secrets.seal(id, secret),
          createdBy: actorOf(principal),
        });
        const row = (await findEndpoint(trx, region.id, id))!;
        await recordAudit(trx, { regionId: region.id, actor: actorOf(principal), action: 'webhook_endpoint.created', entityType: 'webhook_endpoint', entityId: id, after: row.endpoint, requestId: request.id });
        return row;
      });
      return reply
        .code(201)
        .header('location', `/v1/regions/${region.slug}/webhooks/${id}`)
        .header('etag', entityTag({ id, rowVersion: created.rowVersion }))
        .header('cache-control', 'no-store')
        .send({ endpoint: created.endpoint, secret });
    },
  );

  app.get(
    '/regions/:region/webhooks/:endpointId',
    {
      config: MANAGE,
      schema: {
        operationId: 'getWebhookEndpoint',
        tags: TAGS,
        summary: 'Get one endpoint, with its delivery health and its ETag',
        security: WEBHOOK_SECURITY,
        params: EndpointParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(WebhookEndpointSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, run } = await manageWebhooks(app, request, request.params.region);
      const row = await run((trx) => findEndpoint(trx, region.id, request.params.endpointId));
      if (!row) throw notFound(`No webhook endpoint ${request.params.endpointId} in ${region.slug}`);
      return reply.header('etag', entityTag({ id: row.endpoint.id, rowVersion: row.rowVersion })).send(row.endpoint);
    },
  );

  app.patch(
    '/regions/:region/webhooks/:endpointId',
    {
      config: MANAGE,
      schema: {
        operationId: 'updateWebhookEndpoint',
        tags: TAGS,
        summary: 'Change an endpoint’s URL, events or description, or disable and enable it',
        description: 'enabled: false stops deliveries (they wait); enabled: true starts them again, clears the failure record, and sends what waited. If-Match: the endpoint’s ETag.',
        security: WEBHOOK_SECURITY,
        params: EndpointParams,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        body: Type.Ref(WebhookEndpointPatchSchema),
        response: { 200: Type.Ref(WebhookEndpointSchema), ...problemResponses(400, 401, 403, 404, 412, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await manageWebhooks(app, request, request.params.region);
      const ifMatch = requireIfMatch(request);
      const body = request.body;
      const url = body.url === undefined ? undefined : await checkedUrl(body.url);
      const updated = await run(async (trx) => {
        const before = await findEndpoint(trx, region.id, request.params.endpointId, true);
        if (!before) throw notFound(`No webhook endpoint ${request.params.endpointId} in ${region.slug}`);
        checkIfMatch(ifMatch, { id: before.endpoint.id, rowVersion: before.rowVersion });
        const change: EndpointChange = {
          ...(url !== undefined ? { url } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.eventTypes !== undefined ? { eventTypes: body.eventTypes } : {}),
        };
        if (body.enabled === true && !before.endpoint.enabled) change.enabled = true;
        if (body.enabled === false && before.endpoint.enabled) change.enabled = { reason: `disabled by ${actorOf(principal)}` };
        await updateEndpoint(trx, region.id, before.endpoint.id, change);
        const after = (await findEndpoint(trx, region.id, before.endpoint.id))!;
        await recordAudit(trx, {
          regionId: region.id,
          actor: actorOf(principal),
          action: change.enabled === true ? 'webhook_endpoint.enabled' : change.enabled ? 'webhook_endpoint.disabled' : 'webhook_endpoint.updated',
          entityType: 'webhook_endpoint',
          entityId: before.endpoint.id,
          before: before.endpoint,
          after: after.endpoint,
          requestId: request.id,
        });
        return after;
      });
      return reply.header('etag', entityTag({ id: updated.endpoint.id, rowVersion: updated.rowVersion })).send(updated.endpoint);
    },
  );

  app.delete(
    '/regions/:region/webhooks/:endpointId',
    {
      config: MANAGE,
      schema: {
        operationId: 'deleteWebhookEndpoint',
        tags: TAGS,
        summary: 'Remove an endpoint, with its deliveries and their log',
        description: 'If-Match: the endpoint’s ETag.',
        security: WEBHOOK_SECURITY,
        params: EndpointParams,
        headers: IfMatchHeaders,
        querystring: NoQuery,
        response: { 204: Type.Null({ description: 'Removed' }), ...problemResponses(400, 401, 403, 404, 412, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await manageWebhooks(app, request, request.params.region);
      const ifMatch = requireIfMatch(request);
      await run(async (trx) => {
        const before = await findEndpoint(trx, region.id, request.params.endpointId, true);
        if (!before) throw notFound(`No webhook endpoint ${request.params.endpointId} in ${region.slug}`);
        checkIfMatch(ifMatch, { id: before.endpoint.id, rowVersion: before.rowVersion });
        await deleteEndpoint(trx, region.id, before.endpoint.id);
        await recordAudit(trx, { regionId: region.id, actor: actorOf(principal), action: 'webhook_endpoint.deleted', entityType: 'webhook_endpoint', entityId: before.endpoint.id, before: before.endpoint, requestId: request.id });
      });
      return reply.code(204).send();
    },
  );
};

export default webhookEndpointRoutes;
