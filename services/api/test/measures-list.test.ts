import { createOwnerDb, type Database } from '@oppvekst/db';
import t from 'tap';
import { build } from './helper.js';
import { assertContract } from './support/contract.js';

t.test('listMeasures', async (t) => {
  const { app, database } = await build(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };

  t.test('a municipality sees its regional measures plus its own, with its implementations', async (t) => {
    const tokke = await get('/v1/measures?municipality=4026&limit=500');
    t.equal(tokke.status, 200);
    assertContract(t, 'MeasurePage', tokke.body);
    const kinds = new Set(tokke.body.items.map((m: { plan: { kind: string } }) => m.plan.kind));
    t.same([...kinds].sort(), ['annex', 'regional']);
    for (const m of tokke.body.items) {
      if (m.plan.kind === 'annex') t.equal(m.plan.kommunenummer, '4026', 'only Tokke’s own annex');
    }
    t.ok(tokke.body.items.some((m: { title: string }) => /Foreldretrappa/.test(m.title)));
    t.ok(tokke.body.items.some((m: { implementation: unknown }) => m.implementation !== null));
    const vinje = await get('/v1/measures?municipality=4027&limit=500');
    t.notOk(vinje.body.items.some((m: { title: string }) => /Foreldretrappa/.test(m.title)), 'not in Vinje');
  });

  t.test('a region sees its regional measures and all its annexes', async (t) => {
    const { body } = await get('/v1/measures?region=vest-telemark&limit=500');
    const annexes = new Set(body.items.filter((m: { plan: { kind: string } }) => m.plan.kind === 'annex').map((m: { plan: { kommunenummer: string } }) => m.plan.kommunenummer));
    t.equal(annexes.size, 6);
    t.equal(body.nextCursor, null);
  });

  t.test('pages follow one another without gaps or repeats', async (t) => {
    const all = (await get('/v1/measures?region=vest-telemark&limit=500')).body.items.map((m: { id: string }) => m.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await get(
        `/v1/measures?region=vest-telemark&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      t.equal(page.status, 200);
      t.ok(page.body.items.length <= 7);
      seen.push(...page.body.items.map((m) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    t.same(seen, all);
  });

  t.test('bad input is a 400 naming the field, an unknown region a 404', async (t) => {
    for (const [query, field] of [
      ['limit=501', 'querystring/limit'],
      ['limit=0', 'querystring/limit'],
      ['limit=abc', 'querystring/limit'],
      ['municipality=42', 'querystring/municipality'],
      ['colour=blue', 'querystring/colour'],
      ['cursor=bm90LWEtY3Vyc29y', 'querystring/cursor'],
      ['cursor=$$$', 'querystring/cursor'],
    ] as const) {
      const res = await get(`/v1/measures?${query}`);
      t.equal(res.status, 400, query);
      t.equal(res.body.type, '/problems/validation-error', query);
      t.ok(res.body.errors.some((e: { field: string }) => e.field.startsWith(field)), `${query} names ${field}`);
    }
    t.equal((await get('/v1/measures?region=atlantis')).status, 404);
    await owner
      .insertInto('regions')
      .values({ slug: 'oslo', name: 'Oslo', kind: 'single_municipality', language_form: 'nb' })
      .execute();
    const conflicting = await get('/v1/measures?region=oslo&municipality=4026');
    t.equal(conflicting.status, 400, 'Tokke is not in the Oslo region');
    t.match(conflicting.body.errors[0].field, /querystring\/municipality/);
    t.equal((await get('/v1/measures?municipality=9999')).status, 404);
  });
});
