import { createDb, createPool, freePort } from '@oppvekst/db';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { testAuth } from './support/auth.js';

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

  for (const url of ['/v1/regions', '/v1/regions/vest-telemark/plan', '/v1/municipalities/4026/plan', '/v1/measures?municipality=4026']) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 503, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.equal(res.json().type, '/problems/service-unavailable', url);
  }
  // Validation still happens first: bad input is the client's fault even when the database is down.
  t.equal((await app.inject({ method: 'GET', url: '/v1/municipalities/abc/plan' })).statusCode, 400);
});
