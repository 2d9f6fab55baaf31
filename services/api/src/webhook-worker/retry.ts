/**
 * What an attempt's result means for the delivery, as plain functions: the
 * worker asks them and tests call them directly.
 */

export interface AttemptResult {
  /** The response's status, when there was a response. */
  status?: number;
  /** Retry-After in milliseconds, when the receiver sent one (429, 503). */
  retryAfterMs?: number;
  /** Why there was no (good) response: refused target, timeout, connection error, ... */
  error?: string;
}

export type Verdict =
  | { kind: 'succeeded' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'failed' }
  /** The receiver said it wants no more (410 Gone): stop now and disable the endpoint. */
  | { kind: 'gone' };

/** A day's cap on a receiver's own Retry-After, so one answer cannot park a delivery for ever. */
const RETRY_AFTER_CAP_MS = 86_400_000;

/**
 * 2xx is success; 410 ends the delivery; anything else (a redirect, which is
 * never followed, another status, no response) is a failure, retried after
 * the schedule's next delay, moved by up to ±jitter of itself, or after the
 * receiver's Retry-After when that is longer.
 */
export function verdict(
  result: AttemptResult,
  attempt: { number: number; max: number },
  schedule: readonly number[],
  jitter: number,
  random: () => number = Math.random,
): Verdict {
  if (result.status !== undefined && result.status >= 200 && result.status < 300) return { kind: 'succeeded' };
  if (result.status === 410) return { kind: 'gone' };
  if (attempt.number >= attempt.max) return { kind: 'failed' };
  const base = schedule[Math.min(attempt.number, schedule.length - 1)] ?? 0;
  const jittered = Math.round(base * (1 + jitter * (2 * random() - 1)));
  const delayMs = Math.max(jittered, Math.min(result.retryAfterMs ?? 0, RETRY_AFTER_CAP_MS));
  return { kind: 'retry', delayMs };
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
