import rateLimit from '@fastify/rate-limit';
import { PROBLEM_TYPES } from '@oppvekst/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../http/problems.js';

export interface RateLimitOptions {
  max: number;
  timeWindowMs: number;
}

/**
 * A budget of requests per client and window; past it, 429 problem+json with
 * Retry-After. Anonymous callers are counted by address; authenticated ones
 * will be counted by subject or API client once tokens exist.
 */
export default fp(
  async function rateLimiting(app: FastifyInstance, options: RateLimitOptions) {
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: options.timeWindowMs,
      keyGenerator: (request) => `ip:${request.ip}`,
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
