import type { AuditEntry } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { call } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { grant } from './support/principals.js';
import { SECOND_REGION, seedSecondRegionInDraft } from './support/second-region.js';

t.test('listAuditEntries: what happened in a region, for its administrators', async (t) => {
  const { app, database } = await build(t);
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await seedSecondRegionInDraft(owner);
  await grant(owner, 'vt-admin', 'region_admin', { region: 'vest-telemark' });
  await grant(owner, 'vt-reader', 'reader', { region: 'vest-telemark' });
  await grant(owner, 'grenland-admin', 'region_admin', { region: SECOND_REGION });
  const admin = await tokenFor('vt-admin');
  const url = '/v1/regions/vest-telemark/audit-log';

  // Three writes through the API, and what the webhook worker records when it disables an endpoint.
  for (const subject of ['a@tokke.no', 'b@tokke.no', 'c@tokke.no']) {
    const added = await call(app, 'POST', '/v1/regions/vest-telemark/members', { token: admin, payload: { subject, role: 'reader' } });
    t.equal(added.statusCode, 201);
  }
  const { id: regionId } = await owner.selectFrom('regions').select('id').where('slug', '=', 'vest-telemark').executeTakeFirstOrThrow();
  await owner
    .insertInto('audit_log')
    .values({ region_id: regionId, actor: 'system:webhook-worker', action: 'webhook_endpoint.disabled', entity_type: 'webhook_endpoint', entity_id: '00000000-0000-4000-8000-00000000000a', before: null, after: JSON.stringify({ reason: 'sustained failure' }) })
    .execute();

  const all = await call(app, 'GET', url, { token: admin });
  t.equal(all.statusCode, 200);
  assertContract(t, 'AuditEntryPage', all.json());
  const items = (all.json() as { items: AuditEntry[] }).items;
  t.match(items[0], { actor: 'system:webhook-worker', action: 'webhook_endpoint.disabled', after: { reason: 'sustained failure' } }, 'newest first: the worker disabling an endpoint is there for the admin');
  t.same(items.filter((e) => e.action === 'member.added').map((e) => e.actor), ['vt-admin', 'vt-admin', 'vt-admin'], 'each write, with its actor');
  t.ok(items.every((e, i) => i === 0 || BigInt(items[i - 1]!.id) > BigInt(e.id)), 'ids decrease');

  const disabled = (await call(app, 'GET', `${url}?action=webhook_endpoint.disabled`, { token: admin })).json() as { items: AuditEntry[] };
  t.same(disabled.items.map((e) => e.action), ['webhook_endpoint.disabled'], 'filter by action');

  // Paging: two at a time, every entry once.
  const seen: string[] = [];
  let before: string | null = null;
  do {
    const page = (await call(app, 'GET', `${url}?limit=2${before ? `&before=${before}` : ''}`, { token: admin })).json() as { items: AuditEntry[]; nextCursor: string | null };
    t.ok(page.items.length <= 2);
    seen.push(...page.items.map((e) => e.id));
    before = page.nextCursor;
  } while (before);
  t.same(seen, items.map((e) => e.id), 'the pages together are the whole log, in order');

  t.equal((await call(app, 'GET', url)).statusCode, 401, 'not without a token');
  t.equal((await call(app, 'GET', url, { token: await tokenFor('vt-reader') })).statusCode, 403, 'not for a reader');
  t.equal((await call(app, 'GET', url, { token: await tokenFor('grenland-admin') })).statusCode, 403, 'not for another region’s admin');
  const own = (await call(app, 'GET', `/v1/regions/${SECOND_REGION}/audit-log`, { token: await tokenFor('grenland-admin') })).json() as { items: AuditEntry[] };
  t.notOk(own.items.some((e) => e.action === 'webhook_endpoint.disabled' || e.action === 'member.added'), 'and its own log holds none of Vest-Telemark’s entries');
  t.equal((await call(app, 'GET', '/v1/regions/ingen/audit-log', { token: admin })).statusCode, 404);
  for (const bad of ['limit=201', 'limit=0', 'before=abc', 'action=DROP%20TABLE', 'x=1']) {
    t.equal((await call(app, 'GET', `${url}?${bad}`, { token: admin })).statusCode, 400, bad);
  }
});
