import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { disableEndpoint, dispatchEvents } from '../src/webhook-worker/queue.repository.js';
import { endpointDisabledEvent } from '../src/webhooks/plan-events.js';
import { build } from './helper.js';
import { tokenFor } from './support/auth.js';
import { connect } from './support/database.js';
import { grant } from './support/principals.js';
import { register, TEST_WEBHOOKS } from './support/webhooks.js';

/** Which endpoints an event fans out to, played with the worker's repository functions and role. */

t.test('webhook.endpoint.disabled goes to the region’s other endpoints, never to the one disabled', async (t) => {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const worker = connect(t, database.workerUrl);
  await grant(owner, 'kari@vt', 'region_admin', { region: 'vest-telemark' });
  const token = await tokenFor('kari@vt');
  const types = ['plan.version.adopted', 'webhook.endpoint.disabled'];
  const [broken, other, third] = [
    await register(app, token, 'http://127.0.0.1:9/broken', types),
    await register(app, token, 'http://127.0.0.1:9/other', types),
    await register(app, token, 'http://127.0.0.1:9/third', ['webhook.endpoint.disabled']),
  ];

  const reason = 'the endpoint answered 410 Gone';
  t.ok(await disableEndpoint(worker, broken!.id, reason, (e) => endpointDisabledEvent({ region: e.region, endpointId: broken!.id, url: e.url, reason, disabledAt: e.disabledAt }, e.disabledAt)));
  t.equal(await dispatchEvents(worker, { batch: 10, maxAttempts: 3, firstDelayMs: 0 }), 1, 'the event is fanned out');
  const deliveries = await owner
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
    .select('d.endpoint_id')
    .where('ev.type', '=', 'webhook.endpoint.disabled')
    .execute();
  t.same(deliveries.map((d) => d.endpoint_id).sort(), [other!.id, third!.id].sort(), 'to the other endpoints only: the disabled one would get it once enabled again');
});
