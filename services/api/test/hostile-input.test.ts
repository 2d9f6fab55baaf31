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
    'q=%00', 'q=' + 'å'.repeat(300), "q=' or 1=1--", 'q=a%26b|!c:*', 'status=active&status=' + 'x'.repeat(100),
    'status=' + Array(30).fill('active').join('&status='), 'conventionArticle=1e9', 'conventionArticle=-3', 'activeIn=99999999999',
    'goal=%00', 'service=' + 'a'.repeat(100), 'version=draft', 'version=draft&region=vest-telemark', 'version[]=draft',
    'updatedSince=%00', 'updatedSince=' + 'A'.repeat(64), 'updatedSince=9999-99-99T99:99:99Z', 'updatedSince=czo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5',
    'updatedSince=czot', 'updatedSince=1970-01-01T00:00:00Z&cursor=bTp4', 'cursor=YzoxOjE', 'updatedSince=czox&cursor=' + 'Yzo5OTk5OTk5OTk5OTk5OTk5OTk5Ojk',
  ];
  const urls = [
    ...region.flatMap((r) => [`/v1/regions/${r}`, `/v1/regions/${r}/plan`, `/v1/regions/${r}/services`, `/v1/regions/${r}/municipalities`]),
    ...kommune.flatMap((k) => [`/v1/municipalities/${k}`, `/v1/municipalities/${k}/plan`, `/v1/municipalities/${k}/annex`]),
    ...queries.map((q) => `/v1/measures?${q}`),
    '/v1/measures?' + 'x=1&'.repeat(2000),
    ...kommune.map((k) => `/v1/measures/${k}`),
    '/v1/measures/00000000-0000-4000-8000-000000000000?x=1',
    '/v1/measures/%00',
    '/v1/../../etc/passwd',
    '/v1/regions/vest-telemark/plan?unknown=1',
  ];
  const acceptHeaders = [undefined, 'text/csv', 'application/xml', 'text/csv;q=abc', ';;;', '*/*;q=-1', 'a'.repeat(2000)];
  for (const [i, url] of urls.entries()) {
    const accept = url.startsWith('/v1/measures') ? acceptHeaders[i % acceptHeaders.length] : undefined;
    const res = await app.inject({ method: 'GET', url, headers: { ...(accept ? { accept } : {}), 'if-none-match': i % 2 ? '*' : '"x", W/""' } });
    t.ok(res.statusCode < 500, `${url.slice(0, 80)} → ${res.statusCode}`);
    if (res.statusCode >= 400) t.match(res.headers['content-type'], /^application\/problem\+json/, 'as problem+json');
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
    const res = await app.inject({ method, url: '/v1/regions', payload: '{"broken', headers: { 'content-type': 'application/json' } });
    t.ok([400, 404, 405].includes(res.statusCode), `${method} /v1/regions → ${res.statusCode}`);
  }
});
