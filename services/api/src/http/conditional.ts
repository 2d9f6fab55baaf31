import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiate } from './negotiate.js';
import { HttpProblem } from './problems.js';
import { PROBLEM_TYPES } from '@oppvekst/contracts';

/**
 * Conditional GETs (RFC 9110 § 13.1.2) and content negotiation for the read
 * routes that integrations poll.
 */

/** A strong entity tag for exactly these bytes. */
export function bodyTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** A strong entity tag named by state rather than bytes: the same parts, the same representation. */
export function stateTag(prefix: string, parts: readonly (string | number | null)[]): string {
  return `"${prefix}-${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;
}

/** Whether If-None-Match names this tag (weak comparison, as the RFC asks for GET) or is `*`. */
export function notModified(request: FastifyRequest, tag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return value.split(',').some((t) => opaque(t) === opaque(tag));
}

/** Sends 304 with the validator and caching headers, and no body. */
export function sendNotModified(reply: FastifyReply, tag: string): FastifyReply {
  return reply.code(304).header('etag', tag).send();
}

/**
 * The offered media type the client prefers (see `negotiate.ts`), or a 406
 * problem naming the acceptable types when it accepts none of them.
 */
export function negotiateOr406<T extends string>(request: FastifyRequest, offered: readonly T[]): T {
  const chosen = negotiate(request.headers.accept, offered);
  if (chosen) return chosen;
  throw new HttpProblem(406, PROBLEM_TYPES.notAcceptable, 'Not acceptable', `This resource is available as ${offered.join(' or ')}`, {
    acceptable: [...offered],
  });
}
