import { createOwnerDb, type Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { tokenFor } from './support/auth.js';
import { grant } from './support/principals.js';
import { eventually, receiver, register, reviseAndAdopt, TEST_WEBHOOKS, workerProcess } from './support/webhooks.js';

/** The worker as the process operators run: killed outright, and two at once. */

async function started(worker: ReturnType<typeof workerProcess>): Promise<void> {
  await eventually(async () => /webhook worker started/.test(worker.output()) || worker.child.exitCode !== null, 'the worker to start');
  if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output()}`);
}

t.test('a worker killed mid-delivery and started again delivers every event in the outbox', async (t) => {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@vt', 'region_admin', { region: 'vest-telemark' });
  const token = await tokenFor('kari@vt');
  let held = false;
  // The very first request is never answered: the worker is killed while it waits.
  const hook = await receiver(t, () => {
    if (held) return 204;
    held = true;
    return undefined;
  });
  await register(app, token, hook.url, ['plan.version.adopted', 'measure.created', 'measure.updated', 'measure.deleted']);

  const first = workerProcess(database, { WEBHOOK_CONCURRENCY: '1' });
  t.teardown(() => first.child.kill('SIGKILL'));
  await started(first);
  await reviseAndAdopt(app, token);
  await hook.until((r) => r.length >= 1, 'the first request');
  first.child.kill('SIGKILL');
  await first.exited;
  t.pass('the worker was killed while its request was in flight');

  // More events while no worker runs: they wait in the outbox.
  await reviseAndAdopt(app, token);
  const second = workerProcess(database);
  t.teardown(() => second.child.kill('SIGKILL'));
  await started(second);

  const expected = await owner.selectFrom('webhook_events').select('id').execute();
  t.equal(expected.length, 8, 'eight events in the outbox');
  await hook.until((r) => expected.every((e) => r.some((x) => x.id === e.id && x !== r[0])), 'every event answered');
  const interrupted = hook.received[0]!.id;
  t.ok(hook.received.filter((r) => r.id === interrupted).length >= 2, 'the interrupted event was sent again, with the same webhook-id');

  await eventually(async () => {
    const rows = await owner.selectFrom('webhook_deliveries').select('status').execute();
    return rows.length === 8 && rows.every((r) => r.status === 'succeeded');
  }, 'every delivery recorded as succeeded');
  const log = await owner
    .selectFrom('webhook_attempts as a')
    .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
    .select(['a.attempt_number', 'a.outcome'])
    .where('d.event_id', '=', interrupted)
    .orderBy('a.attempt_number')
    .execute();
  t.same(log.map((a) => [a.attempt_number, a.outcome]), [[1, 'abandoned'], [2, 'succeeded']], 'the killed attempt is logged as abandoned, the next one succeeded');
  second.child.kill('SIGTERM');
  await second.exited;
  t.match(second.output(), /webhook worker stopped/, 'SIGTERM: the worker finishes and stops');
  t.equal(await second.exited, 0, 'and exits 0');
});

t.test('two workers at once never make the same attempt twice', async (t) => {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@vt', 'region_admin', { region: 'vest-telemark' });
  const token = await tokenFor('kari@vt');
  // Every event fails once at each endpoint, so retries compete too.
  const hook = await receiver(t, (r) => (r.nth === 0 ? 500 : 204));
  await register(app, token, `${hook.url}/a`, ['measure.updated']);
  await register(app, token, `${hook.url}/b`, ['measure.updated']);

  const workers = [workerProcess(database, { WEBHOOK_POLL_INTERVAL_MS: '20' }), workerProcess(database, { WEBHOOK_POLL_INTERVAL_MS: '20' })];
  for (const w of workers) t.teardown(() => w.child.kill('SIGKILL'));
  await Promise.all(workers.map(started));

  const EVENTS = 60;
  const { id: regionId } = await owner.selectFrom('regions').select('id').where('slug', '=', 'vest-telemark').executeTakeFirstOrThrow();
  await owner
    .insertInto('webhook_events')
    .values(Array.from({ length: EVENTS }, (_, i) => ({ region_id: regionId, type: 'measure.updated' as const, body: JSON.stringify({ type: 'measure.updated', timestamp: new Date().toISOString(), data: { n: i } }) })))
    .execute();
  await hook.until((r) => r.filter((x) => x.nth === 1).length >= EVENTS * 2, 'every event twice at each endpoint');
  await eventually(async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from webhook_deliveries where status = 'succeeded'`.execute(owner);
    return rows[0]!.n === EVENTS * 2;
  }, 'every delivery recorded');

  // Every event fails once, then succeeds, at each endpoint: any attempt made twice is a third request.
  const perDelivery = new Map<string, number>();
  for (const r of hook.received) perDelivery.set(`${r.path} ${r.id}`, (perDelivery.get(`${r.path} ${r.id}`) ?? 0) + 1);
  t.equal(perDelivery.size, EVENTS * 2, 'every event reached both endpoints');
  t.same([...perDelivery.entries()].filter(([, n]) => n !== 2), [], 'exactly two requests per (endpoint, webhook-id): no attempt was sent twice');
  t.equal(hook.received.length, EVENTS * 2 * 2, `${EVENTS * 4} requests: each event, at each endpoint, failed once and succeeded once`);
  const { rows } = await sql<{ attempts: number; workers: number }>`
    select count(*)::int as attempts, count(distinct worker)::int as workers from webhook_attempts`.execute(owner);
  t.equal(rows[0]!.attempts, hook.received.length, 'the attempt log has one row per request received');
  t.equal(rows[0]!.workers, 2, 'both workers took part');
});
