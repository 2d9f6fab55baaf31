import jwt from '@fastify/jwt';
import type { ApiClientScope } from '@oppvekst/contracts';
import { createDecoder } from 'fast-jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import buildGetJwks from 'get-jwks';
import { hasScope } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { resolvePrincipal } from '../access/resolve-principal.js';
import { ANONYMOUS_IDENTITY, type Identity, identityFromClaims } from '../auth/identity.js';
import type { SigningKey } from '../auth/signing-key.js';
import { createTokenSigner, type TokenSigner } from '../auth/token-signer.js';
import type { OidcConfig } from '../config.js';
import { HttpProblem, insufficientScope, unauthorized } from '../http/problems.js';
import { PROBLEM_TYPES } from '@oppvekst/contracts';

export interface AuthenticationOptions {
  signingKey: SigningKey;
  issuer: string;
  audience: string;
  clientTokenTtlSeconds: number;
  oidc?: OidcConfig | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    tokenSigner: TokenSigner;
    clientTokenTtlSeconds: number;
  }
  interface FastifyRequest {
    /** Who the verified bearer token says the caller is; anonymous without one. */
    identity: Identity;
    /** The caller's memberships or API client, read from the database once per request. */
    principal(): Promise<Principal>;
  }
  interface FastifyContextConfig {
    /** The scope an API client's token needs for this route. */
    scope?: ApiClientScope;
    /** false: the route reads the Authorization header itself (issueToken takes HTTP Basic). */
    bearer?: boolean;
  }
}

type Verify = () => Promise<Record<string, unknown>>;
const decodeUnverified = createDecoder({ complete: false });
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;

/**
 * Bearer tokens from two trusted sources, told apart by `iss`: the service's
 * own (EdDSA, key from TOKEN_SIGNING_KEY or the data folder) and, when
 * configured, the municipalities' identity provider (OIDC, keys from its
 * JWKS). Each source has its own fixed algorithms, issuer and audience, so a
 * token cannot pass as the other kind. Any token that fails is a 401: a
 * caller that sends credentials wants them checked, even on a public route.
 */
export default fp(
  async function authentication(app: FastifyInstance, options: AuthenticationOptions) {
    const required = ['sub', 'exp', 'iss', 'aud'];
    await app.register(jwt, {
      namespace: 'self',
      secret: { public: options.signingKey.publicKeyPem },
      verify: { algorithms: ['EdDSA'], allowedIss: options.issuer, allowedAud: options.audience, requiredClaims: required },
    });
    const oidc = options.oidc;
    if (oidc) {
      const keys = jwksSource(oidc);
      await app.register(jwt, {
        namespace: 'oidc',
        decode: { complete: true },
        secret: (_request: FastifyRequest, token: { header: { alg?: string; kid?: string } }) =>
          keys.getPublicKey({ domain: keys.domain, alg: token.header.alg, kid: token.header.kid }),
        verify: { algorithms: oidc.algorithms as never, allowedIss: oidc.issuer, allowedAud: oidc.audience, requiredClaims: required },
      } as never);
    }

    app.decorate('tokenSigner', createTokenSigner(options.signingKey, { issuer: options.issuer, audience: options.audience }));
    app.decorate('clientTokenTtlSeconds', options.clientTokenTtlSeconds);
    app.decorateRequest('identity', null as never);
    app.decorateRequest('principal', null as never);

    app.addHook('onRequest', async (request) => {
      request.identity = request.routeOptions.config.bearer === false ? ANONYMOUS_IDENTITY : await authenticate(request, options);
      let resolved: Promise<Principal> | undefined;
      request.principal = () => (resolved ??= resolvePrincipal(app, request.identity));
    });

    // An API client is checked against the database on every request, so a
    // revoked client's tokens stop working at once, and held to its scopes.
    app.addHook('preHandler', async (request) => {
      if (request.identity.kind !== 'client') return;
      const principal = await request.principal();
      const scope = request.routeOptions.config.scope;
      if (scope && !hasScope(principal, scope)) throw insufficientScope(scope);
    });
  },
  { name: 'authentication', dependencies: ['database'] },
);

async function authenticate(request: FastifyRequest, options: AuthenticationOptions): Promise<Identity> {
  const header = request.headers.authorization;
  if (header === undefined) return ANONYMOUS_IDENTITY;
  const token = BEARER.exec(header)?.[1];
  if (!token) throw unauthorized('Send credentials as "Authorization: Bearer <token>"');
  let issuer: unknown;
  try {
    issuer = (decodeUnverified(token) as { iss?: unknown }).iss;
  } catch {
    throw unauthorized('The token is not a readable JWT');
  }
  const source = issuer === options.issuer ? 'self' : options.oidc && issuer === options.oidc.issuer ? 'oidc' : undefined;
  if (!source) throw unauthorized('The token’s issuer is not trusted here');

  let claims: Record<string, unknown>;
  try {
    claims = await (request as unknown as Record<string, Verify>)[source === 'self' ? 'selfJwtVerify' : 'oidcJwtVerify']!.call(request);
  } catch (error) {
    if (isKeySourceDown(error)) {
      throw new HttpProblem(503, PROBLEM_TYPES.unavailable, 'Service unavailable', 'The identity provider’s keys cannot be fetched right now; try again shortly.');
    }
    throw unauthorized(error instanceof Error ? error.message : 'The token was refused');
  }
  const identity = identityFromClaims(claims, source);
  if ('refused' in identity) throw unauthorized(identity.refused);
  return identity;
}

function jwksSource(oidc: OidcConfig) {
  if (!oidc.jwksUrl) {
    return { domain: oidc.issuer, ...buildGetJwks({ providerDiscovery: true, ttl: 10 * 60_000, max: 50 }) };
  }
  const url = new URL(oidc.jwksUrl);
  return { domain: url.origin, ...buildGetJwks({ jwksPath: `${url.pathname}${url.search}`, ttl: 10 * 60_000, max: 50 }) };
}

/** Whether verification failed because the identity provider could not be reached, not because of the token. */
function isKeySourceDown(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'JWKS_REQUEST_FAILED' || code === 'OPENID_CONFIGURATION_REQUEST_FAILED' || code === 'NO_JWKS_URI') return true;
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}
