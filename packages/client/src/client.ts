import { MeasureFeed } from './feed.js';
import { OPERATIONS, type OperationId, type Operations } from './operations.js';
import { type RawResponse, Transport, type TransportOptions } from './transport.js';

type Part<Name extends string, T> = [keyof T] extends [never]
  ? { [N in Name]?: T }
  : Record<string, never> extends T
    ? { [N in Name]?: T }
    : { [N in Name]: T };

/** What an operation takes: its path parameters, query and body, as the contract types them, and preconditions. */
export type Input<K extends OperationId> = Part<'path', Operations[K]['path']> &
  Part<'query', Operations[K]['query']> &
  ([Operations[K]['body']] extends [never] ? { body?: undefined } : { body: Operations[K]['body'] }) & {
    /** The ETag you last read: required by every write (428 without it, 412 when stale). */
    ifMatch?: string;
    /** Ask for another representation, e.g. text/csv for the measures feed. */
    accept?: string;
  };

export type Output<K extends OperationId> = Operations[K]['response'];

export interface Answer<K extends OperationId> {
  data: Output<K>;
  status: number;
  /** The resource's ETag, for the If-Match of a later write or an If-None-Match. */
  etag: string | undefined;
  headers: Headers;
  fromCache: boolean;
}

/** The path with its parameters filled in, and the query (arrays as repeated parameters). */
export function operationUrl(id: OperationId, path: Record<string, string> = {}, query: Record<string, unknown> = {}): string {
  const filled = OPERATIONS[id].path.replace(/:(\w+)/g, (_, name: string) => {
    const value = path[name];
    if (value === undefined) throw new TypeError(`${id}: path parameter ${name} is missing`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

type Methods = { [K in OperationId]: (input: Input<K>) => Promise<Output<K>> };

/**
 * The Oppvekst API, every operation typed by the published contract.
 *
 * `client.ops.getMunicipalityPlan({ path: { kommunenummer: '4026' } })` returns the
 * body; `client.send('getMeasureInVersion', ...)` also returns the ETag.
 * Errors are thrown as ProblemError subclasses.
 */
export class OppvekstClient {
  readonly transport: Transport;
  /** One method per operation id. */
  readonly ops: Methods;
  /** The measures feed: pages, every measure, and an updatedSince mirror. */
  readonly measures: MeasureFeed;

  constructor(options: TransportOptions) {
    this.transport = new Transport(options);
    this.ops = Object.fromEntries(
      (Object.keys(OPERATIONS) as OperationId[]).map((id) => [id, (input: Input<OperationId>) => this.call(id, input as never)]),
    ) as unknown as Methods;
    this.measures = new MeasureFeed(this);
  }

  async call<K extends OperationId>(id: K, input: Input<K>): Promise<Output<K>> {
    return (await this.send(id, input)).data;
  }

  async send<K extends OperationId>(id: K, input: Input<K>): Promise<Answer<K>> {
    const { path, query, body, ifMatch, accept } = input as {
      path?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
      ifMatch?: string;
      accept?: string;
    };
    const res: RawResponse = await this.transport.send({
      method: OPERATIONS[id].method,
      path: operationUrl(id, path, query),
      body,
      headers: { ...(ifMatch ? { 'if-match': ifMatch } : {}), ...(accept ? { accept } : {}) },
    });
    const json = res.body !== '' && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(res.body) : res.body === '' ? undefined : res.body;
    return { data: json as Output<K>, status: res.status, etag: res.headers.get('etag') ?? undefined, headers: res.headers, fromCache: res.fromCache };
  }
}
