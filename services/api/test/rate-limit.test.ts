import t from 'tap';
import { buildApp } from '../src/app.js';
import { testAuth, tokenFor } from './support/auth.js';
import { connect, createTestDatabase } from './support/database.js';

t.test('past its budget a client gets 429 problem+json with Retry-After', async (t) => {
  const database = await createTestDatabase(t);
  const app = await buildApp({ db: connect(t, database.appUrl), rateLimit: { max: 3, timeWindowMs: 60_000 }, auth: await testAuth() });
  t.teardown(() => app.close());
  const from = (remoteAddress: string) => app.inject({ method: 'GET', url: '/v1/regions', remoteAddress });

  for (let i = 1; i <= 3; i++) {
    const res = await from('198.51.100.7');
    t.equal(res.statusCode, 200, `request ${i} is within budget`);
    t.equal(res.headers['x-ratelimit-remaining'], String(3 - i), 'the remaining budget is shown');
  }
  const refused = await from('198.51.100.7');
  t.equal(refused.statusCode, 429);
  t.match(refused.headers['content-type'], /^application\/problem\+json/);
  t.equal(refused.json().type, '/problems/rate-limited');
  t.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After says when to come back');

  t.equal((await from('198.51.100.8')).statusCode, 200, 'another address has its own budget');
  for (let i = 0; i < 5; i++) {
    t.equal((await app.inject({ method: 'GET', url: '/readyz', remoteAddress: '198.51.100.7' })).statusCode, 200, 'health checks are never throttled');
  }
});

t.test('with a token the budget is the subject’s, wherever it calls from; anonymous callers have their own limit', async (t) => {
  const database = await createTestDatabase(t);
  const app = await buildApp({
    db: connect(t, database.appUrl),
    rateLimit: { max: 4, anonymousMax: 2, timeWindowMs: 60_000 },
    tokenRateLimitMax: 2,
    auth: await testAuth(),
  });
  t.teardown(() => app.close());
  const kari = { authorization: `Bearer ${await tokenFor('kari@example.org')}` };
  const ola = { authorization: `Bearer ${await tokenFor('ola@example.org')}` };
  const get = (remoteAddress: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/v1/regions', remoteAddress, headers });

  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await get(`203.0.113.${i}`, kari)).statusCode);
  t.same(statuses, [200, 200, 200, 200, 429], 'four calls from four addresses use up one subject’s budget');
  t.equal((await get('203.0.113.1', ola)).statusCode, 200, 'another subject from the same address has its own');
  t.same([(await get('203.0.113.9')).statusCode, (await get('203.0.113.9')).statusCode, (await get('203.0.113.9')).statusCode], [200, 200, 429], 'anonymous: by address, with its own limit');

  const token = () => app.inject({ method: 'POST', url: '/v1/oauth/token', remoteAddress: '203.0.113.50', payload: { grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000000', client_secret: 'x' } });
  t.same([(await token()).statusCode, (await token()).statusCode, (await token()).statusCode], [401, 401, 429], 'guessing client secrets meets a tighter limit');
});
