import type { TokenResponseSchema } from '@oppvekst/contracts';
import type { Static } from '@sinclair/typebox';
import { problemError } from './errors.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenSourceOptions {
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; for tests. */
  now?: () => number;
  /** Fetch a new token this many seconds before the current one expires (default 60, at most half its life). */
  refreshMarginSeconds?: number;
}

/**
 * OAuth 2.0 client credentials (POST /v1/oauth/token): one token at a time,
 * fetched again shortly before it expires. Callers that ask while a token is
 * being fetched share that one request.
 */
export class ClientCredentialsTokens {
  private current: { token: string; refreshAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: ClientCredentials,
    private readonly options: TokenSourceOptions = {},
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
  }

  async token(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return this.current.token;
    this.inFlight ??= this.issue().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Forget the token (the API refused it: the client was revoked, or the clock was off). */
  invalidate(): void {
    this.current = undefined;
  }

  private async issue(): Promise<string> {
    const requestedAt = this.now();
    const res = await this.fetch(new URL('/v1/oauth/token', this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret }),
    });
    const text = await res.text();
    if (!res.ok) throw problemError(res.status, res.statusText, text, res.headers);
    const issued = JSON.parse(text) as Static<typeof TokenResponseSchema>;
    const margin = Math.min(this.options.refreshMarginSeconds ?? 60, issued.expires_in / 2);
    this.current = { token: issued.access_token, refreshAt: requestedAt + (issued.expires_in - margin) * 1000 };
    return issued.access_token;
  }
}
