import { bootstrapDatabase, createOwnerDb, type Database, startEmbeddedPostgres } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { appPasswordFor, workerPasswordFor } from '../database-setup.js';

/**
 * Runs `work` against the database the service uses: DATABASE_URL, or the
 * embedded server in DATA_DIR — the one already running there when the
 * service is up, else one started for the command and stopped after it.
 */
export async function withAdminUrl<T>(config: Config, work: (adminUrl: string, appPassword: string | undefined) => Promise<T>): Promise<T> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, reuseRunning: true });
  try {
    const adminUrl = config.databaseUrl ?? embedded!.adminUrl;
    return await work(adminUrl, appPasswordFor(config, adminUrl));
  } finally {
    await embedded?.stop();
  }
}

/**
 * As the schema owner, on a database brought to the state the service would
 * bring it to (migrated, demo seeded per SEED_DEMO): operator commands are not
 * subject to tenants' policies.
 */
export function withOwnerDb<T>(config: Config, work: (owner: Kysely<Database>) => Promise<T>): Promise<T> {
  return withAdminUrl(config, async (adminUrl, appPassword) => {
    await bootstrapDatabase(adminUrl, { appPassword, workerPassword: workerPasswordFor(config, adminUrl), migrate: config.migrateOnStart, seed: config.seedDemo });
    const owner = createOwnerDb<Database>(adminUrl);
    try {
      return await work(owner);
    } finally {
      await owner.destroy();
    }
  });
}
