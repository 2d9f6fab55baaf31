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
});
