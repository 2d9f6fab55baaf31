import {
  APP_ROLE,
  bootstrapDatabase,
  createDb,
  createPool,
  type Database,
  deriveAppPassword,
  startEmbeddedPostgres,
  withCredentials,
} from '@oppvekst/db';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Config } from './config.js';

export interface PreparedDatabase {
  adminUrl: string;
  appUrl: string;
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
      migrate: config.migrateOnStart,
      seed: config.seedDemo,
    });
    if (config.migrateOnStart) log.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date');
    if (seeded) log.info(seeded, 'demo region seeded');
    // appPasswordFor is undefined only when APP_DATABASE_URL is set, so the password is there when it is used.
    const appUrl = config.appDatabaseUrl ?? withCredentials(adminUrl, APP_ROLE, appPassword!);
    return { adminUrl, appUrl, embedded: !config.databaseUrl, stop };
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
