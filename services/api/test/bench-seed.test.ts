import t from 'tap';
import { loadBenchData, measuresOf } from '../scripts/bench/seed-load.js';
import { build } from './helper.js';
import { FeedReader } from './support/feed.js';

/** A smoke test of the benchmark's generated data (the benchmark itself runs with `pnpm bench`, never in the tests). */
t.test('the benchmark’s load writes adopted plans the feed serves', async (t) => {
  const { app, database } = await build(t);
  const shape = { regions: 3, regionalGoals: 2, measuresPerRegionalGoal: 4, annexGoals: 1, measuresPerAnnexGoal: 3 };
  t.equal(await loadBenchData(database.adminUrl, shape), measuresOf(shape));
  t.equal(measuresOf(shape), 3 * (8 + 4 * 3));
  const feed = new FeedReader(app);
  const region = await feed.all('region=benk-0001');
  t.equal(region.size, 20, 'a region’s regional and annex measures');
  const municipality = [...(await feed.all('municipality=5001')).values()];
  t.equal(municipality.length, 8 + 3, 'a municipality’s view');
  t.ok(municipality.some((m) => m.implementation !== null), 'with implementations');
  const plan = await app.inject({ method: 'GET', url: '/v1/municipalities/5001/plan' });
  t.equal(plan.statusCode, 200);
  const searched = await feed.page('region=benk-0002&q=foreldrene');
  t.ok(searched.body.items.length > 0, 'the bokmål region’s text is found by full-text search');
});
