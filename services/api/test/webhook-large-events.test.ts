import { randomBytes } from 'node:crypto';
import { LIMITS, type PlanVersion, type VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import t from 'tap';
import { osloToday } from '../src/plans/consultation-window.js';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { grant } from './support/principals.js';
import { TEST_WEBHOOKS } from './support/webhooks.js';

/**
 * The largest event there is: measure.updated of a measure at every size
 * limit, whose old and new values are all control characters, each of which
 * JSON writes as six (\u0001). Its adoption must go through, event and all.
 */

const filled = (char: string, length: number) => char.repeat(length);
const largest = (char: string) => ({
  title: filled(char, LIMITS.title),
  description: filled(char, LIMITS.measureDescription),
  programme: filled(char, LIMITS.programme),
  responsibilities: Array.from({ length: LIMITS.responsibilities }, (_, i) => ({ role: 'partner', name: `${i}${filled(char, LIMITS.partnerName - 2)}` })),
});

async function reviseMeasure(app: FastifyInstance, token: string, measureId: string | undefined, char: string): Promise<string> {
  const list = await call(app, 'GET', '/v1/regions/vest-telemark/plan/versions', { token });
  const started = await call(app, 'POST', '/v1/regions/vest-telemark/plan/versions', { token, ifMatch: etagOf(list), payload: {} });
  if (started.statusCode !== 201) throw new Error(`startRegionalPlanRevision: ${started.statusCode} ${started.body}`);
  const base = `/v1/plan-versions/${(started.json() as VersionSummary).id}`;
  const content = (await call(app, 'GET', base, { token })).json() as PlanVersion;
  const id = measureId ?? content.goals.flatMap((g) => g.measures)[0]!.id;
  const item = await call(app, 'GET', `${base}/measures/${id}`, { token });
  const patched = await call(app, 'PATCH', `${base}/measures/${id}`, { token, ifMatch: etagOf(item), payload: largest(char) });
  if (patched.statusCode !== 200) throw new Error(`updateMeasure: ${patched.statusCode} ${patched.body.slice(0, 500)}`);
  const adopted = await call(app, 'POST', `${base}/adoption`, {
    token,
    ifMatch: etagOf(await call(app, 'GET', base, { token })),
    payload: { decidedBy: 'regional_council', decision: 'adopted', decidedOn: osloToday(), caseReference: `PS ${randomBytes(2).toString('hex')}` },
  });
  if (adopted.statusCode !== 200) throw new Error(`adoptPlanVersion: ${adopted.statusCode} ${adopted.body.slice(0, 500)}`);
  return id;
}

t.test('a measure at every size limit, full of control characters, is adopted and its event written', async (t) => {
  const { app, database } = await build(t, { webhooks: TEST_WEBHOOKS });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@vt', 'region_admin', { region: 'vest-telemark' });
  const token = await tokenFor('kari@vt');

  const measureId = await reviseMeasure(app, token, undefined, '\u0001');
  const adoptedAt = new Date();
  await reviseMeasure(app, token, measureId, '\u0002');

  const events = await owner.selectFrom('webhook_events').select(['type', 'body']).where('type', '=', 'measure.updated').where('occurred_at', '>=', adoptedAt).execute();
  t.equal(events.length, 1, 'the second adoption wrote its measure.updated');
  const body = events[0]!.body;
  t.ok(body.length > 262_144, `the event is large (${body.length} characters)`);
  const event = JSON.parse(body) as { data: { measureId: string; changes: { field: string }[]; measure: { description: string } } };
  assertContract(t, 'WebhookEvent', event);
  t.equal(event.data.measureId, measureId);
  t.equal(event.data.measure.description, filled('\u0002', LIMITS.measureDescription), 'the measure whole');
  t.ok(['title', 'description', 'programme', 'responsibilities'].every((f) => event.data.changes.some((c) => c.field === f)), 'with old and new values of every field');
});
