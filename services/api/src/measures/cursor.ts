import { badRequest } from '../http/problems.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque keyset cursor: the stable id of the last measure on the previous page. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`m:${lastId}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('m:') ? decoded.slice(2) : '';
  if (!UUID.test(id)) throw badRequest('cursor is not one this API handed out', [{ field: 'querystring/cursor', message: 'unknown cursor' }]);
  return id;
}
