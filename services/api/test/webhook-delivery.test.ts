import { verifyWebhook, WebhookVerificationError } from '@oppvekst/client';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import t from 'tap';
import { build } from './helper.js';
import type { PlanVersion } from '@oppvekst/contracts';
import { call, etagOf } from './support/api.js';
import { addDays, osloToday } from '../src/plans/consultation-window.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { grant } from './support/principals.js';
import { eventually, inProcessWorker, receiver, register, reviseAndAdopt, TEST_WEBHOOKS } from './support/webhooks.js';

/** Real deliveries to a real HTTP receiver on loopback, by a worker in this process. */
t.test('an adoption reaches a receiver, signed, once per event, with its measure changes', async (t) => {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@vt', 'region_admin', { region: 'vest-telemark' });
  const token = await tokenFor('kari@vt');
  const hook = await receiver(t);
  const endpoint = await register(app, token, hook.url, ['plan.version.adopted', 'measure.created', 'measure.updated', 'measure.deleted']);
  t.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, 'the secret is shown once, in the whsec_ form');

  inProcessWorker(t, database);
  const revision = await reviseAndAdopt(app, token);
  await hook.until((r) => r.length >= 4, 'four events');

  const events = hook.received.map((r) => ({ ...r, event: JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> } }));
  t.same(events.map((e) => e.event.type).sort(), ['measure.created', 'measure.deleted', 'measure.updated', 'plan.version.adopted'], 'one event per change');
  t.equal(new Set(events.map((e) => e.id)).size, 4, 'each with its own webhook-id');
  for (const { event, id, timestamp, body, headers } of events) {
    t.doesNotThrow(() => verifyWebhook({ secret: endpoint.secret, headers, body }), `${event.type}: the client's verifier accepts it`);
    // The Standard Webhooks reference library agrees.
    t.doesNotThrow(() => new Webhook(endpoint.secret).verify(body, headers as Record<string, string>), `${event.type}: so does the standardwebhooks package`);
    t.match(timestamp, /^\d{10}$/, 'webhook-timestamp is Unix seconds');
    t.match(id, /^[0-9a-f-]{36}$/, 'webhook-id is the event id');
    t.equal(headers['content-type'], 'application/json');
    assertContract(t, 'WebhookEvent', event);
    t.equal(event.data.region, 'vest-telemark');
  }
  const byType = (type: string) => events.find((e) => e.event.type === type)!.event.data;
  t.equal(byType('measure.updated').measureId, revision.changed);
  t.match(byType('measure.updated').changes, [{ field: 'title' }], 'the change, field by field');
  t.equal(byType('measure.deleted').measureId, revision.removed);
  t.equal(byType('measure.created').measureId, revision.created);
  t.equal((byType('measure.created').measure as { title: string }).title, 'Nytt tiltak for webhook-prøva', 'the measure as adopted');
  t.equal(byType('measure.created').previousVersionId, revision.previousVersionId);
  t.same(byType('plan.version.adopted').measures, { created: 1, updated: 1, deleted: 1 });
  t.equal((byType('plan.version.adopted').version as { id: string; status: string }).status, 'adopted');

  t.test('a tampered body, a wrong secret or an old timestamp is refused by the verifier', async (t) => {
    const { body, headers } = events[0]!;
    const refused = (options: Parameters<typeof verifyWebhook>[0], code: string) => {
      try {
        verifyWebhook(options);
        t.fail(`${code}: accepted`);
      } catch (error) {
        t.ok(error instanceof WebhookVerificationError && error.code === code, code);
      }
    };
    refused({ secret: endpoint.secret, headers, body: body.replace('vest-telemark', 'vest-telemarK') }, 'no_matching_signature');
    refused({ secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, headers, body }, 'no_matching_signature');
    refused({ secret: endpoint.secret, headers, body, now: Number(headers['webhook-timestamp']) + 301 }, 'timestamp_out_of_tolerance');
    refused({ secret: endpoint.secret, headers: { ...headers, 'webhook-id': undefined }, body }, 'missing_header');
    refused({ secret: 'not-a-secret', headers, body }, 'invalid_secret');
    t.doesNotThrow(() => verifyWebhook({ secret: [`whsec_${Buffer.alloc(32, 1).toString('base64')}`, endpoint.secret], headers, body }), 'one of several secrets (rotation)');
  });

  t.test('the delivery log shows each event once, delivered at the first attempt', async (t) => {
    await eventually(async () => (await owner.selectFrom('webhook_deliveries').select('id').where('status', '=', 'succeeded').execute()).length === 4, 'four deliveries recorded');
    const res = await call(app, 'GET', `/v1/regions/vest-telemark/webhooks/${endpoint.id}/deliveries`, { token });
    t.equal(res.statusCode, 200);
    assertContract(t, 'WebhookDeliveryPage', res.json());
    const items = res.json().items as { webhookId: string; status: string; attempts: number; attemptLog: { outcome: string; responseStatus: number }[] }[];
    t.equal(items.length, 4);
    t.same(new Set(items.map((i) => i.webhookId)), new Set(events.map((e) => e.id)));
    for (const item of items) {
      t.equal(item.status, 'succeeded');
      t.match(item.attemptLog, [{ outcome: 'succeeded', responseStatus: 204 }]);
    }
    const health = (await call(app, 'GET', `/v1/regions/vest-telemark/webhooks/${endpoint.id}`, { token })).json();
    t.equal(health.consecutiveFailures, 0);
    t.ok(health.lastSuccessAt, 'the endpoint’s last success is recorded');
  });
});

t.test('a receiver that fails three times, then succeeds, gets the same webhook-id every time', async (t) => {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@vt', 'region_admin', { region: 'vest-telemark' });
  const token = await tokenFor('kari@vt');
  const hook = await receiver(t, (r) => (r.nth < 3 ? 503 : 200));
  const endpoint = await register(app, token, hook.url, ['plan.version.adopted']);
  inProcessWorker(t, database);
  await reviseAndAdopt(app, token);
  await hook.until((r) => r.some((x) => x.nth === 3), 'the fourth attempt');

  t.equal(hook.received.length, 4, 'four requests');
  t.equal(new Set(hook.received.map((r) => r.id)).size, 1, 'all with one webhook-id');
  t.equal(new Set(hook.received.map((r) => r.body)).size, 1, 'and the same body');
  for (const r of hook.received) t.doesNotThrow(() => verifyWebhook({ secret: endpoint.secret, headers: r.headers, body: r.body }), `attempt ${r.nth + 1} is signed`);

  await eventually(() => owner.selectFrom('webhook_deliveries').select('id').where('status', '=', 'succeeded').executeTakeFirst(), 'the delivery recorded as succeeded');
  const log = await owner.selectFrom('webhook_attempts').select(['attempt_number', 'outcome', 'response_status']).orderBy('attempt_number').execute();
  t.same(log.map((a) => [a.attempt_number, a.outcome, a.response_status]), [[1, 'failed', 503], [2, 'failed', 503], [3, 'failed', 503], [4, 'succeeded', 200]], 'the attempt log');
  const delivery = await owner.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
  t.equal(delivery.status, 'succeeded');
  t.equal(delivery.attempts, 4);
});

t.test('the outbox: written with the change it reports, and only then', async (t) => {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'leiar@tokke', 'municipal_editor', { region: 'vest-telemark', municipality: '4026' });
  const token = await tokenFor('leiar@tokke');
  const events = () => owner.selectFrom('webhook_events').select(['type', 'body', 'occurred_at']).orderBy('occurred_at').execute();

  // A municipal editor revises Tokke's annex: the draft and its edits send nothing.
  const list = await call(app, 'GET', '/v1/municipalities/4026/annex/versions', { token });
  const started = await call(app, 'POST', '/v1/municipalities/4026/annex/versions', { token, ifMatch: etagOf(list), payload: {} });
  const base = `/v1/plan-versions/${started.json().id}`;
  const content = (await call(app, 'GET', base, { token })).json() as PlanVersion;
  const measure = [...content.goals.flatMap((g) => g.measures), ...content.measuresForRegionalGoals][0]!;
  const item = await call(app, 'GET', `${base}/measures/${measure.id}`, { token });
  t.equal((await call(app, 'PATCH', `${base}/measures/${measure.id}`, { token, ifMatch: etagOf(item), payload: { title: 'Endra i utkastet' } })).statusCode, 200);
  t.same(await events(), [], 'editing a draft writes no event');

  // A refused step writes nothing either: its transaction is rolled back.
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const refused = await call(app, 'POST', `${base}/adoption`, {
    token,
    ifMatch: etagOf(await call(app, 'GET', base, { token })),
    payload: { decidedBy: 'municipal_council', decision: 'adopted', decidedOn: tomorrow, caseReference: 'X' },
  });
  t.equal(refused.statusCode, 409);
  t.same(await events(), [], 'a refused adoption writes no event');

  const today = osloToday();
  const opened = await call(app, 'POST', `${base}/consultation`, { token, ifMatch: etagOf(await call(app, 'GET', base, { token })), payload: { opensOn: today, closesOn: addDays(today, 21) } });
  t.equal(opened.statusCode, 200);
  const [event] = await events();
  t.equal(event?.type, 'plan.consultation.opened');
  const body = JSON.parse(event!.body);
  assertContract(t, 'WebhookEvent', body);
  t.match(body, { type: 'plan.consultation.opened', data: { region: 'vest-telemark', version: { id: started.json().id, status: 'consultation', kommunenummer: '4026', consultation: { opensOn: today } } } });
  t.equal(body.timestamp, event!.occurred_at.toISOString(), 'the body’s timestamp is the transaction’s time');
});
