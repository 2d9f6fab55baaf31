import type { MeasureListItem } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import t from 'tap';
import { build } from './helper.js';
import { call } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { FeedReader } from './support/feed.js';
import { grant } from './support/principals.js';
import { Editor } from './support/revisions.js';

const covers = (period: MeasureListItem['period'], year: number) =>
  period.kind === 'ongoing' ||
  (period.kind === 'year' && period.from === year) ||
  (period.kind === 'span' && period.from! <= year && year <= period.to!) ||
  (period.kind === 'open_start' && period.from! <= year);

t.test('every filter of the feed', async (t) => {
  const { app, database } = await build(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const feed = new FeedReader(app);
  const region = [...(await feed.all('region=vest-telemark')).values()];
  t.equal(region.length, 43, 'the seeded region has 43 adopted measures');

  /** The filtered feed must be exactly the measures the predicate picks, and that must be some but not all. */
  async function check(scope: string, query: string, all: MeasureListItem[], pick: (m: MeasureListItem) => boolean) {
    const { body } = await feed.page(`${scope}&${query}&limit=500`);
    assertContract(t, 'MeasurePage', body);
    const expected = all.filter(pick).map((m) => m.id);
    t.ok(expected.length > 0 && expected.length < all.length, `${query}: picks ${expected.length} of ${all.length}`);
    t.same(body.items.map((m) => m.id), expected, `${query}: exactly those`);
  }
  const scope = 'region=vest-telemark';
  const responsibleFor = (m: MeasureListItem, slug: string) => m.responsibilities.some((r) => r.role === 'responsible' && r.service?.slug === slug);
  const someGoal = region.find((m) => region.filter((x) => x.goalId === m.goalId).length > 1)!.goalId;

  await check(scope, 'status=planned', region, (m) => m.status === 'planned');
  await check(scope, 'status=planned&status=completed', region, (m) => m.status === 'planned' || m.status === 'completed');
  await check(scope, 'preventionLevel=indicated', region, (m) => m.preventionLevel === 'indicated');
  await check(scope, 'ageGroup=young_adult', region, (m) => m.ageGroups.includes('young_adult'));
  await check(scope, 'ageGroup=young_adult&ageGroup=first_1000_days', region, (m) => m.ageGroups.some((a) => a === 'young_adult' || a === 'first_1000_days'));
  await check(scope, 'law=folkehelseloven', region, (m) => m.laws.includes('folkehelseloven'));
  await check(scope, 'law=barneloven&law=krisesenterloven', region, (m) => m.laws.some((l) => l === 'barneloven' || l === 'krisesenterloven'));
  await check(scope, 'conventionArticle=12', region, (m) => m.conventionArticles.includes(12));
  await check(scope, 'conventionArticle=33&conventionArticle=9', region, (m) => m.conventionArticles.some((a) => a === 33 || a === 9));
  for (const year of [2023, 2026, 2028]) await check(scope, `activeIn=${year}`, region, (m) => covers(m.period, year));
  await check(scope, 'service=nav', region, (m) => responsibleFor(m, 'nav'));
  await check(scope, `goal=${someGoal}`, region, (m) => m.goalId === someGoal);
  await check(scope, 'status=active&preventionLevel=universal&ageGroup=primary_school', region, (m) =>
    m.status === 'active' && m.preventionLevel === 'universal' && m.ageGroups.includes('primary_school'));

  t.test('a municipality’s view: the service responsible for its local implementation counts too', async (t) => {
    await grant(owner, 'vt-admin', 'region_admin', { region: 'vest-telemark' });
    const editor = new Editor(app, await tokenFor('vt-admin'));
    const draft = await editor.startRevision({ municipality: '4026' });
    const implemented = (await editor.content(draft)).implementations[0]!.measureId;
    await editor.updateImplementation(draft, implemented, { responsibleService: 'slt-tokke' });
    await editor.adopt(draft);
    const tokke = [...(await feed.all('municipality=4026')).values()];
    await check('municipality=4026', 'service=slt-tokke', tokke, (m) => responsibleFor(m, 'slt-tokke') || m.implementation?.responsibleService?.slug === 'slt-tokke');
    const picked = await feed.page('municipality=4026&service=slt-tokke');
    t.ok(picked.body.items.some((m) => m.id === implemented && m.plan.kind === 'regional'), 'the regional measure Tokke’s SLT carries');
    const vinje = await feed.page('municipality=4027&service=slt-tokke');
    t.notOk(vinje.body.items.some((m) => m.id === implemented), 'not in Vinje’s view');
  });

  t.test('full-text search in nynorsk and bokmål', async (t) => {
    const titles = async (query: string) => (await feed.page(`${query}&limit=500`)).body.items.map((m) => m.title);
    t.ok((await titles('municipality=4026&q=Foreldretrappa')).includes('Foreldretrappa'), 'a programme by name');
    t.same(await titles('municipality=4027&q=Foreldretrappa'), [], 'only in Tokke');
    const bokmal = await titles('region=vest-telemark&q=barnehagene');
    t.ok(bokmal.includes('PPT ute i barnehagane'), 'a bokmål ending finds the nynorsk word (barnehagene → barnehagane)');
    const text = (m: MeasureListItem) => `${m.title} ${m.programme ?? ''} ${m.description}`;
    const found = async (query: string) => (await feed.page(`${query}&limit=500`)).body.items;
    const onTopic = await found('region=vest-telemark&q=barnehagene');
    t.ok(onTopic.length > 0 && onTopic.every((m) => /barnehag/i.test(text(m))), 'and every match has the word in its title, programme or description');
    const skole = await titles('region=vest-telemark&q=skolemiljø');
    t.ok(skole.includes('Trygt og godt barnehage- og skulemiljø'), 'a bokmål spelling finds the nynorsk one (skole → skule)');
    const parents = await found('region=vest-telemark&q=foreldrenes');
    t.ok(parents.some((m) => /foreldre/i.test(m.title)), 'a form the text lacks finds its stem (foreldrenes → foreldre)');
    t.ok(parents.every((m) => /foreldr/i.test(text(m))), 'and only measures that have the word');
    const guardiansOnly = [...(await feed.all('region=vest-telemark')).values()].filter((m) => /føresett/i.test(text(m)) && !/foreldr/i.test(text(m)));
    t.ok(guardiansOnly.length > 0, 'some measures say føresette and never foreldre');
    t.notOk(parents.some((m) => guardiansOnly.some((g) => g.id === m.id)), 'a word with the same meaning but another stem does not match');
    t.same(await titles('region=vest-telemark&q=xyzzyplugh'), [], 'nothing for a word nobody wrote');
    const phrase = await titles('region=vest-telemark&q="open hall"');
    t.same(phrase, ['Open hall på fredagar'], 'a quoted phrase');
    const excluded = await titles('region=vest-telemark&q=ungdom -ungdata');
    t.ok(excluded.length > 0 && excluded.every((title) => !/ungdata/i.test(title)), 'an excluded word');
    for (const hostile of ["'&|!(", '::*', 'a:*|b', '\\', 'ø'.repeat(200)]) {
      const res = await call(app, 'GET', `/v1/measures?region=vest-telemark&q=${encodeURIComponent(hostile)}`);
      t.equal(res.statusCode, 200, `q=${hostile.slice(0, 20)} is just text`);
    }
  });

  t.test('bad filter values are 400s naming the parameter', async (t) => {
    for (const [query, field] of [
      ['status=paused', 'querystring/status'],
      ['preventionLevel=all', 'querystring/preventionLevel'],
      ['ageGroup=teen', 'querystring/ageGroup'],
      ['law=grunnloven', 'querystring/law'],
      ['conventionArticle=55', 'querystring/conventionArticle'],
      ['conventionArticle=x', 'querystring/conventionArticle'],
      ['activeIn=1999', 'querystring/activeIn'],
      ['goal=not-a-uuid', 'querystring/goal'],
      ['service=NAV', 'querystring/service'],
      ['q=', 'querystring/q'],
      ['version=final', 'querystring/version'],
      ['limit=501', 'querystring/limit'],
      ['updatedSince=yesterday', 'querystring/updatedSince'],
      ['updatedSince=2026-02-30T00:00:00Z', 'querystring/updatedSince'],
    ] as const) {
      const res = await call(app, 'GET', `/v1/measures?region=vest-telemark&${query}`);
      t.equal(res.statusCode, 400, query);
      t.ok((res.json().errors as { field: string }[]).some((e) => e.field.startsWith(field)), `${query} names ${field}`);
    }
  });
});
