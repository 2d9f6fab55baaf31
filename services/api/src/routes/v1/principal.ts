import { NoQuery, PrincipalSchema, type Principal as PrincipalJson } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireSignedIn, type SignedIn } from '../../http/authorization.js';
import { problemResponses } from '../../http/responses.js';

function toJson(principal: SignedIn): PrincipalJson {
  if (principal.kind === 'client') {
    const { id, name, region, scopes } = principal.client;
    return { kind: 'client', subject: principal.subject, platformAdmin: false, memberships: [], client: { id, name, region, scopes } };
  }
  return {
    kind: 'user',
    subject: principal.subject,
    platformAdmin: principal.platformAdmin,
    memberships: principal.grants.map(({ region, role, municipality, service }) => ({ region, role, municipality, service })),
    client: null,
  };
}

const principalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      schema: {
        operationId: 'getCurrentPrincipal',
        tags: ['access'],
        summary: 'Who the token belongs to, and the roles it holds',
        description: 'Roles come from memberships kept in the database, not from the token, so this shows what the caller may do now.',
        security: [{ bearer: [] }],
        querystring: NoQuery,
        response: { 200: Type.Ref(PrincipalSchema), ...problemResponses(400, 401, 429, 503) },
      },
    },
    async (request) => toJson(requireSignedIn(await request.principal())),
  );
};

export default principalRoutes;
