import type { PlanVersion, VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { grant } from './support/principals.js';

/**
 * Odd input at every write of a draft, sent by an editor with a valid ETag so
 * that it reaches the handlers and the database: what is valid is taken, the
 * rest is a 4xx problem, never a 500.
 */
t.test('no input makes a write fail with 500', async (t) => {
  const { app, database } = await build(t, { rateLimit: { max: 1_000_000, anonymousMax: 1_000_000, timeWindowMs: 60_000 }, consultationInputRateLimitMax: 1_000_000 });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@tokke', 'municipal_editor', { region: 'vest-telemark', municipality: '4026' });
  const token = await tokenFor('kari@tokke');
  const list = await call(app, 'GET', '/v1/municipalities/4026/annex/versions', { token });
  const started = await call(app, 'POST', '/v1/municipalities/4026/annex/versions', { token, ifMatch: etagOf(list), payload: {} });
  const versionId = (started.json() as VersionSummary).id;
  const base = `/v1/plan-versions/${versionId}`;
  const content = (await call(app, 'GET', base, { token })).json() as PlanVersion;
  const goal = content.goals[0]!;
  const measure = content.goals.flatMap((g) => g.measures)[0]!;

  const strings = ['', 'a\u0000b', 'x'.repeat(100_001), '\ud800', '<script>alert(1)</script>', "'; drop table goals; --", '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'];
  const numbers = [-1, 1e9, 1.5, Number.MAX_SAFE_INTEGER, '1', null];
  const dates = ['2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01', '20261201', '2026-12-01T00:00:00Z', null];
  const junk: unknown[] = [null, [], 'text', 42, JSON.parse('{"__proto__": {"admin": true}}'), { constructor: { prototype: { x: 1 } } }];

  const bodies: [string, string, unknown[]][] = [
    ['POST', `${base}/sections`, [...strings.map((title) => ({ kind: 'free', title })), ...numbers.map((position) => ({ kind: 'free', title: 'T', position })), ...junk]],
    ['POST', `${base}/goals`, [...strings.map((title) => ({ title, description: title })), { title: 'T', focusAreaId: 'not-a-uuid' }, { title: 'T', focusAreaId: null }, ...junk]],
    ['POST', `${base}/goals/${goal.id}/desired-states`, [...strings.map((text) => ({ text })), ...junk]],
    [
      'POST',
      `${base}/measures`,
      [
        ...strings.map((title) => ({ goalId: goal.id, title, period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active' })),
        ...numbers.map((from) => ({ goalId: goal.id, title: 'T', period: { kind: 'year', from }, preventionLevel: 'universal', status: 'active' })),
        { goalId: goal.id, title: 'T', period: { kind: 'span', from: 2030, to: 2020 }, preventionLevel: 'universal', status: 'active' },
        { goalId: goal.id, title: 'T', period: { kind: 'ongoing', from: 2020 }, preventionLevel: 'universal', status: 'active' },
        { goalId: goal.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active', responsibilities: [{ role: 'responsible', name: 'a\u0000b' }] },
        { goalId: measure.id, title: 'T', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'active' },
        ...junk,
      ],
    ],
    ['POST', `${base}/implementations`, [{ measureId: measure.id, status: 'active' }, { measureId: goal.id, status: 'active' }, { measureId: crypto.randomUUID(), status: 'active', responsibleService: 'ppt' }, ...junk]],
    ['PATCH', base, [...strings.map((title) => ({ title })), { period: { from: 2030, to: 2020 } }, { period: { from: 1, to: 99999 } }, ...junk]],
    ['POST', `${base}/consultation`, [...dates.map((d) => ({ opensOn: d, closesOn: d })), ...junk]],
    ['POST', `${base}/adoption`, [...dates.map((d) => ({ decidedBy: 'municipal_council', decision: 'adopted', decidedOn: d, caseReference: '1' })), { decidedBy: 'king', decision: 'adopted', decidedOn: '2026-01-01', caseReference: '1' }, ...junk]],
    ['POST', `${base}/consultation-input`, [...strings.map((text) => ({ authorName: text, text })), ...junk]],
    ['PATCH', `${base}/goals/${goal.id}`, [...strings.map((title) => ({ title })), ...numbers.map((position) => ({ position })), { focusAreaId: crypto.randomUUID() }, ...junk]],
    ['PATCH', `${base}/measures/${measure.id}`, [{ goalId: crypto.randomUUID() }, { period: { kind: 'span', from: 2020 } }, { responsibilities: [{ role: 'responsible', service: 'x'.repeat(70) }] }, { ageGroups: ['infant'] }, ...junk]],
  ];
  const ifMatches = async () => [etagOf(await call(app, 'GET', base, { token })), '*', 'W/"x"', '"', '"'.repeat(3000), 'a, b, c'];
  const itemTag = async (url: string) => (await call(app, 'GET', url, { token })).headers.etag as string | undefined;

  for (const [method, url, payloads] of bodies) {
    for (const payload of payloads) {
      const tag = url.includes('/goals/') && method === 'PATCH' ? await itemTag(url) : url.includes('/measures/') ? await itemTag(url) : (await ifMatches())[0];
      const res = await call(app, method as 'POST' | 'PATCH', url, { token, payload, ...(tag ? { ifMatch: tag } : {}) });
      t.ok(res.statusCode < 500, `${method} ${url.replace(base, '…')} ${JSON.stringify(payload)?.slice(0, 60)} → ${res.statusCode}`);
      if (res.statusCode >= 400) t.match(res.headers['content-type'], /^application\/problem\+json/);
    }
  }
  for (const ifMatch of await ifMatches()) {
    const res = await call(app, 'POST', `${base}/sections`, { token, ifMatch, payload: { kind: 'free', title: 'If-Match-prøve' } });
    t.ok(res.statusCode < 500, `If-Match ${ifMatch.slice(0, 20)} → ${res.statusCode}`);
  }
  for (const id of ['x', '00000000-0000-0000-0000-000000000000', `${versionId}%00`, 'a'.repeat(300)]) {
    for (const [method, path] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/adoption'], ['GET', '/diff'], ['GET', '/goals/x'], ['DELETE', '/measures/00000000-0000-0000-0000-000000000000']] as const) {
      const res = await call(app, method, `/v1/plan-versions/${id}${path}`, { token, ifMatch: '"x"', ...(method === 'PATCH' || method === 'POST' ? { payload: { title: 'T' } } : {}) });
      t.ok(res.statusCode < 500, `${method} /v1/plan-versions/${id.slice(0, 40)}${path} → ${res.statusCode}`);
    }
  }
  const empty = await app.inject({ method: 'POST', url: `${base}/sections`, headers: { authorization: `Bearer ${token}`, 'if-match': '"x"', 'content-type': 'application/json' } });
  t.equal(empty.statusCode, 400, 'an empty JSON body where one is needed: 400');
  const malformed = await app.inject({ method: 'POST', url: `${base}/sections`, headers: { authorization: `Bearer ${token}`, 'if-match': '"x"', 'content-type': 'application/json' }, payload: '{"kind":' });
  t.equal(malformed.statusCode, 400, 'malformed JSON: 400');
  t.equal((await call(app, 'GET', `${base}/diff?from=not-a-uuid`)).statusCode, 400);
  t.ok((await call(app, 'GET', `${base}/diff?from=${crypto.randomUUID()}`, { token })).statusCode === 404, 'a diff against a version that is not there: 404');
});
