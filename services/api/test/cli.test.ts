import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { TEST_APP_PASSWORD } from './support/constants.js';
import { createTestDatabase } from './support/database.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: apiDir,
      // The app role's password is shared across the test cluster: keep it.
      env: { ...process.env, APP_DATABASE_PASSWORD: TEST_APP_PASSWORD, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

t.test('usage', async (t) => {
  const help = await cli(['help']);
  t.equal(help.code, 0);
  t.match(help.output, /usage: pnpm oppvekst <command>/);
  const unknown = await cli(['frobnicate']);
  t.equal(unknown.code, 64);
  t.match(unknown.output, /unknown command "frobnicate"/);
  t.equal((await cli(['migrate', '--force'])).code, 64);
  const badConfig = await cli(['migrate'], { DATABASE_URL: 'mysql://nope' });
  t.equal(badConfig.code, 78);
  t.match(badConfig.output, /DATABASE_URL/);
});

t.test('migrate and seed against DATABASE_URL', async (t) => {
  const database = await createTestDatabase(t, { empty: true });
  const env = { DATABASE_URL: database.adminUrl };
  const migrate = await cli(['migrate'], env);
  t.equal(migrate.code, 0, migrate.output);
  t.match(migrate.output, /applied: 2026-11-23T0900_domain/);
  t.match((await cli(['migrate'], env)).output, /schema is up to date/);
  const seed = await cli(['seed'], env);
  t.equal(seed.code, 0, seed.output);
  t.match(seed.output, /seeded vest-telemark: \d+ rows inserted/);
  t.match((await cli(['seed'], env)).output, /nothing seeded/);
  t.match((await cli(['seed', '--always'], env)).output, /seeded vest-telemark: 0 rows inserted/);
});
