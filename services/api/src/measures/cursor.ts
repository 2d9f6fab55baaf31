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

/** From when changes are wanted: after a change number (exact), or from a moment. */
export type Since = { seq: string } | { time: Date };

const encode = (text: string) => Buffer.from(text).toString('base64url');
const decode = (text: string) => Buffer.from(text, 'base64url').toString('utf8').split(':');

const invalid = (field: string, message: string) => badRequest(`${field}: ${message}`, [{ field: `querystring/${field}`, message }]);
const unknownCursor = () => invalid('cursor', 'unknown cursor');

export const encodeListCursor = (key: ListKey) => encode(`m:${key.identityId}`);
export const encodeChangeCursor = (key: ChangeKey) => encode(`c:${key.seq}:${key.identityId}`);
export const encodeSince = (seq: string) => encode(`s:${seq}`);

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
    const [tag, seq = '', ...rest] = decode(value);
    if (tag === 's' && SEQ.test(seq) && !rest.length) return { seq };
  }
  throw invalid('updatedSince', 'a nextUpdatedSince this API handed out, or an RFC 3339 date-time such as 2026-01-01T00:00:00Z (a "+" offset must be sent as %2B)');
}
