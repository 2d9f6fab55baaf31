import type { AddressInfo } from 'node:net';
import {
  ConflictError,
  MeasureMirror,
  NotFoundError,
  OppvekstClient,
  PreconditionFailedError,
  PreconditionRequiredError,
  ValidationError,
} from '@oppvekst/client';
import type { MeasureListItem } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import t from 'tap';
import { build } from './helper.js';
import { tokenFor } from './support/auth.js';
import { FeedReader } from './support/feed.js';
import { clientWithToken, grant } from './support/principals.js';
import { Editor } from './support/revisions.js';

const TOKKE = '4026';
const sorted = (items: Map<string, MeasureListItem>) => [...items.entries()].sort(([a], [b]) => a.localeCompare(b));

t.test('@oppvekst/client against the running API', async (t) => {
  const { app, database } = await build(t);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'vt-admin', 'region_admin', { region: 'vest-telemark' });
  const adminToken = await tokenFor('vt-admin');
  const integration = await clientWithToken(app, adminToken, 'vest-telemark', ['measures:read', 'plans:read']);

  let tokenRequests = 0;
  let clock = Date.now();
  const counting: typeof fetch = (input, init) => {
    if (String(input).endsWith('/v1/oauth/token')) tokenRequests++;
    return fetch(input, init);
  };
  const client = new OppvekstClient({
    baseUrl,
    credentials: { clientId: integration.id, clientSecret: integration.secret },
    fetch: counting,
    now: () => clock,
  });

  t.test('mirrors Tokke’s measures, and keeps the mirror equal through a new adopted version', async (t) => {
    const mirror = new MeasureMirror(client, { municipality: TOKKE, limit: 20 });
    const first = await mirror.sync();
    const source = await new FeedReader(app).all(`municipality=${TOKKE}`);
    t.ok(first.upserted >= source.size && source.size > 20, `the first sync copies all ${source.size}, over several pages`);
    t.same(sorted(mirror.items), sorted(source), 'the mirror equals the feed');
    const listed = new Map<string, MeasureListItem>();
    for await (const measure of client.measures.all({ municipality: TOKKE, limit: 7 })) listed.set(measure.id, measure);
    t.same(sorted(listed), sorted(source), 'and the async iterator over pages lists the same');

    const editor = new Editor(app, adminToken);
    const draft = await editor.startRevision({ municipality: TOKKE });
    const local = (await editor.content(draft)).measuresForRegionalGoals[0]!.id;
    await editor.updateMeasure(draft, local, { title: 'Foreldretrappa – no for alle' });
    await editor.adopt(draft);
    const second = await mirror.sync();
    t.ok(second.upserted > 0, `${second.upserted} changes applied`);
    t.equal(mirror.items.get(local)?.title, 'Foreldretrappa – no for alle');
    t.same(sorted(mirror.items), sorted(await new FeedReader(app).all(`municipality=${TOKKE}`)), 'equal again');
    const idle = await mirror.sync();
    t.same([idle.upserted, idle.removed], [0, 0], 'caught up: nothing to do');
  });

  t.test('client credentials: one token, renewed before it expires', async (t) => {
    const before = tokenRequests;
    await client.ops.listRegions({});
    await Promise.all([client.ops.getRegion({ path: { region: 'vest-telemark' } }), client.ops.getMunicipality({ path: { kommunenummer: TOKKE } })]);
    t.equal(tokenRequests, before, 'the token is reused');
    clock += 15 * 60_000 - 30_000;
    await Promise.all([client.ops.listRegions({}), client.ops.listRegions({})]);
    t.equal(tokenRequests, before + 1, 'half a minute before expiry a new one is fetched, once for both calls');
  });

  t.test('ETag-aware caching: the second read is a 304 served from the cache', async (t) => {
    const first = await client.send('getMunicipalityPlan', { path: { kommunenummer: TOKKE } });
    t.equal(first.fromCache, false);
    t.ok(first.etag);
    const second = await client.send('getMunicipalityPlan', { path: { kommunenummer: TOKKE } });
    t.equal(second.fromCache, true);
    t.same(second.data, first.data);
    const csv = await client.send('listMeasures', { query: { municipality: TOKKE, limit: 3 }, accept: 'text/csv' });
    t.match(csv.data as unknown as string, /^id,title,/, 'CSV comes back as text');
  });

  t.test('problems are typed exceptions', async (t) => {
    await t.rejects(client.ops.getMeasure({ path: { id: '00000000-0000-4000-8000-000000000000' } }), NotFoundError);
    const invalid = await client.ops.listMeasures({ query: { limit: 501 } }).catch((e: unknown) => e);
    t.ok(invalid instanceof ValidationError);
    t.equal((invalid as ValidationError).errors[0]?.field, 'querystring/limit');

    const editor = new OppvekstClient({ baseUrl, token: adminToken });
    const list = await editor.send('listAnnexVersions', { path: { kommunenummer: TOKKE } });
    await t.rejects(editor.ops.startAnnexRevision({ path: { kommunenummer: TOKKE }, body: {} }), PreconditionRequiredError, 'a write without If-Match');
    const started = await editor.send('startAnnexRevision', { path: { kommunenummer: TOKKE }, body: {}, ifMatch: list.etag! });
    t.equal(started.status, 201);
    await t.rejects(editor.ops.startAnnexRevision({ path: { kommunenummer: TOKKE }, body: {}, ifMatch: list.etag! }), ConflictError, 'a second open version');
    const stale = await editor.ops
      .updatePlanVersion({ path: { versionId: started.data.id }, body: { title: 'Ny' }, ifMatch: '"stale.1"' })
      .catch((e: unknown) => e);
    t.ok(stale instanceof PreconditionFailedError);
    t.equal((stale as PreconditionFailedError).currentEtag, started.etag, 'with the current ETag');
  });
});
