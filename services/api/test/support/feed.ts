import type { MeasureChangePage, MeasureListItem, MeasurePage } from '@oppvekst/contracts';
import type { FastifyInstance } from 'fastify';
import { call } from './api.js';

/** Reads the measures feed through the API as a client would, following every cursor. */
export class FeedReader {
  constructor(
    private readonly app: FastifyInstance,
    private readonly token?: string,
  ) {}

  async page(query: string): Promise<{ status: number; body: MeasurePage & Partial<MeasureChangePage>; etag?: string }> {
    const res = await call(this.app, 'GET', `/v1/measures?${query}`, this.token ? { token: this.token } : {});
    if (res.statusCode !== 200) throw new Error(`GET /v1/measures?${query}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { status: res.statusCode, body: res.json(), ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}) };
  }

  /** Every measure the query lists, by id, in feed order. */
  async all(query: string, limit = 500): Promise<Map<string, MeasureListItem>> {
    const items = new Map<string, MeasureListItem>();
    let cursor: string | null = null;
    do {
      const { body } = await this.page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      for (const item of body.items) {
        if (items.has(item.id)) throw new Error(`${item.id} listed twice`);
        items.set(item.id, item);
      }
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  /** Applies every change since `since` to `mirror`; returns what to ask from next time. */
  async sync(query: string, mirror: Map<string, MeasureListItem>, since: string, limit = 50): Promise<string> {
    let cursor: string | null = null;
    let next = since;
    do {
      const { body } = await this.page(`${query}&updatedSince=${encodeURIComponent(since)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      for (const change of (body as unknown as MeasureChangePage).items) {
        if (change.change === 'removed') mirror.delete(change.id);
        else mirror.set(change.id, change.measure!);
      }
      cursor = body.nextCursor;
      next = body.nextUpdatedSince!;
    } while (cursor);
    return next;
  }
}

export const EPOCH = '1970-01-01T00:00:00Z';
