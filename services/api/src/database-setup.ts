import {
  APP_ROLE,
  bootstrapDatabase,
  createDb,
  createPool,
  type Database,
  deriveAppPassword,
  deriveWorkerPassword,
  startEmbeddedPostgres,
  withCredentials,
  WORKER_ROLE,
} from '@oppvekst/db';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Config } from './config.js';

export interface PreparedDatabase {
  adminUrl: string;
  appUrl: string;
  /** The webhook worker's connection: WEBHOOK_WORKER_DATABASE_URL, or the admin URL with the worker role. */
  workerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface Logger {
  info(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

/**
 * Brings a database to the state the app expects: the embedded server when no
 * DATABASE_URL is given, the roles, the migrations, and the demo seed.
 */
export async function prepareDatabase(config: Config, log: Logger): Promise<PreparedDatabase> {
  let adminUrl = config.databaseUrl;
  let stop = async () => {};
  if (!adminUrl) {
    log.info({ dataDir: config.dataDir }, 'no DATABASE_URL: starting the embedded PostgreSQL');
    const server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      log: (message) => log.debug({ postgres: message }, 'postgres'),
    });
    log.info({ port: server.port }, 'embedded PostgreSQL is up');
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  try {
    const appPassword = appPasswordFor(config, adminUrl);
    const { applied, seeded } = await bootstrapDatabase(adminUrl, {
      appPassword: config.migrateOnStart ? appPassword : undefined,
      workerPassword: workerPasswordFor(config, adminUrl),
      migrate: config.migrateOnStart,
      seed: config.seedDemo,
    });
    if (config.migrateOnStart) log.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date');
    if (seeded) log.info(seeded, 'demo region seeded');
    // appPasswordFor is undefined only when APP_DATABASE_URL is set, so the password is there when it is used.
    const appUrl = config.appDatabaseUrl ?? withCredentials(adminUrl, APP_ROLE, appPassword!);
    const workerUrl = config.webhooks.workerDatabaseUrl ?? withCredentials(adminUrl, WORKER_ROLE, workerPasswordFor(config, adminUrl));
    return { adminUrl, appUrl, workerUrl, embedded: !config.databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The app role's password, or undefined when APP_DATABASE_URL is set: then
 * the operator manages that role and we must not touch it.
 */
export function appPasswordFor(config: Config, adminUrl: string): string | undefined {
  if (config.appDatabaseUrl) return undefined;
  return config.appDatabasePassword ?? deriveAppPassword(adminUrl);
}

/** The worker role's password: configured, or derived from the admin URL as the app role's is. */
export function workerPasswordFor(config: Config, adminUrl: string): string {
  return config.webhooks.workerDatabasePassword ?? deriveWorkerPassword(adminUrl);
}

export interface AppDatabase {
  db: Kysely<Database>;
  pool: pg.Pool;
}

export function connectApp(config: Config, appUrl: string): AppDatabase {
  const pool = createPool(appUrl, {
    max: config.databasePoolSize,
    applicationName: 'oppvekst-api',
    statementTimeoutMs: config.statementTimeoutMs,
  });
  return { db: createDb(pool), pool };
}
