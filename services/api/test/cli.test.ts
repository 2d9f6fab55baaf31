import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { createOwnerDb, type Database } from '@oppvekst/db';
import { build } from './helper.js';
import { TEST_ISSUER, testSigningKey } from './support/auth.js';
import { TEST_APP_PASSWORD, TEST_WORKER_PASSWORD } from './support/constants.js';
import { createTestDatabase } from './support/database.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: apiDir,
      // The login roles' passwords are shared across the test cluster: keep them.
      env: { ...process.env, APP_DATABASE_PASSWORD: TEST_APP_PASSWORD, WEBHOOK_WORKER_DATABASE_PASSWORD: TEST_WORKER_PASSWORD, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (c) => {
      output += c;
      stdout += c;
    });
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output, stdout }));
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

t.test('token: ensures the membership and prints a token, and nothing else, that the service accepts', async (t) => {
  const { app, database } = await build(t);
  const env = { DATABASE_URL: database.adminUrl, TOKEN_SIGNING_KEY: (await testSigningKey()).privateKeyPem, TOKEN_ISSUER: TEST_ISSUER };
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());

  const issued = await cli(['token', '--role', 'municipal_editor', '--region', 'vest-telemark', '--municipality', '4026', '--sub', 'kari@tokke.kommune.no'], env);
  t.equal(issued.code, 0, issued.output);
  t.match(issued.stdout, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/, 'stdout is one JWT and a newline');
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${issued.stdout.trim()}` } });
  t.equal(me.statusCode, 200, me.body);
  t.same(me.json().memberships, [{ region: 'vest-telemark', role: 'municipal_editor', municipality: '4026', service: null }]);

  const again = await cli(['token', '--role', 'municipal_editor', '--region', 'vest-telemark', '--municipality', '4026', '--sub', 'kari@tokke.kommune.no'], env);
  t.equal(again.code, 0);
  const rows = await owner.selectFrom('memberships').select('id').where('subject', '=', 'kari@tokke.kommune.no').execute();
  t.equal(rows.length, 1, 'a second token does not add the membership twice');

  const operator = await cli(['token', '--role', 'platform_admin', '--sub', 'ops@oppvekst.example'], env);
  t.equal(operator.code, 0, operator.output);
  const principal = await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${operator.stdout.trim()}` } });
  t.equal(principal.json().platformAdmin, true);

  for (const [args, message] of [
    [['token'], /needs --role/],
    [['token', '--role', 'reader'], /needs --region/],
    [['token', '--role', 'wizard', '--region', 'vest-telemark'], /unknown role/],
    [['token', '--role', 'municipal_editor', '--region', 'vest-telemark'], /municipality/],
    [['token', '--role', 'municipal_editor', '--region', 'vest-telemark', '--municipality', '3806'], /no municipality 3806/],
    [['token', '--role', 'reader', '--region', 'nowhere'], /no region "nowhere"/],
    [['token', '--role', 'reader', '--region', 'vest-telemark', '--colour', 'blue'], /Unknown option/],
    [['token', '--role', 'reader', '--region', 'vest-telemark', '--ttl', '5'], /--ttl/],
    [['token', '--role', 'reader', '--region', 'vest-telemark', '--sub', 'client:1234'], /--sub/],
    [['token', '--role', 'platform_admin', '--sub', 'has space'], /--sub/],
  ] as const) {
    const res = await cli([...args], env);
    t.equal(res.code, 64, args.join(' '));
    t.match(res.output, message);
    t.equal(res.stdout, '', 'and prints no token');
  }
});

t.test('create-region onboards a customer from the console', async (t) => {
  const database = await createTestDatabase(t);
  const env = { DATABASE_URL: database.adminUrl };
  const args = ['create-region', '--slug', 'midt-telemark', '--name', 'Midt-Telemark', '--kind', 'single_municipality', '--language-form', 'nb', '--municipality', '4020=Midt-Telemark', '--admin', 'leiar@midt-telemark.kommune.no'];
  const created = await cli(args, env);
  t.equal(created.code, 0, created.output);
  t.match(created.output, /created region midt-telemark/);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const admins = await owner.selectFrom('memberships').select(['subject', 'role']).execute();
  t.same(admins, [{ subject: 'leiar@midt-telemark.kommune.no', role: 'region_admin' }]);
  const again = await cli(args, env);
  t.equal(again.code, 64);
  t.match(again.output, /exists already/);
  for (const [bad, message] of [
    [['--slug', 'x', '--name', 'X', '--municipality', '40=X'], /--municipality/],
    [['--slug', 'Not A Slug', '--name', 'X', '--municipality', '4099=X'], /--slug/],
    [['--slug', 'x', '--name', 'X', '--kind', 'federation', '--municipality', '4099=X'], /--kind/],
    [['--slug', 'x', '--name', 'X', '--language-form', 'sv', '--municipality', '4099=X'], /--language-form/],
    [['--slug', 'x', '--name', 'X', '--municipality', '4099=X', '--admin', 'client:abc'], /--admin/],
    [['--slug', 'x', '--name', 'X', '--kind', 'single_municipality', '--municipality', '4098=A', '--municipality', '4099=B'], /exactly one/],
  ] as const) {
    const res = await cli(['create-region', ...bad], env);
    t.equal(res.code, 64, bad.join(' '));
    t.match(res.output, message);
  }
  t.equal(await owner.selectFrom('regions').select('id').where('slug', '=', 'x').executeTakeFirst(), undefined, 'and none of them created anything');
});
