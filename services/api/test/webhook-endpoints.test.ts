import { createOwnerDb, type Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import t, { type Test } from 'tap';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { clientWithToken, grant } from './support/principals.js';
import { SECOND_REGION, seedSecondRegionInDraft } from './support/second-region.js';
import { TEST_WEBHOOKS } from './support/webhooks.js';
import type { Resolver } from '../src/webhooks/target-policy.js';

const VT = 'vest-telemark';
const BASE = `/v1/regions/${VT}/webhooks`;
/** Names that resolve as this test says, without DNS. */
const names: Record<string, string[]> = {
  'hooks.example.test': ['93.184.216.34'],
  'intranet.example.test': ['10.20.30.40'],
  'mixed.example.test': ['93.184.216.34', '192.168.1.10'],
  'sneaky.example.test': ['::ffff:169.254.169.254'],
  'compatible.example.test': ['::a9fe:a9fe'],
  'v6.example.test': ['2001:4860:4860::8888'],
};
const resolve: Resolver = async (host) => (names[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

async function setUp(t: Test) {
  const { app, database, db } = await build(t, { webhooks: { ...TEST_WEBHOOKS, targets: { allowHttp: false, allowedNetworks: [], resolve } } });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@vt', 'region_admin', { region: VT });
  return { app, database, db, owner, token: await tokenFor('kari@vt') };
}

t.test('registration: the target must be https and public, checked after resolving', async (t) => {
  const { app, token } = await setUp(t);
  const refused = [
    'http://hooks.example.test/x',
    'https://10.0.0.1/x', 'https://172.16.5.4/x', 'https://192.168.1.1/x', 'https://127.0.0.1/x', 'https://2130706433/x', 'https://0x7f000001/x',
    'https://169.254.169.254/latest/meta-data', 'https://100.64.0.1/x', 'https://224.0.0.1/x', 'https://0.0.0.0/x', 'https://255.255.255.255/x',
    'https://[::1]/x', 'https://[::]/x', 'https://[fe80::1]/x', 'https://[fd00::1]/x', 'https://[ff02::1]/x',
    'https://[::ffff:127.0.0.1]/x', 'https://[::ffff:10.0.0.1]/x', 'https://[2002:c0a8:101::1]/x', 'https://[64:ff9b::a00:1]/x',
    'https://[::127.0.0.1]/x', 'https://[::7f00:1]/x', 'https://[::a9fe:a9fe]/x', 'https://compatible.example.test/x',
    'https://localhost/x', 'https://intranet.example.test/x', 'https://mixed.example.test/x', 'https://sneaky.example.test/x', 'https://nowhere.example.test/x',
    'https://user:pass@hooks.example.test/x', 'https://hooks.example.test/x#frag', 'ftp://hooks.example.test/x', 'not a url',
  ];
  for (const url of refused) {
    const res = await call(app, 'POST', BASE, { token, payload: { url, eventTypes: ['measure.created'] } });
    t.equal(res.statusCode, 400, `${url} is refused`);
    t.match(res.json(), { type: '/problems/validation-error', errors: [{ field: 'body/url' }] }, `${url}: ${res.json().detail}`);
  }
  for (const url of ['https://hooks.example.test/oppvekst', 'https://93.184.216.34:8443/x', 'https://v6.example.test/x', 'https://[2001:4860:4860::8888]/x']) {
    const res = await call(app, 'POST', BASE, { token, payload: { url, eventTypes: ['measure.created'] } });
    t.equal(res.statusCode, 201, `${url} is taken`);
  }
});

t.test('endpoints: create, read, change with If-Match, disable, enable, delete; the secret once', async (t) => {
  const { app, db, owner, token } = await setUp(t);
  const created = await call(app, 'POST', BASE, { token, payload: { url: 'https://hooks.example.test/a', eventTypes: ['plan.version.adopted', 'measure.updated'], description: 'Intranett' } });
  t.equal(created.statusCode, 201);
  assertContract(t, 'CreatedWebhookEndpoint', created.json());
  t.equal(created.headers['cache-control'], 'no-store');
  const { endpoint, secret } = created.json();
  t.match(created.headers.location, `${BASE}/${endpoint.id}`);
  t.same({ enabled: endpoint.enabled, region: endpoint.region, createdBy: endpoint.createdBy, consecutiveFailures: endpoint.consecutiveFailures }, { enabled: true, region: VT, createdBy: 'kari@vt', consecutiveFailures: 0 });

  const list = await call(app, 'GET', BASE, { token });
  assertContract(t, 'WebhookEndpointList', list.json());
  t.notMatch(list.body, secret.slice(6), 'the secret is never listed');
  const read = await call(app, 'GET', `${BASE}/${endpoint.id}`, { token });
  assertContract(t, 'WebhookEndpoint', read.json());
  t.notMatch(read.body, secret.slice(6), 'nor read back');
  const stored = await owner.selectFrom('webhook_endpoints').select('secret_ciphertext').executeTakeFirstOrThrow();
  t.notMatch(stored.secret_ciphertext, secret.slice(6), 'the database holds it sealed');
  t.equal(TEST_WEBHOOKS.secrets.open(endpoint.id, stored.secret_ciphertext), secret, 'and the key opens it');
  t.throws(() => TEST_WEBHOOKS.secrets.open('00000000-0000-4000-8000-000000000000', stored.secret_ciphertext), 'but not for another endpoint');
  await t.rejects(sql`select secret_ciphertext from webhook_endpoints`.execute(db), { code: '42501' }, 'the app role cannot read it at all');

  const url = `${BASE}/${endpoint.id}`;
  t.equal((await call(app, 'PATCH', url, { token, payload: { description: 'x' } })).statusCode, 428, 'no If-Match: 428');
  const stale = await call(app, 'PATCH', url, { token, ifMatch: `"${endpoint.id}.99"`, payload: { description: 'x' } });
  t.equal(stale.statusCode, 412, 'a stale ETag: 412');
  t.equal(stale.headers.etag, etagOf(read), 'with the current ETag');
  for (const payload of [{}, { enabled: 'yes' }, { eventTypes: [] }, { eventTypes: ['plan.deleted'] }, { url: 'https://10.0.0.1/' }, { secret: 'whsec_x' }, { description: 'x'.repeat(501) }]) {
    const res = await call(app, 'PATCH', url, { token, ifMatch: etagOf(read), payload });
    t.equal(res.statusCode, 400, `${JSON.stringify(payload)}: 400`);
  }
  const changed = await call(app, 'PATCH', url, { token, ifMatch: etagOf(read), payload: { url: 'https://hooks.example.test/b', eventTypes: ['measure.created'] } });
  t.equal(changed.statusCode, 200);
  t.same([changed.json().url, changed.json().eventTypes], ['https://hooks.example.test/b', ['measure.created']]);
  t.not(etagOf(changed), etagOf(read), 'the ETag moves on');
  const disabled = await call(app, 'PATCH', url, { token, ifMatch: etagOf(changed), payload: { enabled: false } });
  t.match(disabled.json(), { enabled: false, disabledReason: 'disabled by kari@vt' });
  const enabled = await call(app, 'PATCH', url, { token, ifMatch: etagOf(disabled), payload: { enabled: true } });
  t.match(enabled.json(), { enabled: true, disabledReason: null, disabledAt: null });
  t.equal((await call(app, 'DELETE', url, { token })).statusCode, 428);
  t.equal((await call(app, 'DELETE', url, { token, ifMatch: etagOf(changed) })).statusCode, 412);
  t.equal((await call(app, 'DELETE', url, { token, ifMatch: etagOf(enabled) })).statusCode, 204);
  t.equal((await call(app, 'GET', url, { token })).statusCode, 404);
  const audit = await owner.selectFrom('audit_log').select('action').where('entity_type', '=', 'webhook_endpoint').orderBy('occurred_at').orderBy('id').execute();
  t.same(audit.map((a) => a.action), ['webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.disabled', 'webhook_endpoint.enabled', 'webhook_endpoint.deleted'], 'each change in the audit log');

  for (const payload of [{ url: 'https://hooks.example.test/a' }, { url: 'https://hooks.example.test/a', eventTypes: ['measure.created'], secret: 'whsec_mine' }, { url: 'https://hooks.example.test/a', eventTypes: ['measure.created', 'measure.created'] }]) {
    t.equal((await call(app, 'POST', BASE, { token, payload })).statusCode, 400, `create ${JSON.stringify(payload)}: 400`);
  }
  t.equal((await call(app, 'GET', `${BASE}/not-a-uuid`, { token })).statusCode, 400);
  t.equal((await call(app, 'GET', `${BASE}/${endpoint.id}/deliveries?cursor=bm9wZQ`, { token })).statusCode, 400, 'a cursor the API did not hand out');
});

t.test('who manages webhooks: the region’s administrators and its webhooks:manage clients, nobody else', async (t) => {
  const { app, owner, token } = await setUp(t);
  await seedSecondRegionInDraft(owner);
  await grant(owner, 'grenland-admin', 'region_admin', { region: SECOND_REGION });
  await grant(owner, 'tokke', 'municipal_editor', { region: VT, municipality: '4026' });
  const manager = await clientWithToken(app, token, VT, ['webhooks:manage']);
  const reader = await clientWithToken(app, token, VT, ['plans:read']);
  const payload = { url: 'https://hooks.example.test/c', eventTypes: ['measure.created'] };
  const byClient = await call(app, 'POST', BASE, { token: manager.token, payload });
  t.equal(byClient.statusCode, 201, 'a webhooks:manage client registers');
  t.equal(byClient.json().endpoint.createdBy, `client:${manager.id}`);
  t.equal((await call(app, 'GET', BASE, { token: manager.token })).json().items.length, 1, 'and lists');
  t.equal((await call(app, 'POST', BASE, { token: reader.token, payload })).statusCode, 403, 'a client without the scope: 403');
  t.equal((await call(app, 'POST', BASE, { token: await tokenFor('tokke'), payload })).statusCode, 403, 'an editor: 403');
  t.equal((await call(app, 'GET', BASE, { token: await tokenFor('grenland-admin') })).statusCode, 403, 'another region’s admin: 403');
  t.equal((await call(app, 'GET', `/v1/regions/${SECOND_REGION}/webhooks`, { token: manager.token })).statusCode, 403, 'a client in another region: 403');
  t.equal((await call(app, 'GET', BASE)).statusCode, 401, 'no token: 401');
  t.equal((await call(app, 'GET', `/v1/regions/${SECOND_REGION}/webhooks/${byClient.json().endpoint.id}`, { token: await tokenFor('grenland-admin') })).statusCode, 404, 'another region’s endpoint is not found in one’s own');
  const audit = await owner.selectFrom('audit_log').select(['actor', 'action']).where('entity_type', '=', 'webhook_endpoint').execute();
  t.same(audit, [{ actor: `client:${manager.id}`, action: 'webhook_endpoint.created' }], 'the client’s change is in the audit log under its own name');
});

t.test('no input makes a webhook route fail with 500', async (t) => {
  const { app, token } = await setUp(t);
  const created = await call(app, 'POST', BASE, { token, payload: { url: 'https://hooks.example.test/h', eventTypes: ['measure.created'] } });
  const id = created.json().endpoint.id as string;
  const strings = ['', 'a\u0000b', 'x'.repeat(5000), '\ud800', 'https://hooks.example.test/\u0000', 'https://[::1', 'https://hooks.example.test:99999/', 'javascript:alert(1)', 'https://%00/', 'https://hooks.example.test/' + '%'.repeat(300)];
  const junk: unknown[] = [null, [], 'text', 42, JSON.parse('{"__proto__": {"admin": true}}'), { constructor: { prototype: { x: 1 } } }];
  const bodies: unknown[] = [
    ...strings.map((url) => ({ url, eventTypes: ['measure.created'] })),
    ...strings.map((description) => ({ url: 'https://hooks.example.test/h', eventTypes: ['measure.created'], description })),
    { url: 'https://hooks.example.test/h', eventTypes: 'measure.created' },
    { url: 'https://hooks.example.test/h', eventTypes: Array(30).fill('measure.created') },
    ...junk,
  ];
  for (const payload of bodies) {
    for (const [method, url] of [['POST', BASE], ['PATCH', `${BASE}/${id}`]] as const) {
      const tag = method === 'PATCH' ? etagOf(await call(app, 'GET', `${BASE}/${id}`, { token })) : undefined;
      const res = await call(app, method, url, { token, payload, ...(tag ? { ifMatch: tag } : {}) });
      t.ok(res.statusCode < 500, `${method} ${JSON.stringify(payload)?.slice(0, 60)} → ${res.statusCode}`);
      if (res.statusCode >= 400) t.match(res.headers['content-type'], /^application\/problem\+json/);
    }
  }
  for (const path of [`${BASE}/x`, `${BASE}/${id}%00`, `${BASE}/${id}/deliveries?limit=0`, `${BASE}/${id}/deliveries?limit=abc`, `${BASE}/${id}/deliveries?cursor=${'A'.repeat(300)}`, `${BASE}/${id}/deliveries?cursor=ZDoxOng`, `${BASE}/${id}/deliveries/x/redelivery`, `/v1/regions/${'a'.repeat(300)}/webhooks`]) {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE'] as const) {
      const res = await call(app, method, path, { token, ifMatch: '"x"', ...(method === 'PATCH' || method === 'POST' ? { payload: { description: 'x' } } : {}) });
      t.ok(res.statusCode < 500, `${method} ${path.slice(0, 80)} → ${res.statusCode}`);
    }
  }
});
