import { randomBytes } from 'node:crypto';
import { APP_ROLE, createDb, createPool, type Database, ensureRoles, withCredentials, WORKER_ROLE } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD, TEST_WORKER_PASSWORD } from './constants.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

export interface TestDatabase {
  name: string;
  /** Superuser connection to this database (for setting up and for checks the app role cannot make). */
  adminUrl: string;
  /** The app's login role on this database, as the service connects. */
  appUrl: string;
  /** The webhook worker's login role on this database. */
  workerUrl: string;
}

function superuserUrl(): string {
  const url = process.env.OPPVEKST_TEST_SUPERUSER_URL;
  if (!url) throw new Error('OPPVEKST_TEST_SUPERUSER_URL is not set: run the tests with `pnpm test`');
  return url;
}

function urlFor(database: string, user?: string, password?: string): string {
  const base = new URL(superuserUrl());
  return withCredentials(
    superuserUrl(),
    user ?? decodeURIComponent(base.username),
    password ?? decodeURIComponent(base.password),
    database,
  );
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of this test's own, dropped at teardown: a copy of the migrated,
 * seeded template, or (`empty: true`) an empty one with the roles' grants.
 */
export async function createTestDatabase(t: Teardown, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer((client) =>
    client.query(
      `create database ${client.escapeIdentifier(name)}${options.empty ? '' : ` template ${client.escapeIdentifier(TEMPLATE_DATABASE)}`}`,
    ),
  );
  t.teardown(() => onServer((client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)));
  const adminUrl = urlFor(name);
  if (options.empty) await ensureRoles(adminUrl, TEST_APP_PASSWORD, TEST_WORKER_PASSWORD);
  return { name, adminUrl, appUrl: urlFor(name, APP_ROLE, TEST_APP_PASSWORD), workerUrl: urlFor(name, WORKER_ROLE, TEST_WORKER_PASSWORD) };
}

/** A Kysely on the given URL, destroyed at teardown. */
export function connect(t: Teardown, url: string, max = 4): Kysely<Database> {
  const db = createDb(createPool(url, { max }));
  t.teardown(() => db.destroy());
  return db;
}
