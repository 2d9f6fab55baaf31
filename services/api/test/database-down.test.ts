import { createDb, createPool, freePort } from '@oppvekst/db';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { bearer, testAuth, tokenFor } from './support/auth.js';

t.test('with the database unreachable the API answers 503 problem+json, never 500', async (t) => {
  // A port nothing listens on.
  const port = await freePort();
  const db = createDb(createPool(`postgres://nobody:secret@127.0.0.1:${port}/nowhere`, { max: 1, connectionTimeoutMs: 1000 }));
  const app = await buildApp({ db, auth: await testAuth() });
  t.teardown(async () => {
    await app.close();
    await db.destroy();
  });

  const health = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(health.statusCode, 200, 'the process is still alive');
  const ready = await app.inject({ method: 'GET', url: '/readyz' });
  t.equal(ready.statusCode, 503);
  t.same(ready.json(), { status: 'unavailable' });

  for (const url of [
    '/v1/regions', '/v1/regions/vest-telemark/plan', '/v1/municipalities/4026/plan', '/v1/municipalities/4026/plan/compliance', '/v1/measures?municipality=4026',
    '/v1/measures?region=vest-telemark&updatedSince=1970-01-01T00:00:00Z', '/v1/measures/00000000-0000-4000-8000-000000000002',
  ]) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 503, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.equal(res.json().type, '/problems/service-unavailable', url);
  }
  const pdf = await app.inject({ method: 'GET', url: '/v1/municipalities/4026/plan', headers: { accept: 'application/pdf' } });
  t.equal(pdf.statusCode, 503, 'a document asked for while the database is down: 503, not a broken PDF');
  t.match(pdf.headers['content-type'], /^application\/problem\+json/);
  // Signed-in calls need the database to know the caller's roles: 503 too, not 401 or 500.
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(await tokenFor('kari@example.org')) });
  t.equal(me.statusCode, 503, '/v1/me with a good token');
  const token = await app.inject({
    method: 'POST',
    url: '/v1/oauth/token',
    payload: { grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000000', client_secret: 'x' },
  });
  t.equal(token.statusCode, 503, 'issueToken');
  // Writing plans and sending consultation input: 503 as well.
  const version = '00000000-0000-4000-8000-000000000001';
  const writes = [
    { method: 'GET' as const, url: `/v1/plan-versions/${version}` },
    { method: 'PATCH' as const, url: `/v1/plan-versions/${version}/goals/${version}`, payload: { title: 'Nytt' }, headers: { 'if-match': '"x.1"' } },
    { method: 'POST' as const, url: `/v1/plan-versions/${version}/consultation-input`, payload: { authorName: 'Ungdomsrådet', text: 'Innspel' } },
    // Webhooks: registering, the log, redelivery.
    { method: 'GET' as const, url: '/v1/regions/vest-telemark/webhooks' },
    { method: 'POST' as const, url: '/v1/regions/vest-telemark/webhooks', payload: { url: 'https://93.184.216.34/hook', eventTypes: ['measure.created'] } },
    { method: 'PATCH' as const, url: `/v1/regions/vest-telemark/webhooks/${version}`, payload: { enabled: true }, headers: { 'if-match': '"x.1"' } },
    { method: 'GET' as const, url: `/v1/regions/vest-telemark/webhooks/${version}/deliveries` },
    { method: 'POST' as const, url: `/v1/regions/vest-telemark/webhooks/${version}/deliveries/${version}/redelivery` },
  ];
  for (const { headers, ...call } of writes) {
    const res = await app.inject({ ...call, headers: { ...headers, ...bearer(await tokenFor('kari@example.org')) } });
    t.equal(res.statusCode, 503, `${call.method} ${call.url}`);
  }
  // Validation still happens first: bad input is the client's fault even when the database is down.
  t.equal((await app.inject({ method: 'GET', url: '/v1/municipalities/abc/plan' })).statusCode, 400);
});
