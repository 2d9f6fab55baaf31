/**
 * Counts refused credentials per address. A refused token never reaches the
 * rate limiter (which counts verified callers), so without this an address
 * could send bad tokens, or tokens naming made-up keys, without limit.
 */
export interface FailureBudget {
  /** Seconds until the address may try again, or 0 when it still has budget. */
  retryAfter(address: string): number;
  record(address: string): void;
}

export function createFailureBudget(options: { max: number; windowMs: number; maxAddresses?: number }): FailureBudget {
  const maxAddresses = options.maxAddresses ?? 50_000;
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (address: string) => {
    const entry = windows.get(address);
    if (entry && entry.resetAt <= Date.now()) {
      windows.delete(address);
      return undefined;
    }
    return entry;
  };
  return {
    retryAfter(address) {
      const entry = current(address);
      return entry && entry.count >= options.max ? Math.ceil((entry.resetAt - Date.now()) / 1000) : 0;
    },
    record(address) {
      const entry = current(address);
      if (entry) {
        entry.count += 1;
        return;
      }
      // Bounded memory: the oldest address makes room (a Map keeps insertion order).
      if (windows.size >= maxAddresses) windows.delete(windows.keys().next().value!);
      windows.set(address, { count: 1, resetAt: Date.now() + options.windowMs });
    },
  };
}
