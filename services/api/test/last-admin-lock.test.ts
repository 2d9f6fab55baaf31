import { createOwnerDb, type Database } from '@oppvekst/db';
import { sql, type Transaction } from 'kysely';
import t from 'tap';
import { countRegionAdminsLocked, deleteMembership } from '../src/access/membership.repository.js';
import { applyContext, type RequestContext } from '../src/access/request-context.js';
import { connect, createTestDatabase } from './support/database.js';
import { grant } from './support/principals.js';

/**
 * The rule "a region keeps one region_admin" holds under concurrency: a second
 * removal waits for the first to finish and then counts what is left. Shown
 * step by step with two real connections, not by racing requests.
 */
t.test('counting administrators waits for a removal in flight', async (t) => {
  const database = await createTestDatabase(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const admin = connect(t, database.adminUrl, 1);
  const app = connect(t, database.appUrl, 2);
  const first = await grant(owner, 'first-admin', 'region_admin', { region: 'vest-telemark' });
  await grant(owner, 'second-admin', 'region_admin', { region: 'vest-telemark' });
  const { id: region } = await owner.selectFrom('regions').select('id').where('slug', '=', 'vest-telemark').executeTakeFirstOrThrow();
  const context: RequestContext = { role: 'member', regionId: region, subject: 'x', roles: ['region_admin'], municipalityIds: [], serviceIds: [] };
  const inContext = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    app.transaction().execute(async (trx) => {
      await applyContext(trx as Transaction<unknown>, context);
      return work(trx);
    });

  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const hasLock = new Promise<void>((resolve) => (locked = resolve));
  const removal = inContext(async (trx) => {
    const n = await countRegionAdminsLocked(trx, region);
    await deleteMembership(trx, region, first);
    locked();
    await held;
    return n;
  });
  await hasLock;
  const second = inContext((trx) => countRegionAdminsLocked(trx, region));

  // The second transaction is now waiting on the advisory lock.
  let waiting = 0;
  for (let i = 0; i < 100 && waiting === 0; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`.execute(admin);
    waiting = rows[0]!.n;
    if (waiting === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  t.equal(waiting, 1, 'the second count waits for the first removal');
  release();
  t.equal(await removal, 2, 'the first saw two administrators');
  t.equal(await second, 1, 'the second sees the one left, so it refuses to remove it');
});
