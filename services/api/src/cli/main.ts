/**
 * The operator command line: `pnpm oppvekst <command>`. It works against the
 * same database the service would use: DATABASE_URL, or the embedded server in
 * DATA_DIR. Results for scripts go to stdout; everything else to stderr.
 */
import { bootstrapDatabase } from '@oppvekst/db';
import { ConfigError, loadConfig } from '../config.js';
import { createRegionCommand } from './create-region-command.js';
import { workerPasswordFor } from '../database-setup.js';
import { withAdminUrl } from './operator-database.js';
import { tokenCommand } from './token-command.js';
import { USAGE, UsageError } from './usage.js';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 64;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate':
    case 'seed': {
      const unknown = args.filter((a) => !(command === 'seed' && a === '--always'));
      if (unknown.length) throw new UsageError(`unknown option ${unknown.join(' ')} for ${command}`);
      await withAdminUrl(config, async (adminUrl, appPassword) => {
        if (command === 'migrate') {
          const { applied } = await bootstrapDatabase(adminUrl, { appPassword, workerPassword: workerPasswordFor(config, adminUrl), seed: 'never' });
          process.stderr.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
        } else {
          const { seeded } = await bootstrapDatabase(adminUrl, { appPassword, workerPassword: workerPasswordFor(config, adminUrl), seed: args.includes('--always') ? 'always' : 'if-empty' });
          process.stderr.write(seeded ? `seeded ${seeded.region}: ${seeded.rowsInserted} rows inserted\n` : 'database not empty: nothing seeded (use --always)\n');
        }
      });
      return 0;
    }
    case 'token':
      process.stdout.write(`${await tokenCommand(config, args)}\n`);
      return 0;
    case 'create-region':
      process.stderr.write(`${await createRegionCommand(config, args)}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = error instanceof ConfigError ? `invalid configuration: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`oppvekst: ${message}\n`);
    process.exit(error instanceof ConfigError ? 78 : usage ? 64 : 1);
  },
);
