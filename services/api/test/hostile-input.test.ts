import t from 'tap';
import { build } from './helper.js';

/** Odd input of every kind at every public route: always a 4xx problem, never a 500. */
t.test('no input makes a public route fail with 500', async (t) => {
  const { app } = await build(t);
  const region = ['vest-telemark', 'a'.repeat(500), '%00', '..%2F..%2Fetc', 'VEST', 'æøå', "x'%20or%201=1--", '%F0%9F%92%A5'];
  const kommune = ['4026', '0000', '%00%00%00%00', '4O26', '-426', '4026.0', '99999999999999999999', '%E2%80%8B4026'];
  const queries = [
    'limit=-1', 'limit=1e3', 'limit=5&limit=6', 'limit=%00', 'cursor=' + 'A'.repeat(5000), 'region[]=x', 'region=x&region=y',
    'municipality=4026&municipality=4027', 'cursor=%FF%FE', 'limit=50.5', '__proto__[x]=1', 'constructor=1',
  ];
  const urls = [
    ...region.flatMap((r) => [`/v1/regions/${r}`, `/v1/regions/${r}/plan`, `/v1/regions/${r}/services`, `/v1/regions/${r}/municipalities`]),
    ...kommune.flatMap((k) => [`/v1/municipalities/${k}`, `/v1/municipalities/${k}/plan`, `/v1/municipalities/${k}/annex`]),
    ...queries.map((q) => `/v1/measures?${q}`),
    '/v1/measures?' + 'x=1&'.repeat(2000),
    '/v1/../../etc/passwd',
    '/v1/regions/vest-telemark/plan?unknown=1',
  ];
  for (const url of urls) {
    const res = await app.inject({ method: 'GET', url });
    t.ok(res.statusCode < 500, `${url.slice(0, 80)} → ${res.statusCode}`);
    if (res.statusCode >= 400) t.match(res.headers['content-type'], /^application\/problem\+json/, 'as problem+json');
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
    const res = await app.inject({ method, url: '/v1/regions', payload: '{"broken', headers: { 'content-type': 'application/json' } });
    t.ok([400, 404, 405].includes(res.statusCode), `${method} /v1/regions → ${res.statusCode}`);
  }
});
