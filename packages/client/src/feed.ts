import type { MeasureChange, MeasureChangePage, MeasureListItem, MeasurePage } from '@oppvekst/contracts';
import type { OppvekstClient } from './client.js';
import type { Operations } from './operations.js';

/** The feed's filters and scope: everything but the paging. */
export type FeedQuery = Omit<Operations['listMeasures']['query'], 'cursor' | 'updatedSince'>;

/** Where a mirror keeps its copy. Both may be async (a database, a search index). */
export interface MirrorStore {
  upsert(measure: MeasureListItem): unknown;
  remove(id: string): unknown;
}

export interface SyncResult {
  /** Keep it, and pass it to the next sync: nothing before it is sent again. */
  since: string;
  upserted: number;
  removed: number;
}

/** The start of time, for a first sync. */
export const FROM_THE_BEGINNING = '1970-01-01T00:00:00Z';

export class MeasureFeed {
  constructor(private readonly client: OppvekstClient) {}

  /** Every page of the feed, following `nextCursor` until the last. */
  async *pages(query: FeedQuery = {}): AsyncGenerator<MeasurePage> {
    let cursor: string | undefined;
    do {
      const page = (await this.client.call('listMeasures', { query: { ...query, ...(cursor ? { cursor } : {}) } })) as MeasurePage;
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** Every measure of the feed, page by page. */
  async *all(query: FeedQuery = {}): AsyncGenerator<MeasureListItem> {
    for await (const page of this.pages(query)) yield* page.items;
  }

  /** Every change since `since`, page by page; the last page carries the next `since`. */
  async *changes(query: FeedQuery, since: string): AsyncGenerator<MeasureChangePage> {
    let cursor: string | undefined;
    do {
      const page = (await this.client.call('listMeasures', {
        query: { ...query, updatedSince: since, ...(cursor ? { cursor } : {}) },
      })) as MeasureChangePage;
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /**
   * Brings `store` up to date with the feed: upserts what changed, removes
   * what left the view (tombstones, and measures that no longer match the
   * filters). Start with `since` undefined for a full copy; keep the returned
   * `since` for next time. Applying a change twice is harmless, so a sync that
   * fails halfway can simply be run again from the same `since`.
   */
  async sync(query: FeedQuery, since: string | undefined, store: MirrorStore): Promise<SyncResult> {
    const result: SyncResult = { since: since ?? FROM_THE_BEGINNING, upserted: 0, removed: 0 };
    for await (const page of this.changes(query, since ?? FROM_THE_BEGINNING)) {
      for (const change of page.items) await apply(change, store, result);
      if (!page.nextCursor) result.since = page.nextUpdatedSince;
    }
    return result;
  }
}

async function apply(change: MeasureChange, store: MirrorStore, result: SyncResult): Promise<void> {
  if (change.change === 'removed' || !change.measure) {
    await store.remove(change.id);
    result.removed++;
  } else {
    await store.upsert(change.measure);
    result.upserted++;
  }
}

/** A mirror in memory: the measures by id, and where to sync from next. */
export class MeasureMirror implements MirrorStore {
  readonly items = new Map<string, MeasureListItem>();
  since: string | undefined;

  constructor(
    private readonly client: OppvekstClient,
    readonly query: FeedQuery = {},
  ) {}

  upsert(measure: MeasureListItem): void {
    this.items.set(measure.id, measure);
  }

  remove(id: string): void {
    this.items.delete(id);
  }

  async sync(): Promise<SyncResult> {
    const result = await this.client.measures.sync(this.query, this.since, this);
    this.since = result.since;
    return result;
  }
}
