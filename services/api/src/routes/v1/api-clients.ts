import { ApiClientListSchema, CreatedApiClientSchema, NewApiClientSchema, NoQuery, Slug, Uuid } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { findApiClient, insertApiClient, listApiClients, revokeApiClient } from '../../access/api-client.repository.js';
import { hashClientSecret, newClientSecret } from '../../access/client-secret.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { actorOf } from '../../http/authorization.js';
import { notFound } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';
import { administerRegion } from './lookups.js';

const RegionParams = Type.Object({ region: Slug }, { additionalProperties: false });
const ClientParams = Type.Object({ region: Slug, clientId: Uuid }, { additionalProperties: false });

/** Integrations of a region: API clients that exchange their secret for short-lived tokens at issueToken. */
const apiClientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions/:region/api-clients',
    {
      schema: {
        operationId: 'listApiClients',
        tags: ['access'],
        summary: 'List the region’s API clients, revoked ones included',
        security: [{ bearer: [] }],
        params: RegionParams,
        querystring: NoQuery,
        response: { 200: Type.Ref(ApiClientListSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { region, run } = await administerRegion(app, request, request.params.region);
      return { items: await run((trx) => listApiClients(trx, region.id)) };
    },
  );

  app.post(
    '/regions/:region/api-clients',
    {
      schema: {
        operationId: 'createApiClient',
        tags: ['access'],
        summary: 'Create an API client; its secret is in this response and nowhere else',
        security: [{ bearer: [] }],
        params: RegionParams,
        querystring: NoQuery,
        body: Type.Ref(NewApiClientSchema),
        response: { 201: Type.Ref(CreatedApiClientSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await administerRegion(app, request, request.params.region);
      const secret = newClientSecret();
      const secretHash = await hashClientSecret(secret);
      const client = await run(async (trx) => {
        const id = await insertApiClient(trx, { regionId: region.id, name: request.body.name, scopes: request.body.scopes, secretHash, createdBy: actorOf(principal) });
        const created = (await findApiClient(trx, region.id, id))!;
        await recordAudit(trx, {
          regionId: region.id,
          actor: actorOf(principal),
          action: 'api_client.created',
          entityType: 'api_client',
          entityId: id,
          after: created,
          requestId: request.id,
        });
        return created;
      });
      return reply
        .code(201)
        .header('location', `/v1/regions/${region.slug}/api-clients/${client.id}`)
        .header('cache-control', 'no-store')
        .send({ client, clientSecret: secret });
    },
  );

  app.delete(
    '/regions/:region/api-clients/:clientId',
    {
      schema: {
        operationId: 'revokeApiClient',
        tags: ['access'],
        summary: 'Revoke an API client: its tokens stop working at once',
        description: 'The client stays listed, with revokedAt, for the record. Revoking it again changes nothing.',
        security: [{ bearer: [] }],
        params: ClientParams,
        querystring: NoQuery,
        response: { 204: Type.Null({ description: 'Revoked' }), ...problemResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { region, principal, run } = await administerRegion(app, request, request.params.region);
      await run(async (trx) => {
        const before = await findApiClient(trx, region.id, request.params.clientId);
        if (!before) throw notFound(`No API client ${request.params.clientId} in ${region.slug}`);
        if (before.revokedAt) return;
        await revokeApiClient(trx, region.id, before.id);
        await recordAudit(trx, {
          regionId: region.id,
          actor: actorOf(principal),
          action: 'api_client.revoked',
          entityType: 'api_client',
          entityId: before.id,
          before,
          after: await findApiClient(trx, region.id, before.id),
          requestId: request.id,
        });
      });
      return reply.code(204).send();
    },
  );
};

export default apiClientRoutes;
