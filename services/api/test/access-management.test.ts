import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { bearer, tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { grant, makePlatformAdmin } from './support/principals.js';

const VT = 'vest-telemark';

t.test('members, API clients, tokens and new customers', async (t) => {
  const { app, database } = await build(t);
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const adminId = await grant(owner, 'vt-admin', 'region_admin', { region: VT });
  const admin = bearer(await tokenFor('vt-admin'));
  const audit = (action: string) =>
    owner.selectFrom('audit_log').select(['actor', 'entity_id', 'before', 'after', 'request_id']).where('action', '=', action).execute();

  t.test('addMember: roles with their targets, checked', async (t) => {
    const add = (payload: object) => app.inject({ method: 'POST', url: `/v1/regions/${VT}/members`, headers: admin, payload });
    const created = await add({ subject: 'ola@vinje.kommune.no', role: 'municipal_editor', municipality: '4027' });
    t.equal(created.statusCode, 201, created.body);
    t.match(created.json(), { region: VT, subject: 'ola@vinje.kommune.no', role: 'municipal_editor', municipality: '4027', service: null, createdBy: 'vt-admin' });
    t.equal(created.headers.location, `/v1/regions/${VT}/members/${created.json().id}`);
    assertContract(t, 'Member', created.json());
    const [entry] = await audit('member.added');
    t.match(entry, { actor: 'vt-admin', entity_id: created.json().id, before: null, after: { subject: 'ola@vinje.kommune.no' } }, 'one audit entry');
    t.ok(entry?.request_id, 'with the request id');

    t.equal((await add({ subject: 'ola@vinje.kommune.no', role: 'municipal_editor', municipality: '4027' })).statusCode, 409, 'twice is a conflict');
    const cases: [object, string][] = [
      [{ subject: 'x', role: 'municipal_editor' }, 'body/municipality'],
      [{ subject: 'x', role: 'service_editor', municipality: '4026' }, 'body/service'],
      [{ subject: 'x', role: 'reader', municipality: '4026' }, 'body/municipality'],
      [{ subject: 'x', role: 'municipal_editor', municipality: '3806' }, 'body/municipality'],
      [{ subject: 'x', role: 'service_editor', service: 'no-such-service' }, 'body/service'],
      [{ subject: 'x', role: 'superuser' }, 'body/role'],
      [{ subject: 'client:abc', role: 'reader' }, 'body/subject'],
      [{ subject: 'has space', role: 'reader' }, 'body/subject'],
      [{ subject: 'x', role: 'reader', id: '00000000-0000-4000-8000-000000000000' }, 'body/id'],
      [{ subject: 'x', role: 'reader', region: 'grenland' }, 'body/region'],
      [{ subject: 'x', role: 'reader', createdBy: 'someone else' }, 'body/createdBy'],
    ];
    for (const [payload, field] of cases) {
      const res = await add(payload);
      t.equal(res.statusCode, 400, JSON.stringify(payload));
      t.ok(
        (res.json().errors as { field: string }[] | undefined)?.some((e) => e.field === field),
        `names ${field}: ${res.json().detail}`,
      );
    }
  });

  t.test('listMembers and removeMember; the last region_admin stays', async (t) => {
    const list = await app.inject({ method: 'GET', url: `/v1/regions/${VT}/members`, headers: admin });
    t.equal(list.statusCode, 200);
    assertContract(t, 'MemberList', list.json());
    const subjects = (list.json().items as { subject: string }[]).map((m) => m.subject);
    t.ok(subjects.includes('vt-admin') && subjects.includes('ola@vinje.kommune.no'));

    const last = await app.inject({ method: 'DELETE', url: `/v1/regions/${VT}/members/${adminId}`, headers: admin });
    t.equal(last.statusCode, 409, 'the only region_admin cannot be removed');
    t.match(last.json().detail, /last region_admin/);

    const second = await app.inject({ method: 'POST', url: `/v1/regions/${VT}/members`, headers: admin, payload: { subject: 'vt-admin-2', role: 'region_admin' } });
    t.equal(second.statusCode, 201);
    // Both administrators try to remove each other at once: one of them must remain.
    const other = bearer(await tokenFor('vt-admin-2'));
    const [a, b] = await Promise.all([
      app.inject({ method: 'DELETE', url: `/v1/regions/${VT}/members/${second.json().id}`, headers: admin }),
      app.inject({ method: 'DELETE', url: `/v1/regions/${VT}/members/${adminId}`, headers: other }),
    ]);
    // The loser is refused: 409 when both ran at once, 403 when the winner had already taken its role away.
    const [won, lost] = [a.statusCode, b.statusCode].sort();
    t.equal(won, 204, 'one removal wins');
    t.ok(lost === 409 || lost === 403, `the other is refused (${lost})`);
    const left = await owner.selectFrom('memberships').select('subject').where('role', '=', 'region_admin').execute();
    t.equal(left.length, 1, 'exactly one region_admin is left');
    t.equal((await audit('member.removed')).length, 1, 'and one removal is audited');

    const survivor = bearer(await tokenFor(left[0]!.subject));
    const missing = await app.inject({ method: 'DELETE', url: `/v1/regions/${VT}/members/00000000-0000-4000-8000-000000000000`, headers: survivor });
    t.equal(missing.statusCode, 404, 'an unknown member is 404');
  });

  t.test('API clients: a secret shown once, client credentials, scopes, revocation', async (t) => {
    await grant(owner, 'vt-admin-3', 'region_admin', { region: VT });
    const headers = bearer(await tokenFor('vt-admin-3'));
    const created = await app.inject({
      method: 'POST',
      url: `/v1/regions/${VT}/api-clients`,
      headers,
      payload: { name: 'Kommunens intranett', scopes: ['plans:read'] },
    });
    t.equal(created.statusCode, 201, created.body);
    assertContract(t, 'CreatedApiClient', created.json());
    t.equal(created.headers['cache-control'], 'no-store');
    const { client, clientSecret } = created.json() as { client: { id: string }; clientSecret: string };
    const stored = await owner.selectFrom('api_clients').select('secret_hash').where('id', '=', client.id).executeTakeFirstOrThrow();
    t.match(stored.secret_hash, /^scrypt\$/, 'stored as a slow hash');
    t.notOk(stored.secret_hash.includes(clientSecret), 'not the secret itself');
    const listed = await app.inject({ method: 'GET', url: `/v1/regions/${VT}/api-clients`, headers });
    assertContract(t, 'ApiClientList', listed.json());
    t.notOk(listed.body.includes(clientSecret), 'the secret is never listed');
    t.notOk(listed.body.includes('scrypt'), 'nor its hash');

    const issue = (payload: string | object, extra: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/v1/oauth/token',
        headers: typeof payload === 'string' ? { 'content-type': 'application/x-www-form-urlencoded', ...extra } : extra,
        payload,
      });
    const form = await issue(`grant_type=client_credentials&client_id=${client.id}&client_secret=${encodeURIComponent(clientSecret)}`);
    t.equal(form.statusCode, 200, form.body);
    assertContract(t, 'TokenResponse', form.json());
    t.match(form.json(), { token_type: 'Bearer', expires_in: 900, scope: 'plans:read' });
    t.equal(form.headers['cache-control'], 'no-store');
    const json = await issue({ grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret });
    t.equal(json.statusCode, 200, 'JSON works too');
    const basic = await issue(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from(`${client.id}:${clientSecret}`).toString('base64')}` },
    );
    t.equal(basic.statusCode, 200, 'and HTTP Basic');
    for (const credentials of [`${client.id}:%zz`, 'no-colon-at-all', ':']) {
      const malformed = await issue({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });
      t.match(malformed.json(), { status: 401, error: 'invalid_client' }, `Basic ${credentials}`);
    }
    t.equal((await issue({ grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret }, {
      authorization: `Basic ${Buffer.from(`${client.id}:${clientSecret}`).toString('base64')}`,
    })).statusCode, 400, 'credentials in both places are refused');
    t.ok((await owner.selectFrom('api_clients').select('last_used_at').where('id', '=', client.id).executeTakeFirstOrThrow()).last_used_at, 'last use recorded');

    const wrong = await issue({ grant_type: 'client_credentials', client_id: client.id, client_secret: 'ovs_wrong' });
    t.equal(wrong.statusCode, 401);
    t.match(wrong.json(), { type: '/problems/unauthorized', error: 'invalid_client' });
    const unknown = await issue({ grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000000', client_secret: clientSecret });
    t.match(unknown.json(), { status: 401, error: 'invalid_client' }, 'an unknown client is answered the same way');
    const grantType = await issue({ grant_type: 'password', client_id: client.id, client_secret: clientSecret });
    t.match(grantType.json(), { status: 400, error: 'unsupported_grant_type' });
    const scope = await issue({ grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret, scope: 'plans:read measures:read' });
    t.match(scope.json(), { status: 400, error: 'invalid_scope' }, 'a scope the client does not hold');
    t.equal((await issue({ grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret, extra: 1 })).statusCode, 400, 'unknown fields');

    const token = form.json().access_token as string;
    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
    t.match(me.json(), { kind: 'client', subject: `client:${client.id}`, client: { id: client.id, region: VT, scopes: ['plans:read'] } });
    t.equal((await app.inject({ method: 'GET', url: '/v1/regions/vest-telemark/plan', headers: bearer(token) })).statusCode, 200, 'plans:read reads plans');
    const feed = await app.inject({ method: 'GET', url: '/v1/measures', headers: bearer(token) });
    t.equal(feed.statusCode, 403, 'but not the measures feed');
    t.match(feed.headers['www-authenticate'], /insufficient_scope/);
    const members = await app.inject({ method: 'GET', url: `/v1/regions/${VT}/members`, headers: bearer(token) });
    t.equal(members.statusCode, 403, 'and an API client never administers');

    const revoke = await app.inject({ method: 'DELETE', url: `/v1/regions/${VT}/api-clients/${client.id}`, headers });
    t.equal(revoke.statusCode, 204);
    const after = await app.inject({ method: 'GET', url: '/v1/regions/vest-telemark/plan', headers: bearer(token) });
    t.equal(after.statusCode, 401, 'a revoked client’s token stops working at once');
    t.match(after.json().detail, /revoked/);
    t.equal((await issue({ grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret })).statusCode, 401, 'and it gets no new ones');
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/regions/${VT}/api-clients/${client.id}`, headers })).statusCode, 204, 'revoking twice is harmless');
    t.equal((await audit('api_client.revoked')).length, 1, 'and audited once');
    const revokedListing = await app.inject({ method: 'GET', url: `/v1/regions/${VT}/api-clients`, headers });
    t.ok((revokedListing.json().items as { id: string; revokedAt: string | null }[]).find((c) => c.id === client.id)?.revokedAt, 'listed as revoked');
  });

  t.test('createRegion: a platform admin onboards a municipality on its own', async (t) => {
    await makePlatformAdmin(owner, 'operator');
    const headers = bearer(await tokenFor('operator'));
    const payload = {
      slug: 'hjartdal',
      name: 'Hjartdal kommune',
      kind: 'single_municipality',
      languageForm: 'nn',
      municipalities: [{ kommunenummer: '4024', name: 'Nissedal' }],
      admins: ['leiar@hjartdal.kommune.no'],
    };
    const taken = await app.inject({ method: 'POST', url: '/v1/regions', headers, payload });
    t.equal(taken.statusCode, 409, 'a municipality belongs to one customer only');
    t.equal(await owner.selectFrom('regions').select('id').where('slug', '=', 'hjartdal').executeTakeFirst(), undefined, 'and nothing of it was kept');

    const created = await app.inject({
      method: 'POST',
      url: '/v1/regions',
      headers,
      payload: { ...payload, municipalities: [{ kommunenummer: '4020', name: 'Midt-Telemark' }] },
    });
    t.equal(created.statusCode, 201, created.body);
    t.equal(created.headers.location, '/v1/regions/hjartdal');
    t.match(created.json(), { slug: 'hjartdal', kind: 'single_municipality', municipalities: [{ kommunenummer: '4020' }] });
    const plans = await owner
      .selectFrom('plans')
      .innerJoin('regions', 'regions.id', 'plans.region_id')
      .select('plans.kind')
      .where('regions.slug', '=', 'hjartdal')
      .orderBy('plans.kind')
      .execute();
    t.same(plans.map((p) => p.kind), ['annex', 'regional'], 'an empty regional plan and an empty annex');
    const firstAdmin = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(await tokenFor('leiar@hjartdal.kommune.no')) });
    t.same(firstAdmin.json().memberships, [{ region: 'hjartdal', role: 'region_admin', municipality: null, service: null }], 'its first admin');
    t.equal((await audit('region.created')).length, 1);

    t.equal((await app.inject({ method: 'POST', url: '/v1/regions', headers, payload: { ...payload, municipalities: [{ kommunenummer: '4021', name: 'X' }] } })).statusCode, 409, 'the slug is taken');
    const two = await app.inject({
      method: 'POST',
      url: '/v1/regions',
      headers,
      payload: { ...payload, slug: 'to', municipalities: [{ kommunenummer: '4098', name: 'A' }, { kommunenummer: '4099', name: 'B' }] },
    });
    t.equal(two.statusCode, 400, 'a single municipality is one municipality');
    t.equal(two.json().errors[0].field, 'body/municipalities');
    const twice = await app.inject({
      method: 'POST',
      url: '/v1/regions',
      headers,
      payload: { ...payload, slug: 'tvo', kind: 'intermunicipal', municipalities: [{ kommunenummer: '4098', name: 'A' }, { kommunenummer: '4098', name: 'A' }] },
    });
    t.equal(twice.statusCode, 400, 'the same municipality twice');
  });
});
