import { type CachedAnswer, EtagCache } from './etag-cache.js';
import { problemError } from './errors.js';
import { type ClientCredentials, ClientCredentialsTokens } from './token.js';

export interface TransportOptions {
  /** The API's root, e.g. https://oppvekst.example.no */
  baseUrl: string;
  /** An API client's id and secret: tokens are fetched and renewed for you. */
  credentials?: ClientCredentials;
  /** Or a bearer token you manage yourself (a function is asked before every request). */
  token?: string | (() => string | Promise<string>);
  /** ETag cache for GETs; false turns it off. */
  cache?: EtagCache | false;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch, for token expiry; for tests. */
  now?: () => number;
}

export interface RawRequest {
  method: string;
  /** Path and query, e.g. /v1/measures?limit=50 */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body as text ('' for 204 and for 304 without a cached copy). */
  body: string;
  /** True when the answer came from the ETag cache after a 304. */
  fromCache: boolean;
}

/** HTTP for the client: the bearer token, the ETag cache, and problems turned into exceptions. */
export class Transport {
  private readonly fetch: typeof fetch;
  private readonly tokens: ClientCredentialsTokens | undefined;
  readonly cache: EtagCache | undefined;

  constructor(private readonly options: TransportOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.tokens = options.credentials
      ? new ClientCredentialsTokens(options.baseUrl, options.credentials, { fetch: this.fetch, ...(options.now ? { now: options.now } : {}) })
      : undefined;
    this.cache = options.cache === false ? undefined : (options.cache ?? new EtagCache());
  }

  private async bearer(): Promise<string | undefined> {
    if (this.tokens) return this.tokens.token();
    const { token } = this.options;
    return typeof token === 'function' ? token() : token;
  }

  async send(request: RawRequest): Promise<RawResponse> {
    const first = await this.attempt(request);
    // A token refused mid-life (a restart with a new key, a clock off): fetch a new one once.
    if (first.status === 401 && this.tokens) {
      this.tokens.invalidate();
      return this.finish(request, await this.attempt(request));
    }
    return this.finish(request, first);
  }

  private cacheKey(request: RawRequest): string | undefined {
    if (!this.cache || request.method !== 'GET' || request.headers?.['if-none-match']) return undefined;
    return `${request.headers?.accept ?? 'application/json'} ${request.path}`;
  }

  private async attempt(request: RawRequest): Promise<RawResponse & { cached?: CachedAnswer }> {
    const key = this.cacheKey(request);
    const cached = key ? this.cache!.get(key) : undefined;
    const token = await this.bearer();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(cached ? { 'if-none-match': cached.etag } : {}),
      ...request.headers,
    };
    const res = await this.fetch(new URL(request.path, this.options.baseUrl), {
      method: request.method,
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body, fromCache: false, ...(cached ? { cached } : {}) };
  }

  private finish(request: RawRequest, res: RawResponse & { cached?: CachedAnswer }): RawResponse {
    if (res.status === 304 && res.cached) {
      // A 304 has no content headers of its own: the cached answer's apply.
      const headers = new Headers(res.headers);
      if (res.cached.contentType) headers.set('content-type', res.cached.contentType);
      return { status: 200, headers, body: res.cached.body, fromCache: true };
    }
    if (res.status >= 400) throw problemError(res.status, '', res.body, res.headers);
    const key = this.cacheKey(request);
    const etag = res.headers.get('etag');
    if (key && res.status === 200 && etag) this.cache!.set(key, { etag, body: res.body, contentType: res.headers.get('content-type') });
    return { status: res.status, headers: res.headers, body: res.body, fromCache: false };
  }
}
