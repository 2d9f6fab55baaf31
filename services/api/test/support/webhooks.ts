import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanVersion, VersionSummary } from '@oppvekst/contracts';
import { createDb, createPool } from '@oppvekst/db';
import type { FastifyInstance } from 'fastify';
import { type RunningWorker, startWorker, type WorkerOptions } from '../../src/webhook-worker/worker.js';
import { secretBox } from '../../src/webhooks/secret-box.js';
import type { WebhookOptions } from '../../src/webhooks/webhook-options.js';
import { osloToday } from '../../src/plans/consultation-window.js';
import { call, etagOf } from './api.js';
import type { TestDatabase } from './database.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One key shared by the app and the workers of a test file, as the data folder's would be. */
export const TEST_SECRET_KEY = randomBytes(32);
/** Loopback receivers are allowed, and plain http, as in development. */
export const TEST_WEBHOOKS: WebhookOptions = {
  targets: { allowHttp: true, allowedNetworks: ['127.0.0.0/8'] },
  secrets: secretBox(TEST_SECRET_KEY),
};

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The request's path: which endpoint it was sent to. */
  path: string;
  /** How many requests with this webhook-id came to this path before this one. */
  nth: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Resolves once `predicate` holds for what has been received (checked on every request). */
  until(predicate: (received: Received[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
}

type Answer = (request: Received, response: ServerResponse) => void | number;

/** A real HTTP server on loopback that records every request and answers as `answer` says (a status, or it handles the response). */
export async function receiver(t: Teardown, answer: Answer = () => 204): Promise<Receiver> {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const request: Received = {
        id,
        timestamp: String(req.headers['webhook-timestamp']),
        signature: String(req.headers['webhook-signature']),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        path: req.url ?? '',
        nth: received.filter((r) => r.id === id && r.path === req.url).length,
      };
      received.push(request);
      for (const waiter of waiters) waiter();
      const status = answer(request, res);
      if (typeof status === 'number') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    until(predicate, what, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the receiver did not get ${what} in time (${received.length} requests so far)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

export const FAST = {
  timeoutMs: 2_000,
  retrySchedule: [0, 20, 20, 20, 20],
  retryJitter: 0.2,
  // The shortest the configuration takes: the timeout, the DNS lookup's 5 s and a 5 s margin.
  leaseMs: 12_000,
  pollIntervalMs: 50,
  concurrency: 4,
};

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** A worker in this process, on its own pool as the worker role, stopped at teardown. */
export function inProcessWorker(t: Teardown, database: TestDatabase, overrides: Partial<WorkerOptions> = {}): RunningWorker {
  const db = createDb(createPool(database.workerUrl, { max: 6 }));
  const worker = startWorker({ db, secrets: TEST_WEBHOOKS.secrets, targets: TEST_WEBHOOKS.targets, log: quiet, ...FAST, ...overrides });
  t.teardown(async () => {
    await worker.stop();
    await db.destroy();
  });
  return worker;
}

/** The worker as its own process, as an operator would run it. */
export function workerProcess(database: TestDatabase, env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<unknown> } {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/webhook-worker/main.ts'], {
    cwd: apiDir,
    env: {
      ...inherited,
      WEBHOOK_WORKER_DATABASE_URL: database.workerUrl,
      WEBHOOK_SECRET_KEY: TEST_SECRET_KEY.toString('base64'),
      OPPVEKST_ENV: 'development',
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
      WEBHOOK_TIMEOUT_MS: String(FAST.timeoutMs),
      WEBHOOK_LEASE_MS: String(FAST.leaseMs),
      WEBHOOK_RETRY_SCHEDULE: FAST.retrySchedule.join(','),
      WEBHOOK_POLL_INTERVAL_MS: String(FAST.pollIntervalMs),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
}

/** Registers an endpoint through the API; returns its id, ETag and secret. */
export async function register(app: FastifyInstance, token: string, url: string, eventTypes: string[], region = 'vest-telemark') {
  const res = await call(app, 'POST', `/v1/regions/${region}/webhooks`, { token, payload: { url, eventTypes } });
  if (res.statusCode !== 201) throw new Error(`createWebhookEndpoint: ${res.statusCode} ${res.body}`);
  const { endpoint, secret } = res.json() as { endpoint: { id: string }; secret: string };
  return { id: endpoint.id, etag: etagOf(res), secret };
}

/**
 * A revision of the regional plan adopted through the API, as its
 * administrator would: one measure changed, one removed, one added. It sends
 * four events: plan.version.adopted and one per measure.
 */
export async function reviseAndAdopt(app: FastifyInstance, token: string, region = 'vest-telemark') {
  const list = await call(app, 'GET', `/v1/regions/${region}/plan/versions`, { token });
  const previous = (list.json() as { items: VersionSummary[] }).items.find((v) => v.status === 'adopted');
  const started = await call(app, 'POST', `/v1/regions/${region}/plan/versions`, { token, ifMatch: etagOf(list), payload: {} });
  if (started.statusCode !== 201) throw new Error(`startRegionalPlanRevision: ${started.statusCode} ${started.body}`);
  const versionId = (started.json() as VersionSummary).id;
  const base = `/v1/plan-versions/${versionId}`;
  const content = (await call(app, 'GET', base, { token })).json() as PlanVersion;
  const [changed, removed] = content.goals.flatMap((g) => g.measures);
  const item = await call(app, 'GET', `${base}/measures/${changed!.id}`, { token });
  const patched = await call(app, 'PATCH', `${base}/measures/${changed!.id}`, { token, ifMatch: etagOf(item), payload: { title: `${changed!.title} (revidert)` } });
  if (patched.statusCode !== 200) throw new Error(`updateMeasure: ${patched.statusCode} ${patched.body}`);
  const gone = await call(app, 'GET', `${base}/measures/${removed!.id}`, { token });
  const deleted = await call(app, 'DELETE', `${base}/measures/${removed!.id}`, { token, ifMatch: etagOf(gone) });
  if (deleted.statusCode !== 204) throw new Error(`deleteMeasure: ${deleted.statusCode} ${deleted.body}`);
  const version = await call(app, 'GET', base, { token });
  const created = await call(app, 'POST', `${base}/measures`, {
    token,
    ifMatch: etagOf(version),
    payload: { goalId: content.goals[0]!.id, title: 'Nytt tiltak for webhook-prøva', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'planned' },
  });
  if (created.statusCode !== 201) throw new Error(`createMeasure: ${created.statusCode} ${created.body}`);
  const adopted = await call(app, 'POST', `${base}/adoption`, {
    token,
    ifMatch: etagOf(await call(app, 'GET', base, { token })),
    payload: { decidedBy: 'regional_council', decision: 'adopted', decidedOn: osloToday(), caseReference: `PS ${randomBytes(2).toString('hex')}` },
  });
  if (adopted.statusCode !== 200) throw new Error(`adoptPlanVersion: ${adopted.statusCode} ${adopted.body}`);
  return {
    versionId,
    previousVersionId: previous?.id ?? null,
    changed: changed!.id,
    removed: removed!.id,
    created: (created.json() as { id: string }).id,
  };
}

/** Polls until `check` resolves truthy (the worker records an attempt just after the receiver has answered it). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
