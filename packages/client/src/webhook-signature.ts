import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures as Standard Webhooks 1.0 defines them: the headers
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a
 * space-separated list of `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * keyed with the secret `whsec_<base64>` after its prefix is taken off and the
 * rest base64-decoded. Nothing here but node:crypto, so integrations can copy
 * this file as it is.
 */

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** How far a webhook's timestamp may be from the receiver's clock, either way: older ones may be replays. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type WebhookVerificationFailure =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'invalid_secret'
  | 'no_matching_signature';

/** Why a webhook was not accepted. Answer it with 401 (or 400), never process the body. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly code: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** The request's headers as Node (`req.headers`) or fetch (`Headers`) give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** The endpoint's secret, or several while one is being replaced. */
  secret: string | readonly string[];
  headers: WebhookHeaders;
  /** The body exactly as received: never parse and re-serialise it before verifying. */
  body: string | Uint8Array;
  toleranceSeconds?: number;
  /** Unix seconds; for tests. */
  now?: number;
}

export interface VerifiedWebhook {
  id: string;
  timestamp: number;
}

/** Throws a WebhookVerificationError unless one of the signatures was made with (one of) the secret(s) within the tolerance. */
export function verifyWebhook(options: VerifyOptions): VerifiedWebhook {
  const id = header(options.headers, 'webhook-id');
  const timestampText = header(options.headers, 'webhook-timestamp');
  const signatures = header(options.headers, 'webhook-signature');
  if (!/^\d{1,15}$/.test(timestampText)) throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not Unix seconds');
  const timestamp = Number(timestampText);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) {
    throw new WebhookVerificationError('timestamp_out_of_tolerance', `webhook-timestamp is more than ${tolerance} s from now`);
  }
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  const expected = secrets.map((secret) => hmac(secret, id, timestampText, options.body));
  for (const entry of signatures.split(' ')) {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) continue;
    const given = Buffer.from(signature, 'base64');
    if (expected.some((e) => e.length === given.length && timingSafeEqual(e, given))) return { id, timestamp };
  }
  throw new WebhookVerificationError('no_matching_signature', 'no v1 signature matches the secret');
}

/** The `webhook-signature` value for one secret. */
export function signWebhook(options: { secret: string; id: string; timestamp: number; body: string | Uint8Array }): string {
  return `v1,${hmac(options.secret, options.id, String(options.timestamp), options.body).toString('base64')}`;
}

/** A new secret: 32 random bytes (the specification asks for 24 to 64). */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function secretKey(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new WebhookVerificationError('invalid_secret', 'a webhook secret starts with whsec_');
  const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
  if (key.length < 24 || key.length > 64) throw new WebhookVerificationError('invalid_secret', 'a webhook secret holds 24 to 64 bytes');
  return key;
}

function hmac(secret: string, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secretKey(secret))
    .update(`${id}.${timestamp}.`)
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest();
}

/** `name` in lower case; header names are case-insensitive, and a plain object need not come from Node, which lower-cases them. */
function header(headers: WebhookHeaders, name: string): string {
  const raw = typeof (headers as Headers).get === 'function' ? (headers as Headers).get(name) : plainHeader(headers as Record<string, string | string[] | undefined>, name);
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) throw new WebhookVerificationError('missing_header', `the ${name} header is missing`);
  return value;
}

function plainHeader(headers: Record<string, string | string[] | undefined>, name: string): string | string[] | undefined {
  if (headers[name] !== undefined) return headers[name];
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
