import { badRequest } from '../http/problems.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a page ends: the stable id and the row id of its last measure (together unique). */
export interface MeasureKey {
  identityId: string;
  rowId: string;
}

/** Opaque to clients; they only hand it back. */
export function encodeCursor(key: MeasureKey): string {
  return Buffer.from(`m:${key.identityId}:${key.rowId}`).toString('base64url');
}

export function decodeCursor(cursor: string): MeasureKey {
  const [tag, identityId = '', rowId = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (tag !== 'm' || !UUID.test(identityId) || !UUID.test(rowId)) {
    throw badRequest('cursor is not one this API handed out', [{ field: 'querystring/cursor', message: 'unknown cursor' }]);
  }
  return { identityId, rowId };
}
