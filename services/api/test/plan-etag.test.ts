import { createOwnerDb, type Database } from '@oppvekst/db';
import t from 'tap';
import { build } from './helper.js';
import { call } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { grant } from './support/principals.js';
import { Editor } from './support/revisions.js';

t.test('the complete plan: a strong ETag, 304, and never a stale plan', async (t) => {
  const { app, database } = await build(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'vt-admin', 'region_admin', { region: 'vest-telemark' });
  const editor = new Editor(app, await tokenFor('vt-admin'));
  const read = (etag?: string) => call(app, 'GET', '/v1/municipalities/4026/plan', etag ? { headers: { 'if-none-match': etag } } : {});

  const first = await read();
  t.equal(first.statusCode, 200);
  assertContract(t, 'MunicipalityPlan', first.json());
  const tag = first.headers.etag as string;
  t.match(tag, /^"plan-[A-Za-z0-9_-]+"$/);
  t.equal((await read()).body, first.body, 'the same plan, the same bytes');
  const unchanged = await read(tag);
  t.equal(unchanged.statusCode, 304);
  t.equal(unchanged.headers.etag, tag);
  t.equal((await call(app, 'GET', '/v1/municipalities/4027/plan', { headers: { 'if-none-match': tag } })).statusCode, 200, 'another municipality’s plan has its own tag');

  const draft = await editor.startRevision({ municipality: '4026' });
  t.equal((await read(tag)).statusCode, 304, 'a draft changes nothing in the adopted plan');
  const local = (await editor.content(draft)).measuresForRegionalGoals[0]!.id;
  await editor.updateMeasure(draft, local, { title: 'Endra i ny lokal del' });
  await editor.adopt(draft);
  const revised = await read(tag);
  t.equal(revised.statusCode, 200, 'a newly adopted annex: the plan changed');
  t.not(revised.headers.etag, tag);
  t.ok(revised.body.includes('Endra i ny lokal del'), 'and the answer is the new plan, not a cached one');

  await owner.updateTable('services').set({ name: 'Vest-Telemark barnevernteneste' }).where('slug', '=', 'barnevern').execute();
  const renamed = await read(revised.headers.etag as string);
  t.equal(renamed.statusCode, 200, 'a service renamed: its new name is in the plan');
  t.ok(renamed.body.includes('Vest-Telemark barnevernteneste'));
  assertContract(t, 'MunicipalityPlan', renamed.json());

  t.test('two municipalities without an annex: each its own tag and its own plan', async (t) => {
    const { seedSecondRegionInDraft } = await import('./support/second-region.js');
    await seedSecondRegionInDraft(owner);
    // Adopt the second region's regional plan; its municipalities' annexes stay drafts, so none has an adopted annex.
    await owner
      .updateTable('plan_versions')
      .set({ status: 'adopted', decided_by: 'regional_council', decided_by_name: 'Rådet', decision: 'adopted', decided_on: '2026-01-10', case_reference: '26/2', adopted_at: new Date() })
      .where('plan_id', '=', (eb) => eb.selectFrom('plans as p').innerJoin('regions as r', 'r.id', 'p.region_id').select('p.id').where('r.slug', '=', 'grenland-test').where('p.kind', '=', 'regional'))
      .execute();
    const a = await call(app, 'GET', '/v1/municipalities/3826/plan');
    const b = await call(app, 'GET', '/v1/municipalities/3827/plan');
    t.equal(a.statusCode, 200);
    t.equal(b.statusCode, 200);
    t.equal(a.json().annexVersion, null, 'no adopted annex');
    t.not(a.headers.etag, b.headers.etag, 'different tags');
    t.equal(b.json().municipality.kommunenummer, '3827', 'and the second is its own plan, not the first one from the cache');
    t.equal((await call(app, 'GET', '/v1/municipalities/3827/plan', { headers: { 'if-none-match': a.headers.etag as string } })).statusCode, 200, 'one’s tag is no 304 for the other');
  });
  t.test('each representation has its own tag', async (t) => {
    const json = await call(app, 'GET', '/v1/municipalities/4027/plan');
    const md = await call(app, 'GET', '/v1/municipalities/4027/plan', { headers: { accept: 'text/markdown' } });
    t.not(json.headers.etag, md.headers.etag);
    t.equal((await call(app, 'GET', '/v1/municipalities/4027/plan', { headers: { accept: 'text/markdown', 'if-none-match': md.headers.etag as string } })).statusCode, 304);
    t.equal((await call(app, 'GET', '/v1/municipalities/4027/plan', { headers: { accept: 'text/markdown', 'if-none-match': json.headers.etag as string } })).statusCode, 200, 'the JSON tag does not answer for Markdown');
  });
});
