/**
 * Complete plans as sent, by their strong ETag. The tag names the adopted
 * versions merged (which never change) and the row versions of every
 * directory row whose name the plan shows, so an entry is never stale: when
 * anything in a plan changes, its tag does, and the old entry is simply not
 * asked for again. Least recently used entries go first once the budget is spent.
 */
export class PlanCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(tag: string): string | undefined {
    const body = this.entries.get(tag);
    if (body !== undefined) {
      this.entries.delete(tag);
      this.entries.set(tag, body);
    }
    return body;
  }

  set(tag: string, body: string): void {
    if (body.length > this.maxBytes / 4) return;
    const old = this.entries.get(tag);
    if (old !== undefined) this.bytes -= old.length;
    this.entries.delete(tag);
    this.entries.set(tag, body);
    this.bytes += body.length;
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= value.length;
    }
  }
}
