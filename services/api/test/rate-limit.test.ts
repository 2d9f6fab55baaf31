import t from 'tap';
import { buildApp } from '../src/app.js';
import { testAuth } from './support/auth.js';
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
