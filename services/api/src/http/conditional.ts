import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header.split(',').flatMap((part) => {
    const [range = '', ...params] = part.trim().split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return [{ type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 }];
  });
}

/**
 * The offered media type the client prefers (by q, then by the order
 * offered), or a 406 problem when it accepts none of them. No Accept header
 * accepts anything.
 */
export function negotiate<T extends string>(request: FastifyRequest, offered: readonly T[]): T {
  const header = request.headers.accept;
  if (!header || !header.trim()) return offered[0]!;
  const ranges = parseAccept(header);
  let best: { type: T; q: number } | undefined;
  for (const type of offered) {
    const [t, s] = type.split('/');
    // The most specific range that covers the type decides its q.
    const match = ranges
      .filter((r) => (r.type === t || r.type === '*') && (r.subtype === s || r.subtype === '*'))
      .sort((a, b) => Number(b.type !== '*') + Number(b.subtype !== '*') - (Number(a.type !== '*') + Number(a.subtype !== '*')))[0];
    if (match && match.q > 0 && (!best || match.q > best.q)) best = { type, q: match.q };
  }
  if (!best) {
    throw new HttpProblem(406, PROBLEM_TYPES.notAcceptable, 'Not acceptable', `This resource is available as ${offered.join(' or ')}`);
  }
  return best.type;
}
