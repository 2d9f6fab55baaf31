import jwt from '@fastify/jwt';
import { type ApiClientScope, PROBLEM_TYPES } from '@oppvekst/contracts';
import { createDecoder } from 'fast-jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasScope } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { resolvePrincipal } from '../access/resolve-principal.js';
import { createFailureBudget, type FailureBudget } from '../auth/failure-budget.js';
import { ANONYMOUS_IDENTITY, type Identity, identityFromClaims } from '../auth/identity.js';
import { createJwksSource, KeySourceUnavailable } from '../auth/jwks.js';
import type { SigningKey } from '../auth/signing-key.js';
import { createTokenSigner, type TokenSigner } from '../auth/token-signer.js';
import type { OidcConfig } from '../config.js';
import { HttpProblem, insufficientScope, unauthorized } from '../http/problems.js';

export interface AuthenticationOptions {
  signingKey: SigningKey;
  issuer: string;
  audience: string;
  clientTokenTtlSeconds: number;
  oidc?: OidcConfig | undefined;
  /** Refused tokens allowed per address and window before 429 (default: 300 a minute). */
  failedAttempts?: { max: number; windowMs: number };
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
      const keys = createJwksSource({ issuer: oidc.issuer, jwksUrl: oidc.jwksUrl });
      await app.register(jwt, {
        namespace: 'oidc',
        decode: { complete: true },
        secret: (_request: FastifyRequest, token: { header: { kid?: string } }) => keys.keyFor(token.header.kid),
        verify: { algorithms: oidc.algorithms as never, allowedIss: oidc.issuer, allowedAud: oidc.audience, requiredClaims: required },
      } as never);
    }

    app.decorate('tokenSigner', createTokenSigner(options.signingKey, { issuer: options.issuer, audience: options.audience }));
    app.decorate('clientTokenTtlSeconds', options.clientTokenTtlSeconds);
    app.decorateRequest('identity', null as never);
    app.decorateRequest('principal', null as never);

    const failures = createFailureBudget(options.failedAttempts ?? { max: 300, windowMs: 60_000 });
    app.addHook('onRequest', async (request) => {
      request.identity = request.routeOptions.config.bearer === false ? ANONYMOUS_IDENTITY : await authenticate(request, options, failures);
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

async function authenticate(request: FastifyRequest, options: AuthenticationOptions, failures: FailureBudget): Promise<Identity> {
  const header = request.headers.authorization;
  if (header === undefined) return ANONYMOUS_IDENTITY;
  const retryAfter = failures.retryAfter(request.ip);
  if (retryAfter > 0) {
    throw new HttpProblem(429, PROBLEM_TYPES.rateLimited, 'Too many requests', 'Too many refused tokens from this address; try again after the time in Retry-After.', {}, {
      'retry-after': String(retryAfter),
    });
  }
  try {
    return await verify(request, header, options);
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 401) failures.record(request.ip);
    throw error;
  }
}

async function verify(request: FastifyRequest, header: string, options: AuthenticationOptions): Promise<Identity> {
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
    if (error instanceof KeySourceUnavailable) {
      throw new HttpProblem(503, PROBLEM_TYPES.unavailable, 'Service unavailable', 'The identity provider’s keys cannot be fetched right now; try again shortly.');
    }
    throw unauthorized(error instanceof Error ? error.message : 'The token was refused');
  }
  const identity = identityFromClaims(claims, source);
  if ('refused' in identity) throw unauthorized(identity.refused);
  return identity;
}
