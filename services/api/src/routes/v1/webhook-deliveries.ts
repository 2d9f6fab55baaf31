import { NoQuery, Slug, Uuid, WebhookDeliveryPageSchema, WebhookDeliverySchema } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { recordAudit } from '../../audit/audit.repository.js';
import { actorOf } from '../../http/authorization.js';
import { conflict, notFound } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { decodeLogCursor, encodeLogCursor, findDelivery, listDeliveries, readDelivery, requestRedelivery } from '../../webhooks/delivery-log.repository.js';
import { findEndpoint } from '../../webhooks/endpoint.repository.js';
import { manageWebhooks } from '../../webhooks/webhook-access.js';
import { EndpointParams, MANAGE, WEBHOOK_SECURITY } from './webhook-endpoints.js';

const DeliveryParams = Type.Object({ region: Slug, endpointId: Uuid, deliveryId: Uuid }, { additionalProperties: false });
const LogQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the page before.' })),
  },
  { additionalProperties: false },
);
const TAGS = ['webhooks'];

/** Each endpoint's delivery log, and redelivery of one event to it. */
const webhookDeliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions/:region/webhooks/:endpointId/deliveries',
    {
      config: MANAGE,
      schema: {
        operationId: 'listWebhookDeliveries',
        tags: TAGS,
        summary: 'The endpoint’s delivery log, newest first: every event sent to it and every attempt',
        security: WEBHOOK_SECURITY,
        params: EndpointParams,
        querystring: LogQuery,
        response: { 200: Type.Ref(WebhookDeliveryPageSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const cursor = request.query.cursor === undefined ? undefined : decodeLogCursor(request.query.cursor);
      const { region, run } = await manageWebhooks(app, request, request.params.region);
      return run(async (trx) => {
        if (!(await findEndpoint(trx, region.id, request.params.endpointId))) throw notFound(`No webhook endpoint ${request.params.endpointId} in ${region.slug}`);
        const { items, next } = await listDeliveries(trx, request.params.endpointId, request.query.limit ?? 50, cursor);
        return { items, nextCursor: next ? encodeLogCursor(next) : null };
      });
    },
  );

  app.post(
    '/regions/:region/webhooks/:endpointId/deliveries/:deliveryId/redelivery',
    {
      config: MANAGE,
      schema: {
        operationId: 'redeliverWebhook',
        tags: TAGS,
        summary: 'Send an event to the endpoint once more, now, with the same webhook-id',
        description: 'One manual attempt, whatever became of the earlier ones. 409 while the endpoint is disabled or an attempt is in flight.',
        security: WEBHOOK_SECURITY,
        params: DeliveryParams,
        querystring: NoQuery,
        response: { 202: Type.Ref(WebhookDeliverySchema), ...problemResponses(400, 401, 403, 404, 409, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await manageWebhooks(app, request, request.params.region);
      const { endpointId, deliveryId } = request.params;
      const delivery = await run(async (trx) => {
        const endpoint = await findEndpoint(trx, region.id, endpointId, true);
        if (!endpoint) throw notFound(`No webhook endpoint ${endpointId} in ${region.slug}`);
        const current = await findDelivery(trx, endpointId, deliveryId, true);
        if (!current) throw notFound(`No delivery ${deliveryId} to endpoint ${endpointId}`);
        if (!endpoint.endpoint.enabled) throw conflict('The endpoint is disabled: enable it first (updateWebhookEndpoint with enabled: true)');
        if (current.inFlight) throw conflict('An attempt to deliver this event is in flight; look at the log again shortly');
        await requestRedelivery(trx, current);
        const after = (await readDelivery(trx, endpointId, deliveryId))!;
        await recordAudit(trx, {
          regionId: region.id,
          actor: actorOf(principal),
          action: 'webhook_endpoint.redelivery_requested',
          entityType: 'webhook_endpoint',
          entityId: endpointId,
          after: { deliveryId, webhookId: after.webhookId, eventType: after.eventType },
          requestId: request.id,
        });
        return after;
      });
      return reply.code(202).send(delivery);
    },
  );
};

export default webhookDeliveryRoutes;
