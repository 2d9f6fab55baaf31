import rateLimit from '@fastify/rate-limit';
import { PROBLEM_TYPES } from '@oppvekst/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../http/problems.js';

export interface RateLimitOptions {
  /** Requests per authenticated subject or API client in each window. */
  max: number;
  /** Requests per address in each window for callers without a token. */
  anonymousMax?: number;
  timeWindowMs: number;
}

/** The budget a request counts against: its subject or client when it has a token, else its address. */
export function rateLimitKey(request: FastifyRequest): string {
  const identity = request.identity;
  if (identity?.kind === 'client') return `client:${identity.clientId}`;
  if (identity?.kind === 'user') return `user:${identity.subject}`;
  return `ip:${request.ip}`;
}

/**
 * A budget of requests per caller and window; past it, 429 problem+json with
 * Retry-After. The route-level hook runs after authentication, so the key is
 * the verified caller, never a claim an attacker could borrow.
 */
export default fp(
  async function rateLimiting(app: FastifyInstance, options: RateLimitOptions) {
    const anonymousMax = options.anonymousMax ?? options.max;
    await app.register(rateLimit, {
      global: true,
      max: (_request, key) => (key.startsWith('ip:') ? anonymousMax : options.max),
      timeWindow: options.timeWindowMs,
      keyGenerator: rateLimitKey,
      // Health checks come from load balancers and orchestrators, never throttled.
      allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
      errorResponseBuilder: (_request, context) =>
        new HttpProblem(
          429,
          PROBLEM_TYPES.rateLimited,
          'Too many requests',
          `More than ${context.max} requests in ${context.after}; try again after the time in Retry-After.`,
        ),
    });
  },
  { name: 'rate-limit' },
);
