/**
 * The operator command line: `pnpm oppvekst <command>`. It works against the
 * same database the service would use: DATABASE_URL, or the embedded server in
 * DATA_DIR (started for the command and stopped after it).
 */
import { bootstrapDatabase, startEmbeddedPostgres } from '@oppvekst/db';
import { appPasswordFor } from '../database-setup.js';
import { ConfigError, loadConfig } from '../config.js';

const USAGE = `usage: pnpm oppvekst <command>

commands:
  migrate          apply pending migrations (and create the roles)
  seed [--always]  seed the Vest-Telemark demo (by default only into an empty database)
  help             show this text

Reads the same environment as the service (DATABASE_URL, DATA_DIR, ...).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 64;
  }
  if (command !== 'migrate' && command !== 'seed') {
    process.stderr.write(`oppvekst: unknown command "${command}"\n\n${USAGE}\n`);
    return 64; // EX_USAGE
  }
  const unknown = args.filter((a) => !(command === 'seed' && a === '--always'));
  if (unknown.length) {
    process.stderr.write(`oppvekst: unknown option ${unknown.join(' ')} for ${command}\n`);
    return 64;
  }

  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  try {
    const adminUrl = config.databaseUrl ?? embedded!.adminUrl;
    const appPassword = appPasswordFor(config, adminUrl);
    if (command === 'migrate') {
      const { applied } = await bootstrapDatabase(adminUrl, { appPassword, seed: 'never' });
      process.stderr.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    } else {
      const { seeded } = await bootstrapDatabase(adminUrl, { appPassword, seed: args.includes('--always') ? 'always' : 'if-empty' });
      process.stderr.write(seeded ? `seeded ${seeded.region}: ${seeded.rowsInserted} rows inserted\n` : 'database not empty: nothing seeded (use --always)\n');
    }
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError ? `invalid configuration: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`oppvekst: ${message}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);
