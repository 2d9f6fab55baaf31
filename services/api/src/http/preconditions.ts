import { PROBLEM_TYPES } from '@oppvekst/contracts';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';

/**
 * Optimistic concurrency with strong entity tags (RFC 9110 § 8.8.3, § 13.1.1).
 * A tag names one row in one state: its id and its row_version, which a
 * trigger moves on with every update. Writes must send the tag they last saw
 * in If-Match; without one the answer is 428 (RFC 6585), with a stale one 412.
 */

export interface Versioned {
  id: string;
  rowVersion: number;
}

export const entityTag = (v: Versioned) => `"${v.id}.${v.rowVersion}"`;

/** The tags in an If-Match header, or '*' for any. Weak tags never match (strong comparison). */
export function parseIfMatch(header: string | undefined): string[] | '*' | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => /^"[^"]*"$/.test(tag));
}

export const preconditionRequired = () =>
  new HttpProblem(
    428,
    PROBLEM_TYPES.preconditionRequired,
    'Precondition required',
    'Send If-Match with the ETag you last read, so that nobody’s change is overwritten',
  );

export const preconditionFailed = (current: string) =>
  new HttpProblem(
    412,
    PROBLEM_TYPES.preconditionFailed,
    'Precondition failed',
    'The resource has changed since you read it; read it again and reapply your change',
    { currentEtag: current },
    { etag: current },
  );

/** The request's If-Match, or a 428 problem. Call before any work is done. */
export function requireIfMatch(request: FastifyRequest): string[] | '*' {
  const header = request.headers['if-match'];
  const parsed = parseIfMatch(Array.isArray(header) ? header.join(',') : header);
  if (parsed === undefined) throw preconditionRequired();
  return parsed;
}

/** 412 unless the resource's current tag is among those sent. */
export function checkIfMatch(sent: string[] | '*', current: Versioned | string): void {
  const tag = typeof current === 'string' ? current : entityTag(current);
  if (sent !== '*' && !sent.includes(tag)) throw preconditionFailed(tag);
}
