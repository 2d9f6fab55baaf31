import type { Database } from '@oppvekst/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type AppOptions, buildApp } from '../src/app.js';
import { testAuth } from './support/auth.js';
import { connect, createTestDatabase, type TestDatabase } from './support/database.js';

export interface Built {
  app: FastifyInstance;
  /** The app's own connection (the app login role). */
  db: Kysely<Database>;
  database: TestDatabase;
}

interface TapLike {
  teardown(fn: () => unknown): void;
}

/** The app on a fresh copy of the seeded database, closed at teardown. */
export async function build(t: TapLike, options: Partial<Omit<AppOptions, 'db'>> = {}): Promise<Built> {
  const database = await createTestDatabase(t);
  const db = connect(t, database.appUrl);
  const app = await buildApp({ db, auth: await testAuth(), ...options });
  t.teardown(() => app.close());
  await app.ready();
  return { app, db, database };
}
