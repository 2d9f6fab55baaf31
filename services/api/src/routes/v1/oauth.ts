import formbody from '@fastify/formbody';
import { PROBLEM_TYPES, TokenRequestSchema, TokenResponseSchema, NoQuery } from '@oppvekst/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { checkClientCredentials } from '../../access/issue-client-token.js';
import { isUuid } from '../../auth/identity.js';
import { HttpProblem } from '../../http/problems.js';
import { problemResponses } from '../../http/responses.js';

export interface OAuthRouteOptions {
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

/** An OAuth error (RFC 6749 § 5.2) as problem+json, keeping the `error` code OAuth clients look for. */
const oauthError = (status: 400 | 401, error: string, detail: string) =>
  new HttpProblem(
    status,
    status === 401 ? PROBLEM_TYPES.unauthorized : PROBLEM_TYPES.validation,
    status === 401 ? 'Unauthorized' : 'Invalid request',
    detail,
    { error, error_description: detail },
    status === 401 ? { 'www-authenticate': 'Basic realm="oppvekst"' } : {},
  );

/** Client credentials from HTTP Basic (RFC 6749 § 2.3.1), which every OAuth client library can send. */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const encoded = header && /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { clientId: '', clientSecret: '' };
  try {
    // RFC 6749 § 2.3.1: both parts are form-encoded before they are joined.
    return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return { clientId: '', clientSecret: '' }; // malformed %-escapes: answered as invalid_client
  }
}

const oauthRoutes: FastifyPluginAsyncTypebox<OAuthRouteOptions> = async (app, options) => {
  // Forms only here: the rest of the API speaks JSON.
  await app.register(formbody, { bodyLimit: 4096 });

  app.post(
    '/oauth/token',
    {
      config: {
        bearer: false,
        // Each attempt costs a slow hash: a tight budget per address.
        rateLimit: { max: options.rateLimitMax, timeWindow: options.rateLimitWindowMs, keyGenerator: (request) => `token:${request.ip}` },
      },
      schema: {
        operationId: 'issueToken',
        tags: ['access'],
        summary: 'Exchange an API client’s id and secret for a short-lived token (OAuth 2.0 client credentials)',
        description:
          'Send `application/x-www-form-urlencoded` or JSON. The client may authenticate with HTTP Basic instead of ' +
          '`client_id` and `client_secret` in the body. Errors carry the OAuth `error` code beside the problem fields.',
        security: [],
        querystring: NoQuery,
        body: Type.Ref(TokenRequestSchema),
        response: { 200: Type.Ref(TokenResponseSchema), ...problemResponses(400, 401, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.grant_type !== 'client_credentials') {
        throw oauthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is offered');
      }
      const basic = basicCredentials(request.headers.authorization);
      if (basic && (body.client_id || body.client_secret)) {
        throw oauthError(400, 'invalid_request', 'Send the client’s credentials once: in the Authorization header or in the body');
      }
      const clientId = basic?.clientId ?? body.client_id;
      const clientSecret = basic?.clientSecret ?? body.client_secret;
      if (!clientId || !clientSecret || !isUuid(clientId.toLowerCase())) {
        throw oauthError(401, 'invalid_client', 'A client_id (uuid) and client_secret are required');
      }
      const outcome = await checkClientCredentials(app, { clientId: clientId.toLowerCase(), clientSecret, scope: body.scope });
      if ('error' in outcome) throw oauthError(outcome.error === 'invalid_client' ? 401 : 400, outcome.error, outcome.description);
      const ttl = app.clientTokenTtlSeconds;
      const token = app.tokenSigner.signClientToken(outcome.granted.clientId, outcome.granted.scopes, ttl);
      return reply
        .header('cache-control', 'no-store')
        .header('pragma', 'no-cache')
        .send({ access_token: token, token_type: 'Bearer' as const, expires_in: ttl, scope: outcome.granted.scopes.join(' ') });
    },
  );
};

export default oauthRoutes;
