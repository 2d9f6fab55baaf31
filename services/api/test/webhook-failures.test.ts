import { verifyWebhook } from '@oppvekst/client';
import { createOwnerDb, type Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import t, { type Test } from 'tap';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { connect } from './support/database.js';
import { grant } from './support/principals.js';
import { eventually, inProcessWorker, receiver, register, reviseAndAdopt, TEST_WEBHOOKS } from './support/webhooks.js';
import type { Resolver } from '../src/webhooks/target-policy.js';

const VT = 'vest-telemark';

async function setUp(t: Test, webhooks = TEST_WEBHOOKS) {
  const { app, database, db } = await build(t, { webhooks });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@vt', 'region_admin', { region: VT });
  return { app, database, db, owner, token: await tokenFor('kari@vt') };
}

t.test('sustained failure disables the endpoint, tells the region, and waits; re-enabling and redelivery send again', async (t) => {
  const { app, database, owner, token } = await setUp(t);
  let failing = true;
  const broken = await receiver(t, () => (failing ? 500 : 204));
  const watcher = await receiver(t);
  const endpoint = await register(app, token, broken.url, ['plan.version.adopted']);
  const other = await register(app, token, watcher.url, ['webhook.endpoint.disabled']);
  inProcessWorker(t, database, { retrySchedule: [0, 20, 20] });

  await reviseAndAdopt(app, token);
  await watcher.until((r) => r.length >= 1, 'the disabled event at the other endpoint');
  t.equal(broken.received.length, 3, 'three attempts, all failed');
  const notice = watcher.received[0]!;
  t.doesNotThrow(() => verifyWebhook({ secret: other.secret, headers: notice.headers, body: notice.body }), 'signed with the other endpoint’s secret');
  const event = JSON.parse(notice.body);
  assertContract(t, 'WebhookEvent', event);
  t.match(event, { type: 'webhook.endpoint.disabled', data: { region: VT, endpointId: endpoint.id, url: broken.url } });

  const url = `/v1/regions/${VT}/webhooks/${endpoint.id}`;
  const read = await call(app, 'GET', url, { token });
  t.match(read.json(), { enabled: false, consecutiveFailures: 3, disabledReason: /every attempt failed/ });
  t.ok(read.json().failingSince, 'failing since the first failure');
  const audit = await owner.selectFrom('audit_log').select(['actor', 'action', 'entity_id']).where('action', '=', 'webhook_endpoint.disabled').execute();
  t.same(audit, [{ actor: 'system:webhook-worker', action: 'webhook_endpoint.disabled', entity_id: endpoint.id }], 'the audit log says who disabled it and why');

  // While it is disabled, events for it wait.
  await reviseAndAdopt(app, token);
  const log = async () => (await call(app, 'GET', `${url}/deliveries`, { token })).json() as { items: { id: string; status: string; attempts: number; webhookId: string; attemptLog: { manual: boolean; outcome: string }[] }[] };
  await eventually(async () => (await log()).items.length === 2, 'the second event queued');
  t.equal(broken.received.length, 3, 'nothing is sent to a disabled endpoint');
  const [waiting, failed] = (await log()).items;
  t.match(waiting, { status: 'pending', attempts: 0 }, 'the newer event waits');
  t.match(failed, { status: 'failed', attempts: 3 });
  const refused = await call(app, 'POST', `${url}/deliveries/${failed!.id}/redelivery`, { token });
  t.equal(refused.statusCode, 409, 'no redelivery to a disabled endpoint');

  failing = false;
  const enabled = await call(app, 'PATCH', url, { token, ifMatch: etagOf(read), payload: { enabled: true } });
  t.match(enabled.json(), { enabled: true, consecutiveFailures: 0, failingSince: null });
  await broken.until((r) => r.some((x) => x.id === waiting!.webhookId), 'the waiting event, once enabled');

  const redelivered = await call(app, 'POST', `${url}/deliveries/${failed!.id}/redelivery`, { token });
  t.equal(redelivered.statusCode, 202);
  assertContract(t, 'WebhookDelivery', redelivered.json());
  await broken.until((r) => r.filter((x) => x.id === failed!.webhookId).length === 4, 'the failed event once more');
  await eventually(async () => (await log()).items.every((i) => i.status === 'succeeded'), 'both delivered');
  const again = (await log()).items.find((i) => i.id === failed!.id)!;
  t.same(again.attemptLog.map((a) => [a.outcome, a.manual]), [['failed', false], ['failed', false], ['failed', false], ['succeeded', true]], 'the fourth attempt is the manual one');
  t.equal(new Set(broken.received.filter((r) => r.id === failed!.webhookId).map((r) => r.id)).size, 1, 'with the same webhook-id');
  t.equal((await call(app, 'POST', `${url}/deliveries/${crypto.randomUUID()}/redelivery`, { token })).statusCode, 404);
});

t.test('410 Gone disables at once; a redirect is not followed', async (t) => {
  const { app, database, token } = await setUp(t);
  const gone = await receiver(t, () => 410);
  const redirecting = await receiver(t, (_r, res) => void res.writeHead(307, { location: gone.url }).end());
  const a = await register(app, token, gone.url, ['plan.version.adopted']);
  const b = await register(app, token, redirecting.url, ['plan.version.adopted']);
  inProcessWorker(t, database, { retrySchedule: [0, 20] });
  await reviseAndAdopt(app, token);
  await eventually(async () => !(await call(app, 'GET', `/v1/regions/${VT}/webhooks/${a.id}`, { token })).json().enabled, 'the 410 endpoint disabled');
  t.equal(gone.received.length, 1, 'one attempt to the endpoint that is gone');
  t.match((await call(app, 'GET', `/v1/regions/${VT}/webhooks/${a.id}`, { token })).json().disabledReason, /410 Gone/);
  await redirecting.until((r) => r.length === 2, 'both attempts at the redirecting endpoint');
  await eventually(async () => (await call(app, 'GET', `/v1/regions/${VT}/webhooks/${b.id}/deliveries`, { token })).json().items[0]?.status === 'failed', 'recorded');
  const log = (await call(app, 'GET', `/v1/regions/${VT}/webhooks/${b.id}/deliveries`, { token })).json().items[0];
  t.match(log, { status: 'failed', lastResponseStatus: 307, lastError: /redirects are not followed/ });
  t.equal(gone.received.length, 1, 'the redirect was not followed to the other receiver');
});

t.test('at delivery the target is checked again and the checked address is the one connected to', async (t) => {
  // receiver.test is not in any DNS: only the pinned lookup can take the request to the receiver.
  let answer = '127.0.0.1';
  const resolve: Resolver = async () => [{ address: answer, family: 4 }];
  const { app: strict, database, owner, token } = await setUp(t, { ...TEST_WEBHOOKS, targets: { allowHttp: true, allowedNetworks: ['127.0.0.1/32'], resolve } });
  const hook = await receiver(t);
  const port = new URL(hook.url).port;
  const created = await call(strict, 'POST', `/v1/regions/${VT}/webhooks`, { token, payload: { url: `http://receiver.test:${port}/hook`, eventTypes: ['plan.version.adopted'] } });
  t.equal(created.statusCode, 201, 'registered while it resolves to the allowed 127.0.0.1');
  inProcessWorker(t, database, { targets: { allowHttp: true, allowedNetworks: ['127.0.0.1/32'], resolve }, retrySchedule: [0, 50, 50] });
  await reviseAndAdopt(strict, token);
  await hook.until((r) => r.length === 1, 'the first event');
  t.equal(hook.received[0]!.headers.host, `receiver.test:${port}`, 'sent with its own host name, to the checked address');

  answer = '127.0.0.2'; // DNS now points elsewhere (loopback too, so nothing leaves this machine)
  await reviseAndAdopt(strict, token);
  await eventually(async () => {
    const rows = await owner.selectFrom('webhook_attempts').select('error').where('error', 'like', 'refused target%').execute();
    return rows.length >= 1 && rows;
  }, 'an attempt refused at delivery');
  const refused = await owner.selectFrom('webhook_attempts').select(['error', 'response_status']).where('error', 'like', 'refused target%').executeTakeFirstOrThrow();
  t.match(refused, { error: /receiver\.test resolves to 127\.0\.0\.2, a loopback address/, response_status: null }, 'refused with the reason, without a connection');
  t.equal(hook.received.length, 1, 'nothing reached the receiver');
});

t.test('row-level security: the webhook tables are the region’s managers’ and the worker’s', async (t) => {
  const { app, database, owner, token } = await setUp(t);
  await register(app, token, (await receiver(t)).url, ['measure.created']);
  const { id: regionId } = await owner.selectFrom('regions').select('id').where('slug', '=', VT).executeTakeFirstOrThrow();
  const asMember = (roles: ('region_admin' | 'municipal_editor' | 'reader')[], work: (trx: Kysely<Database>) => Promise<unknown>) =>
    app.withContext({ role: 'member', regionId, subject: 'x', roles, municipalityIds: [], serviceIds: [] }, work);
  const count = (table: 'webhook_endpoints' | 'webhook_events') => async (trx: Kysely<Database>) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)).rows[0]!.n;
  t.equal(await asMember(['reader'], count('webhook_endpoints')), 0, 'a reader sees no endpoint');
  t.equal(await asMember(['municipal_editor'], count('webhook_endpoints')), 0, 'nor does an editor');
  t.equal(await asMember(['region_admin'], count('webhook_endpoints')), 1, 'the region’s admin does');
  t.equal(await app.withContext({ role: 'anonymous' }, count('webhook_endpoints')), 0, 'the public sees none');
  const insert = (type: string) => (trx: Kysely<Database>) => sql`insert into webhook_events (region_id, type, body) values (${regionId}, ${type}, '{}')`.execute(trx);
  await t.rejects(asMember(['reader'], insert('measure.created')), { code: '42501' }, 'a reader cannot write events');
  await t.rejects(asMember(['region_admin'], insert('webhook.endpoint.disabled')), { code: '42501' }, 'nobody but the worker reports endpoints disabled');
  await t.rejects(app.withContext({ role: 'anonymous' }, insert('measure.created')), { code: '42501' }, 'nor the public');

  const worker = connect(t, database.workerUrl);
  const asWorker = async (query: ReturnType<typeof sql>) => query.execute(worker);
  await t.rejects(asWorker(sql`select 1 from measures limit 1`), { code: '42501' }, 'the worker cannot read plans');
  await t.rejects(asWorker(sql`select 1 from memberships limit 1`), { code: '42501' }, 'nor members');
  await t.rejects(asWorker(sql`update webhook_endpoints set url = 'https://evil.example/'`), { code: '42501' }, 'nor change where endpoints point');
  await t.rejects(asWorker(sql`insert into audit_log (region_id, actor, action, entity_type) values (${regionId}, 'kari@vt', 'plan_version.adopted', 'plan_version')`), { code: '42501' }, 'nor write the audit log in anyone’s name');
  const seen = await asWorker(sql`select count(*)::int as n from webhook_endpoints`);
  t.equal((seen.rows[0] as { n: number }).n, 1, 'it sees every region’s endpoints');
});

t.test('redelivering a delivered event is one attempt: if it fails, nothing more follows and the endpoint stays enabled', async (t) => {
  const { app, database, owner, token } = await setUp(t);
  const hook = await receiver(t, (r) => (r.nth === 0 ? 204 : 500));
  const endpoint = await register(app, token, hook.url, ['plan.version.adopted']);
  inProcessWorker(t, database, { retrySchedule: [0, 20, 20] });
  await reviseAndAdopt(app, token);
  const url = `/v1/regions/${VT}/webhooks/${endpoint.id}`;
  const delivery = await eventually(async () => (await owner.selectFrom('webhook_deliveries').select(['id', 'status']).executeTakeFirst())?.status === 'succeeded' && (await owner.selectFrom('webhook_deliveries').select('id').executeTakeFirstOrThrow()), 'delivered');
  t.equal((await call(app, 'POST', `${url}/deliveries/${delivery.id}/redelivery`, { token })).statusCode, 202);
  const after = await eventually(async () => {
    const row = await owner.selectFrom('webhook_deliveries').select(['status', 'attempts', 'max_attempts']).executeTakeFirstOrThrow();
    return row.status === 'failed' && row;
  }, 'the manual attempt recorded');
  t.same(after, { status: 'failed', attempts: 2, max_attempts: 2 }, 'one manual attempt, no retry schedule after it');
  t.equal(hook.received.length, 2);
  t.equal((await call(app, 'GET', url, { token })).json().enabled, true, 'a failed manual attempt disables nothing');
});
