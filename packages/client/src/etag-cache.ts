export interface CachedAnswer {
  etag: string;
  body: string;
  contentType: string | null;
}

/**
 * Answers kept by URL with their ETag, so a repeated GET asks with
 * If-None-Match and a 304 costs the API almost nothing. Least recently used
 * entries go first once it is full.
 */
export class EtagCache {
  private readonly entries = new Map<string, CachedAnswer>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, answer: CachedAnswer): void {
    this.entries.delete(key);
    this.entries.set(key, answer);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
