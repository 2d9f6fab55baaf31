import autocannon from 'autocannon';

export interface Figures {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers other than the expected status. */
  errors: number;
  /** The first unexpected answer, to say what went wrong. */
  firstError?: string;
}

export interface Scenario {
  name: string;
  /** The requests, taken in turn by every connection. */
  requests: Array<{ method?: 'GET' | 'PATCH'; path: string; headers?: Record<string, string>; body?: string }>;
  expectStatus: number;
  /**
   * Writes: a request is sent by one connection at a time, with the ETag its
   * last answer gave as If-Match (kept on the request, so the next run, after
   * the warm-up, goes on from there). Give more requests than connections.
   */
  ifMatchChain?: boolean;
}

/** One autocannon run against the server on loopback. */
export async function loadTest(baseUrl: string, scenario: Scenario, options: { connections: number; seconds: number }): Promise<Figures> {
  let next = 0;
  const busy = new Set<number>();
  let unexpected = 0;
  let firstError: string | undefined;
  const chained = scenario.ifMatchChain;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    // One request after another on each connection, so that a write's next If-Match is the answer's ETag.
    pipelining: 1,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
          let slot = next++ % scenario.requests.length;
          if (chained) {
            // The next request no connection is waiting on, so no two writes race for one ETag.
            while (busy.has(slot)) slot = next++ % scenario.requests.length;
            busy.add(slot);
            context.slot = slot;
          }
          const spec = scenario.requests[slot]!;
          return { ...request, method: spec.method ?? 'GET', path: spec.path, headers: { ...spec.headers }, ...(spec.body ? { body: spec.body } : {}) };
        },
        onResponse: (status: number, _body: string, context: Record<string, unknown>, headers?: Record<string, string>) => {
          if (status !== scenario.expectStatus) {
            unexpected++;
            firstError ??= `${status} ${String(_body).slice(0, 200)}`;
          }
          const spec = scenario.requests[context.slot as number];
          if (chained && spec?.headers && typeof headers?.etag === 'string') spec.headers['if-match'] = headers.etag;
          busy.delete(context.slot as number);
        },
      },
    ] as never,
  });
  return {
    name: scenario.name,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: unexpected + result.errors + result.timeouts,
    ...(firstError ? { firstError } : {}),
  };
}

/** The same loop without HTTP: `work` run by `concurrency` workers for `seconds`. */
export async function loopTest(name: string, work: (i: number) => Promise<unknown>, options: { connections: number; seconds: number }): Promise<Figures> {
  const latencies: number[] = [];
  const until = performance.now() + options.seconds * 1000;
  let i = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await work(i++).catch(() => errors++);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, requests: latencies.length, perSecond: latencies.length / options.seconds, p50: at(0.5), p99: at(0.99), errors };
}
