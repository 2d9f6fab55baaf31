import { Kysely, type MigrationResult, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import { OWNER_ROLE } from './roles.js';

/** Opens a single connection that acts as the owner role, for migrations and seeding. */
export function createOwnerDb<DB>(adminUrl: string): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: adminUrl, max: 1, application_name: 'oppvekst-owner' });
  // Queries on a pg client run in order, so this runs before anything Kysely sends.
  pool.on('connect', (client) => void client.query(`set role ${OWNER_ROLE}`));
  // An idle connection that the server ends (a restart, a dropped database) is
  // discarded by the pool; without a listener its error would crash the process.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export interface MigrateOutcome {
  applied: string[];
}

export async function migrateToLatest(adminUrl: string): Promise<MigrateOutcome> {
  const db = createOwnerDb<unknown>(adminUrl);
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r: MigrationResult) => r.status === 'Error');
      throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String((error as Error).message ?? error)}`, {
        cause: error,
      });
    }
    return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
  } finally {
    await db.destroy();
  }
}
