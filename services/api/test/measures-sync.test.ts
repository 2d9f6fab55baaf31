import type { MeasureChangePage, MeasureListItem } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import { sql } from 'kysely';
import pg from 'pg';
import t from 'tap';
import { build } from './helper.js';
import { call } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { EPOCH, FeedReader } from './support/feed.js';
import { grant } from './support/principals.js';
import { Editor } from './support/revisions.js';

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = (items: Map<string, MeasureListItem>) => [...items.entries()].sort(([a], [b]) => a.localeCompare(b));

t.test('mirroring the feed with updatedSince', async (t) => {
  const { app, database } = await build(t, { rateLimit: { max: 1_000_000, anonymousMax: 1_000_000, timeWindowMs: 60_000 } });
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'vt-admin', 'region_admin', { region: 'vest-telemark' });
  const adminToken = await tokenFor('vt-admin');
  const editor = new Editor(app, adminToken);
  const publicFeed = new FeedReader(app);
  const adminFeed = new FeedReader(app, adminToken);
  const seed = 20261125;
  t.comment(`random seed ${seed}`);
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;

  /** Random edits in an open version: changed fields, deletions, new measures, changed and removed implementations. */
  async function randomEdits(versionId: string, rounds: number) {
    for (let i = 0; i < rounds; i++) {
      const content = await editor.content(versionId);
      const measures = [...content.goals.flatMap((g) => g.measures), ...content.measuresForRegionalGoals];
      const roll = next();
      if (roll < 0.35 && measures.length) {
        await editor.updateMeasure(versionId, pick(measures).id, pick([
          { title: `Endra ${i}` }, { status: 'discontinued' }, { status: 'completed' }, { ageGroups: ['young_adult'] },
          { responsibilities: [{ role: 'responsible', service: 'ppt' }] }, { period: { kind: 'year', from: 2027 } },
        ]));
      } else if (roll < 0.55 && measures.length) {
        await editor.deleteMeasure(versionId, pick(measures).id);
      } else if (roll < 0.75 && content.goals.length) {
        await editor.createMeasure(versionId, pick(content.goals).id, { title: `Nytt tiltak ${i}`, status: pick(['active', 'planned']) });
      } else if (content.implementations.length) {
        const implemented = pick(content.implementations).measureId;
        if (next() < 0.5) await editor.updateImplementation(versionId, implemented, { notes: `Endra ${i}`, status: 'active' });
        else await editor.deleteImplementation(versionId, implemented);
      }
    }
  }

  t.test('adopted plans: a mirror equals the source after edits, deletions and new adopted versions', async (t) => {
    const views = ['municipality=4026', 'region=vest-telemark', 'municipality=4026&status=active', 'municipality=4026&q=foreldre'];
    const mirrors = new Map(views.map((view) => [view, { items: new Map<string, MeasureListItem>(), since: EPOCH }]));
    const syncAll = async (label: string) => {
      for (const [view, mirror] of mirrors) {
        mirror.since = await publicFeed.sync(view, mirror.items, mirror.since, 7);
        t.same(sorted(mirror.items), sorted(await publicFeed.all(view)), `${label}: the mirror of ${view} equals the feed`);
      }
    };
    await syncAll('first sync');
    const kinds = new Set([...mirrors.get('municipality=4026')!.items.values()].map((m) => m.plan.kind));
    t.same([...kinds].sort(), ['annex', 'regional'], 'Tokke’s view has the regional and local measures');

    const regional = await editor.startRevision({ region: 'vest-telemark' });
    const annex = await editor.startRevision({ municipality: '4026' });
    await randomEdits(regional, 12);
    await randomEdits(annex, 12);
    await syncAll('drafts are not in the adopted feed');
    const beforeAdoption = sorted(mirrors.get('municipality=4026')!.items);
    t.same(beforeAdoption, sorted(await publicFeed.all('municipality=4026')), 'nothing moved before adoption');
    const removedFromRegional = (await publicFeed.all('region=vest-telemark')).keys();
    await editor.adopt(regional);
    await editor.adopt(annex);
    await syncAll('after both revisions are adopted');
    const now = new Set((await publicFeed.all('region=vest-telemark')).keys());
    const gone = [...removedFromRegional].filter((id) => !now.has(id));
    t.ok(gone.length > 0, `${gone.length} measures were deleted in the revisions`);

    t.test('a removed measure comes back as a tombstone with its removal time', async (t) => {
      const { body } = await publicFeed.page(`region=vest-telemark&updatedSince=${encodeURIComponent(EPOCH)}&limit=500`);
      assertContract(t, 'MeasureChangePage', body);
      const tombstone = (body as unknown as MeasureChangePage).items.find((c) => c.id === gone[0]);
      t.match(tombstone, { change: 'removed', measure: null, changedAt: /^\d{4}-\d{2}-\d{2}T/ });
    });

    t.test('an annex revision that changes one implementation moves that regional measure and no other', async (t) => {
      const mirror = mirrors.get('municipality=4026')!;
      const draft = await editor.startRevision({ municipality: '4026' });
      // The random edits may have removed every implementation; then one is added, which changes its measure just the same.
      const existing = (await editor.content(draft)).implementations[0]?.measureId;
      const regionalIds = [...mirror.items.values()].filter((m) => m.plan.kind === 'regional').map((m) => m.id);
      const implemented = existing ?? regionalIds[0]!;
      if (existing) await editor.updateImplementation(draft, implemented, { notes: 'Berre denne er endra' });
      else await editor.createImplementation(draft, implemented, { notes: 'Berre denne er endra' });
      await editor.adopt(draft);
      const { body } = await publicFeed.page(`municipality=4026&updatedSince=${mirror.since}&limit=500`);
      const changes = (body as unknown as MeasureChangePage).items;
      const regionalMoved = changes.filter((c) => c.measure?.plan.kind === 'regional').map((c) => c.id);
      t.same(regionalMoved, [implemented], 'only the regional measure whose implementation changed');
      t.equal(changes.find((c) => c.id === implemented)?.measure?.implementation?.notes, 'Berre denne er endra');
      t.ok(changes.every((c) => c.measure?.plan.kind === 'regional' || c.measure?.plan.versionId === draft), 'the annex’s own measures name the new version');
      const untouched = await publicFeed.page(`region=vest-telemark&updatedSince=${mirror.since}&limit=500`);
      t.notOk((untouched.body as unknown as MeasureChangePage).items.some((c) => c.id === implemented), 'the region’s view, which has no implementations, did not move it');
      await syncAll('after the small revision');
    });

    t.test('caught up: no changes, the same token, and 304 for the same page', async (t) => {
      const mirror = mirrors.get('municipality=4026')!;
      const first = await publicFeed.page(`municipality=4026&updatedSince=${mirror.since}`);
      t.same(first.body.items, []);
      t.equal(first.body.nextUpdatedSince, mirror.since);
      const again = await call(app, 'GET', `/v1/measures?municipality=4026&updatedSince=${mirror.since}`, { headers: { 'if-none-match': first.etag! } });
      t.equal(again.statusCode, 304);
      t.equal(again.body, '');
      t.equal(again.headers.etag, first.etag);
      const list = await publicFeed.page('municipality=4026&limit=10');
      const unchanged = await call(app, 'GET', '/v1/measures?municipality=4026&limit=10', { headers: { 'if-none-match': `W/${list.etag}, "other"` } });
      t.equal(unchanged.statusCode, 304, 'a list page too, with the tag among others');
      const draft = await editor.startRevision({ municipality: '4026' });
      await editor.updateMeasure(draft, (await editor.content(draft)).measuresForRegionalGoals[0]?.id ?? (await editor.content(draft)).goals[0]!.measures[0]!.id, { title: 'Endra att' });
      await editor.adopt(draft);
      const changed = await call(app, 'GET', '/v1/measures?municipality=4026&limit=10', { headers: { 'if-none-match': list.etag! } });
      t.equal(changed.statusCode, 200, 'a new adopted version: 200 with the new page');
      t.not(changed.headers.etag, list.etag);
      await syncAll('after another adoption');
    });
  });

  t.test('drafts: a member’s mirror of version=draft follows edits, and empties when the draft is adopted', async (t) => {
    const view = 'version=draft&municipality=4027';
    const mirror = new Map<string, MeasureListItem>();
    let since = await adminFeed.sync(view, mirror, EPOCH);
    t.equal(mirror.size, 0, 'no open version, no draft measures');
    const draft = await editor.startRevision({ municipality: '4027' });
    since = await adminFeed.sync(view, mirror, since);
    t.ok(mirror.size > 0, 'the new draft’s measures');
    t.same(sorted(mirror), sorted(await adminFeed.all(view)));
    t.same(await publicFeed.all(view), new Map(), 'the public sees no drafts');
    await randomEdits(draft, 15);
    since = await adminFeed.sync(view, mirror, since, 5);
    t.same(sorted(mirror), sorted(await adminFeed.all(view)), 'after random edits');
    await editor.adopt(draft);
    since = await adminFeed.sync(view, mirror, since);
    t.equal(mirror.size, 0, 'adopted: nothing is being worked on any more');

    // A discarded draft leaves the channel too: its measures come back as tombstones.
    const discarded = await editor.startRevision({ municipality: '4027' });
    await editor.createMeasure(discarded, (await editor.content(discarded)).goals[0]!.id, { title: 'Berre i eit forkasta utkast' });
    since = await adminFeed.sync(view, mirror, since);
    const held = new Set(mirror.keys());
    t.ok([...mirror.values()].some((m) => m.title === 'Berre i eit forkasta utkast'), 'the new draft is mirrored, its new measure too');
    await editor.discard(discarded);
    const { body } = await adminFeed.page(`${view}&updatedSince=${since}&limit=500`);
    const changes = (body as unknown as MeasureChangePage).items;
    const removed = new Set(changes.filter((c) => c.change === 'removed').map((c) => c.id));
    // Also regional measures whose (discarded) implementation moved them, which this view never held: harmless removals.
    t.same([...held].filter((id) => !removed.has(id)), [], 'every measure of the discarded draft comes back as a tombstone');
    t.ok(changes.every((c) => c.change === 'removed' && c.measure === null), 'and nothing but tombstones');
    await adminFeed.sync(view, mirror, since);
    t.equal(mirror.size, 0, 'discarded: the mirror drops its measures');
    t.same(await adminFeed.all(view), new Map(), 'as the feed does');
  });

  t.test('a transaction that commits late is not missed by a client that synced meanwhile', async (t) => {
    const view = 'version=draft&region=vest-telemark';
    const tokke = await editor.startRevision({ municipality: '4026' });
    const vinje = await editor.startRevision({ municipality: '4027' });
    const mirror = new Map<string, MeasureListItem>();
    let since = await adminFeed.sync(view, mirror, EPOCH);
    const slow = new pg.Client({ connectionString: database.adminUrl });
    await slow.connect();
    t.teardown(() => slow.end());
    const target = (await editor.content(tokke)).goals[0]!.measures[0]!.id;
    await slow.query('begin');
    await slow.query('set local role oppvekst_owner');
    await slow.query(`update measures set title = 'Sein transaksjon' where plan_version_id = $1 and identity_id = $2`, [tokke, target]);
    // Meanwhile another change starts later, commits first, and the client syncs past it.
    await editor.createMeasure(vinje, (await editor.content(vinje)).goals[0]!.id, { title: 'Rask transaksjon' });
    since = await adminFeed.sync(view, mirror, since);
    t.ok([...mirror.values()].some((m) => m.title === 'Rask transaksjon'), 'the fast change is seen');
    await slow.query('commit');
    await adminFeed.sync(view, mirror, since);
    t.equal(mirror.get(target)?.title, 'Sein transaksjon', 'the slow change is seen on the next sync: it was numbered when it committed');
    t.same(sorted(mirror), sorted(await adminFeed.all(view)));
  });

  t.test('paging 1,000+ measures while others are inserted between pages: no repeats, no gaps', async (t) => {
    const draft = await editor.startRevision({ region: 'vest-telemark' });
    const { rows: [version] } = await sql<{ region_id: string; plan_id: string; goal: string }>`
      select v.region_id, v.plan_id, (select g.id from goals g where g.plan_version_id = v.id limit 1) as goal
      from plan_versions v where v.id = ${draft}`.execute(owner);
    await sql`
      with ids as (
        insert into content_identities (region_id, plan_id, kind)
        select ${version!.region_id}, ${version!.plan_id}, 'measure' from generate_series(1, 1100) returning id)
      insert into measures (region_id, plan_version_id, identity_id, goal_id, title, period_kind, prevention_level, status, position)
      select ${version!.region_id}, ${draft}, id, ${version!.goal}, 'Masseprøve ' || n, 'ongoing', 'universal', 'active', 100 + n
      from (select id, row_number() over () as n from ids) x`.execute(owner);
    await editor.adopt(draft);

    for (const [label, feed, view, insert] of [
      ['adopted, with annexes adopted between pages', publicFeed, 'region=vest-telemark', async (i: number) => {
        const annex = await editor.startRevision({ municipality: pick(['4022', '4023', '4024', '4025']) });
        await editor.createMeasure(annex, (await editor.content(annex)).goals[0]?.id ?? '', { title: `Innskot ${i}` }).catch(() => undefined);
        await editor.adopt(annex);
      }],
      ['a draft, with measures created between pages', adminFeed, 'version=draft&region=vest-telemark', async (i: number) => {
        const open = await owner.selectFrom('plan_versions').select('id').where('status', '=', 'draft').where('region_id', '=', version!.region_id).execute();
        const v = pick(open).id;
        const goals = (await editor.content(v)).goals;
        if (goals.length) await editor.createMeasure(v, pick(goals).id, { title: `Innskot ${i}` });
      }],
    ] as const) {
      if (label.startsWith('a draft')) await editor.startRevision({ region: 'vest-telemark' });
      const before = new Set((await feed.all(view)).keys());
      t.ok(before.size > 1000, `${label}: ${before.size} measures`);
      const seen: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      do {
        const { body } = await feed.page(`${view}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...body.items.map((m) => m.id));
        cursor = body.nextCursor;
        if (cursor && page++ % 3 === 0) await insert(page);
      } while (cursor);
      const after = new Set((await feed.all(view)).keys());
      t.equal(new Set(seen).size, seen.length, `${label}: no measure twice`);
      const missing = [...before].filter((id) => after.has(id) && !seen.includes(id));
      t.same(missing, [], `${label}: every measure there before and after was seen`);
      t.ok(seen.every((id) => before.has(id) || after.has(id)), `${label}: nothing else`);
      t.ok(after.size > before.size, `${label}: ${after.size - before.size} were inserted meanwhile`);
    }
  });
});
