import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { bearer } from './auth.js';

export interface CallOptions {
  token?: string;
  payload?: unknown;
  ifMatch?: string;
  headers?: Record<string, string>;
}

/** One request to the app under test, as a client would make it. */
export function call(app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
    headers: {
      ...(options.token ? bearer(options.token) : {}),
      ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
      ...options.headers,
    },
  });
}

/** The ETag a read returned; fails loudly when there is none. */
export function etagOf(response: LightMyRequestResponse): string {
  const tag = response.headers.etag;
  if (typeof tag !== 'string') throw new Error(`no ETag on ${response.statusCode} ${response.body.slice(0, 200)}`);
  return tag;
}
