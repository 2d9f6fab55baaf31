import { createOwnerDb, type Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import t, { type Test } from 'tap';
import { claimDue, dispatchEvents, type Outcome, recordOutcome } from '../src/webhook-worker/queue.repository.js';
import { build } from './helper.js';
import { call } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { connect } from './support/database.js';
import { grant } from './support/principals.js';
import { register, TEST_WEBHOOKS } from './support/webhooks.js';

/**
 * Who may record an attempt's outcome: the worker that holds its lease, and
 * only while nobody has taken the delivery from it. No worker runs here; the
 * tests play the workers with the worker's own repository functions and role.
 */

const VT = 'vest-telemark';
const failed: Outcome = { status: 'failed', responseStatus: 500, error: 'answered 500', durationMs: 1 };

async function oneClaimedDelivery(t: Test, maxAttempts = 1) {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const worker = connect(t, database.workerUrl);
  await grant(owner, 'kari@vt', 'region_admin', { region: VT });
  const token = await tokenFor('kari@vt');
  const endpoint = await register(app, token, 'http://127.0.0.1:9/hook', ['plan.version.adopted']);
  const region = await owner.selectFrom('regions').select('id').where('slug', '=', VT).executeTakeFirstOrThrow();
  await owner.insertInto('webhook_events').values({ region_id: region.id, type: 'plan.version.adopted', body: '{"type":"plan.version.adopted"}' }).execute();
  await dispatchEvents(worker, { batch: 10, maxAttempts, firstDelayMs: 0 });
  const [claimed] = await claimDue(worker, 'slow', 10, 60_000);
  t.ok(claimed, 'the slow worker claims the delivery');
  // The slow worker's lease runs out while its request still hangs.
  const expire = () => sql`update webhook_deliveries set lease_expires_at = now() - interval '1 second' where id = ${claimed!.deliveryId}`.execute(owner);
  const delivery = () => owner.selectFrom('webhook_deliveries').selectAll().where('id', '=', claimed!.deliveryId).executeTakeFirstOrThrow();
  return { app, token, owner, worker, endpoint, claimed: claimed!, expire, delivery };
}

t.test('a redelivery requested after a lease ran out is not overwritten by the worker that held it', async (t) => {
  const { app, token, worker, endpoint, claimed, expire, delivery } = await oneClaimedDelivery(t);
  await expire();
  const redelivered = await call(app, 'POST', `/v1/regions/${VT}/webhooks/${endpoint.id}/deliveries/${claimed.deliveryId}/redelivery`, { token });
  t.equal(redelivered.statusCode, 202, 'the redelivery is accepted');
  t.match(await delivery(), { lease_owner: null, lease_expires_at: null, redelivery_requested: true }, 'and frees the delivery of the old lease');

  t.equal(await recordOutcome(worker, 'slow', claimed, failed), false, 'the slow worker’s outcome does not count');
  const after = await delivery();
  t.match(after, { status: 'pending', redelivery_requested: true, max_attempts: 2 }, 'the redelivery still waits');
  t.not(after.next_attempt_at, null);

  const [again] = await claimDue(worker, 'other', 10, 60_000);
  t.match(again, { deliveryId: claimed.deliveryId, attempt: 2, manual: true }, 'and the next worker makes it, as a manual attempt');
});

t.test('a worker whose delivery was taken over records nothing', async (t) => {
  const { owner, worker, endpoint, claimed, expire, delivery } = await oneClaimedDelivery(t, 2);
  await expire();
  const [taken] = await claimDue(worker, 'fast', 10, 60_000);
  t.match(taken, { deliveryId: claimed.deliveryId, attempt: 2 }, 'another worker takes the delivery over, as the next attempt');

  const succeeded: Outcome = { status: 'succeeded', responseStatus: 204, durationMs: 1 };
  t.equal(await recordOutcome(worker, 'slow', claimed, succeeded), false, 'the slow worker’s outcome is not recorded');
  t.match(await delivery(), { status: 'pending', attempts: 2, lease_owner: 'fast', completed_at: null }, 'the delivery is still the new worker’s');
  const health = () => owner.selectFrom('webhook_endpoints').select(['consecutive_failures', 'last_success_at']).where('id', '=', endpoint.id).executeTakeFirstOrThrow();
  t.same(await health(), { consecutive_failures: 0, last_success_at: null }, 'nor does it count toward the endpoint’s health');
  const attempts = () => owner.selectFrom('webhook_attempts').select(['attempt_number', 'worker', 'outcome']).where('delivery_id', '=', claimed.deliveryId).orderBy('attempt_number').execute();
  t.same(await attempts(), [
    { attempt_number: 1, worker: 'slow', outcome: 'abandoned' },
    { attempt_number: 2, worker: 'fast', outcome: 'in_flight' },
  ], 'its attempt stays logged as abandoned');

  t.equal(await recordOutcome(worker, 'fast', taken!, failed), true, 'the worker holding the lease records its outcome');
  t.match(await delivery(), { status: 'failed', lease_owner: null, last_response_status: 500 });
  t.equal((await health()).consecutive_failures, 1);
});
