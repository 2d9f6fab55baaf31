import { migrateToLatest, createOwnerDb } from './migrator.js';
import { ensureRoles } from './roles.js';
import type { Database } from './schema.js';
import type { DemoRegion } from './seed/demo-content.types.js';
import { seedRegion, type SeedOutcome } from './seed/seed.js';
import { vestTelemark } from './seed/vest-telemark.js';

export interface BootstrapOptions {
  /** Create the roles and set the app role's password (skip when an operator manages roles). */
  appPassword?: string | undefined;
  /** The webhook worker role's password (default: derived from the admin URL); only with appPassword. */
  workerPassword?: string | undefined;
  migrate?: boolean;
  /** 'if-empty': only into a database without regions. */
  seed?: 'if-empty' | 'always' | 'never';
  demo?: DemoRegion;
}

export interface BootstrapOutcome {
  applied: string[];
  seeded: SeedOutcome | null;
}

/** Roles, migrations and the demo seed, in that order: what a database needs before the app may use it. */
export async function bootstrapDatabase(adminUrl: string, options: BootstrapOptions = {}): Promise<BootstrapOutcome> {
  if (options.appPassword !== undefined) await ensureRoles(adminUrl, options.appPassword, options.workerPassword);
  const { applied } = options.migrate === false ? { applied: [] } : await migrateToLatest(adminUrl);
  const mode = options.seed ?? 'never';
  if (mode === 'never') return { applied, seeded: null };
  const owner = createOwnerDb<Database>(adminUrl);
  try {
    if (mode === 'if-empty' && (await owner.selectFrom('regions').select('id').limit(1).executeTakeFirst())) {
      return { applied, seeded: null };
    }
    return { applied, seeded: await seedRegion(owner, options.demo ?? vestTelemark) };
  } finally {
    await owner.destroy();
  }
}
