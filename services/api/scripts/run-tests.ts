/**
 * The test command: one real PostgreSQL for the whole run (the embedded one,
 * unless TEST_DATABASE_URL names a superuser connection), a template database
 * migrated and seeded once, then tap. Each test file clones the template into
 * a database of its own, so files run in parallel and never share rows.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bootstrapDatabase, startEmbeddedPostgres, withCredentials } from '@oppvekst/db';
import pg from 'pg';
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD, TEST_WORKER_PASSWORD } from '../test/support/constants.js';

async function main(): Promise<number> {
  let superuserUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let scratch: string | undefined;
  if (!superuserUrl) {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'oppvekst-test-'));
    const server = await startEmbeddedPostgres({ dataDir: scratch, database: 'postgres' });
    superuserUrl = server.adminUrl;
    stop = () => server.stop();
  }
  try {
    await recreateDatabase(superuserUrl, TEMPLATE_DATABASE);
    const templateUrl = withDatabase(superuserUrl, TEMPLATE_DATABASE);
    await bootstrapDatabase(templateUrl, { appPassword: TEST_APP_PASSWORD, workerPassword: TEST_WORKER_PASSWORD, seed: 'always' });

    const tapArgs = process.argv.slice(2);
    return await new Promise<number>((resolve) => {
      const tap = spawn(path.resolve('node_modules/.bin/tap'), tapArgs, {
        stdio: 'inherit',
        env: { ...process.env, OPPVEKST_TEST_SUPERUSER_URL: superuserUrl },
      });
      tap.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  return withCredentials(url, decodeURIComponent(parsed.username), decodeURIComponent(parsed.password), database);
}

async function recreateDatabase(superuserUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(superuserUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
