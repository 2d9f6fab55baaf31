import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { signWebhook } from '@oppvekst/client';
import type { Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import { endpointDisabledEvent } from '../webhooks/plan-events.js';
import type { SecretBox } from '../webhooks/secret-box.js';
import { checkTargetUrl, resolveTarget, TargetRefused, type TargetPolicy } from '../webhooks/target-policy.js';
import { post } from './deliver.js';
import { type Claimed, claimDue, disableEndpoint, dispatchEvents, failAbandoned, failedThroughout, loadOutgoing, type Outcome, recordOutcome } from './queue.repository.js';
import { type AttemptResult, verdict } from './retry.js';

export interface WorkerOptions {
  db: Kysely<Database>;
  secrets: SecretBox;
  targets: TargetPolicy;
  timeoutMs: number;
  retrySchedule: readonly number[];
  retryJitter: number;
  leaseMs: number;
  pollIntervalMs: number;
  concurrency: number;
  log: WorkerLog;
  /** A name for the lease and the attempt log; by default host, process and a random tag. */
  name?: string;
}

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface RunningWorker {
  name: string;
  /** Look for work now (new events were written). */
  wake(): void;
  /** Takes no more work, lets the attempts in flight finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * The delivery loop: fan new events out, take due deliveries (up to
 * `concurrency` at a time), send each, and record what came of it. It sleeps
 * for the poll interval, or until woken. A database that does not answer is
 * logged and tried again on the next round; nothing is lost meanwhile, since
 * every state lives in the database.
 */
export function startWorker(options: WorkerOptions): RunningWorker {
  const name = options.name ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = options.log;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  async function deliver(claimed: Claimed): Promise<void> {
    const started = Date.now();
    let result: AttemptResult;
    try {
      result = await attempt(claimed);
    } catch (error) {
      result = { error: `the worker could not make the attempt: ${error instanceof Error ? error.message : String(error)}` };
      log.error({ err: error, deliveryId: claimed.deliveryId }, 'webhook attempt failed inside the worker');
    }
    const durationMs = Date.now() - started;
    const next = verdict(result, { number: claimed.attempt, max: claimed.maxAttempts }, options.retrySchedule, options.retryJitter);
    const outcome: Outcome = {
      status: next.kind === 'succeeded' ? 'succeeded' : next.kind === 'retry' ? 'retry' : 'failed',
      ...(next.kind === 'retry' ? { nextAttemptAt: new Date(Date.now() + next.delayMs) } : {}),
      responseStatus: result.status,
      error: next.kind === 'gone' ? 'answered 410 Gone: the receiver wants no more deliveries' : result.error,
      durationMs,
    };
    const ours = await recordOutcome(options.db, name, claimed, outcome);
    log.info(
      { deliveryId: claimed.deliveryId, webhookId: claimed.eventId, endpointId: claimed.endpointId, attempt: claimed.attempt, outcome: outcome.status, status: result.status, error: result.error, durationMs },
      'webhook attempt',
    );
    if (!ours) return;
    const reason =
      next.kind === 'gone'
        ? 'the endpoint answered 410 Gone'
        : next.kind === 'failed' && !claimed.manual && (await failedThroughout(options.db, claimed))
          ? `every attempt failed for ${claimed.attempt} attempts since ${claimed.createdAt.toISOString()}, with no successful delivery in between (last: ${result.error ?? result.status})`
          : undefined;
    if (reason && (await disableEndpoint(options.db, claimed.endpointId, reason, (e) => endpointDisabledEvent({ region: e.region, endpointId: claimed.endpointId, url: e.url, reason, disabledAt: e.disabledAt }, e.disabledAt)))) {
      log.warn({ endpointId: claimed.endpointId, reason }, 'webhook endpoint disabled');
      wake();
    }
  }

  async function attempt(claimed: Claimed): Promise<AttemptResult> {
    const outgoing = await loadOutgoing(options.db, claimed);
    if (!outgoing) return { error: 'the delivery is gone (its endpoint was removed)' };
    let secret: string;
    try {
      secret = options.secrets.open(claimed.endpointId, outgoing.sealedSecret);
    } catch (error) {
      return { error: `cannot open the endpoint's signing secret: ${(error as Error).message}` };
    }
    let url: URL;
    let address;
    try {
      url = checkTargetUrl(outgoing.url, options.targets);
      address = await resolveTarget(url, options.targets);
    } catch (error) {
      if (error instanceof TargetRefused) return { error: `refused target: ${error.message}` };
      throw error;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    return post({
      url,
      address,
      body: outgoing.body,
      timeoutMs: options.timeoutMs,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Oppvekst-Webhooks/1',
        'webhook-id': claimed.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook({ secret, id: claimed.eventId, timestamp, body: outgoing.body }),
      },
    });
  }

  async function round(): Promise<boolean> {
    await dispatchEvents(options.db, { batch: 200, maxAttempts: options.retrySchedule.length, firstDelayMs: options.retrySchedule[0] ?? 0 });
    await failAbandoned(options.db);
    const free = options.concurrency - inFlight.size;
    if (free <= 0) return false;
    const claimed = await claimDue(options.db, name, free, options.leaseMs);
    for (const c of claimed) {
      const running: Promise<void> = deliver(c)
        .catch((error: unknown) => log.error({ err: error, deliveryId: c.deliveryId }, 'recording a webhook attempt failed; its lease will run out and it will be retried'))
        .finally(() => {
          inFlight.delete(running);
          wake();
        });
      inFlight.add(running);
    }
    return claimed.length === free;
  }

  const loop = (async () => {
    log.info({ worker: name }, 'webhook worker started');
    while (!stopping) {
      woken = false;
      let busy = false;
      try {
        busy = await round();
      } catch (error) {
        log.warn({ err: error }, 'webhook worker round failed; trying again');
      }
      if (!busy) await sleep(options.pollIntervalMs);
    }
    await Promise.allSettled([...inFlight]);
    log.info({ worker: name }, 'webhook worker stopped');
  })();

  return {
    name,
    wake,
    async stop() {
      stopping = true;
      wakeUp?.();
      await loop;
    },
  };
}
