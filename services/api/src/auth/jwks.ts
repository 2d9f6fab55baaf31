import { createPublicKey } from 'node:crypto';

/** The token names a key the identity provider does not publish: the token is refused (401). */
export class KeyNotFound extends Error {}
/** The identity provider's keys cannot be had right now: the token may be good (503). */
export class KeySourceUnavailable extends Error {}

export interface JwksSourceOptions {
  issuer: string;
  /** Absent: discovered through the issuer's /.well-known/openid-configuration. */
  jwksUrl?: string | undefined;
  timeoutMs?: number;
  /** How long a fetched key set is used before it is fetched again. */
  ttlMs?: number;
  /** An unknown `kid` fetches the set again (keys rotate), but not more often than this. */
  minRefreshIntervalMs?: number;
}

export interface JwksSource {
  /** The public key (PEM) for this `kid`. */
  keyFor(kid: string | undefined): Promise<string>;
}

/**
 * The identity provider's signing keys, fetched with a timeout, cached, and
 * refreshed on an unknown `kid` at most once per interval, so tokens with
 * made-up key ids cannot make the service hammer the provider. When a refresh
 * fails, the keys already known keep working.
 */
export function createJwksSource(options: JwksSourceOptions): JwksSource {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const minRefreshIntervalMs = options.minRefreshIntervalMs ?? 30_000;
  let keys = new Map<string, string>();
  let fetchedAt = -Infinity;
  let attemptedAt = -Infinity;
  let inflight: Promise<void> | undefined;
  let jwksUrl = options.jwksUrl;

  async function getJson(url: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    } catch (error) {
      throw new KeySourceUnavailable(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new KeySourceUnavailable(`${url}: HTTP ${response.status}`);
    try {
      return (await response.json()) as Record<string, unknown>;
    } catch {
      throw new KeySourceUnavailable(`${url}: not JSON`);
    }
  }

  async function refresh(): Promise<void> {
    attemptedAt = Date.now();
    if (!jwksUrl) {
      const discovery = await getJson(`${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
      if (typeof discovery.jwks_uri !== 'string') throw new KeySourceUnavailable('the provider’s configuration names no jwks_uri');
      jwksUrl = discovery.jwks_uri;
    }
    const body = await getJson(jwksUrl);
    if (!Array.isArray(body.keys)) throw new KeySourceUnavailable(`${jwksUrl}: no "keys"`);
    const next = new Map<string, string>();
    for (const jwk of body.keys as Record<string, unknown>[]) {
      if (jwk.use === 'enc') continue;
      try {
        const pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
        next.set(typeof jwk.kid === 'string' ? jwk.kid : '', pem);
      } catch {
        // A key type this runtime cannot read is skipped, not fatal for the others.
      }
    }
    keys = next;
    fetchedAt = Date.now();
  }

  function refreshOnce(): Promise<void> {
    inflight ??= refresh().finally(() => (inflight = undefined));
    return inflight;
  }

  return {
    async keyFor(kid) {
      const id = kid ?? '';
      if (Date.now() - fetchedAt > ttlMs) {
        try {
          await refreshOnce();
        } catch (error) {
          if (!keys.has(id)) throw error;
        }
      }
      if (!keys.has(id) && Date.now() - attemptedAt > minRefreshIntervalMs) await refreshOnce();
      const key = keys.get(id);
      if (!key) throw new KeyNotFound(`the identity provider publishes no key "${id}"`);
      return key;
    },
  };
}
