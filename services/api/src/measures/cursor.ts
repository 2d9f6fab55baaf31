import { badRequest } from '../http/problems.js';

/**
 * The opaque strings the feed hands out. Clients only give them back, so their
 * format may change; each one says what it is, and a string this API did not
 * hand out (or one from the other mode) is a 400 naming the parameter.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEQ = /^(0|[1-9][0-9]{0,17})$/;
/** RFC 3339: a date, a time and an offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Where a list page ends: the stable id of its last measure. */
export interface ListKey {
  identityId: string;
}

/** Where a page of changes ends: the change's number, then the measure's stable id. */
export interface ChangeKey {
  seq: string;
  identityId: string;
}

/**
 * Where a change number holds: the numbers come from one sequence, but
 * commits become visible in number order only within one lock domain (the
 * adopted channel; the draft channel of one region). A number seen in one
 * domain says nothing about another, so a token names its own.
 */
export type SinceScope = { channel: 'adopted' } | { channel: 'draft'; regionId: string };

/** From when changes are wanted: after a change number in a scope (exact), or from a moment. */
export type Since = { seq: string; scope: SinceScope } | { time: Date };

const encode = (text: string) => Buffer.from(text).toString('base64url');
const decode = (text: string) => Buffer.from(text, 'base64url').toString('utf8').split(':');

const invalid = (field: string, message: string) => badRequest(`${field}: ${message}`, [{ field: `querystring/${field}`, message }]);
const unknownCursor = () => invalid('cursor', 'unknown cursor');

export const encodeListCursor = (key: ListKey) => encode(`m:${key.identityId}`);
export const encodeChangeCursor = (key: ChangeKey) => encode(`c:${key.seq}:${key.identityId}`);
/** `s:<seq>:a` for the adopted channel, `s:<seq>:d:<region id>` for a region's drafts. */
export const encodeSince = (seq: string, scope: SinceScope) =>
  encode(scope.channel === 'adopted' ? `s:${seq}:a` : `s:${seq}:d:${scope.regionId}`);

const sameScope = (a: SinceScope, b: SinceScope) => a.channel === b.channel && (a.channel === 'adopted' || a.regionId === (b as { regionId: string }).regionId);

/**
 * A token used where its number says nothing: from the adopted feed on drafts,
 * from one region's drafts on another's, or the other way round. Answered 400
 * rather than read, since reading it could skip a change that commits late.
 */
export function checkSinceScope(since: Since, scope: SinceScope): void {
  if ('seq' in since && !sameScope(since.scope, scope)) {
    const from = since.scope.channel === 'adopted' ? 'the adopted feed' : 'another region’s drafts';
    const to = scope.channel === 'adopted' ? 'the adopted feed' : 'this region’s drafts';
    throw invalid('updatedSince', `a token from ${from} cannot be used on ${to}: start again from a date-time`);
  }
}

export function decodeListCursor(cursor: string): ListKey {
  // `m:<identity>:<row id>` is the form the first version of the feed handed out.
  const [tag, identityId = ''] = decode(cursor);
  if (tag !== 'm' || !UUID.test(identityId)) throw unknownCursor();
  return { identityId };
}

export function decodeChangeCursor(cursor: string): ChangeKey {
  const [tag, seq = '', identityId = '', ...rest] = decode(cursor);
  if (tag !== 'c' || !SEQ.test(seq) || !UUID.test(identityId) || rest.length) throw unknownCursor();
  return { seq, identityId };
}

/** `updatedSince`: a token from `nextUpdatedSince`, or an RFC 3339 date-time. */
export function parseSince(value: string): Since {
  if (DATE_TIME.test(value)) {
    const time = new Date(value.replace(' ', 'T'));
    const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    // Date rolls 30 February over into March; a day that does not exist is refused instead.
    const calendarDay = new Date(Date.UTC(year, month - 1, day));
    if (!Number.isNaN(time.getTime()) && calendarDay.getUTCDate() === day && calendarDay.getUTCMonth() === month - 1) return { time };
    throw invalid('updatedSince', 'not a date-time that exists');
  }
  if (/^[A-Za-z0-9_-]+$/.test(value)) {
    // The first tokens (`s:<seq>`) named no scope; they cannot be trusted anywhere and are refused.
    const [tag, seq = '', channel = '', regionId = '', ...rest] = decode(value);
    if (tag === 's' && SEQ.test(seq) && !rest.length) {
      if (channel === 'a' && !regionId) return { seq, scope: { channel: 'adopted' } };
      if (channel === 'd' && UUID.test(regionId)) return { seq, scope: { channel: 'draft', regionId } };
    }
  }
  throw invalid('updatedSince', 'a nextUpdatedSince this API handed out, or an RFC 3339 date-time such as 2026-01-01T00:00:00Z (a "+" offset must be sent as %2B)');
}
