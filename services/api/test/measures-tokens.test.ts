import { createOwnerDb, type Database } from '@oppvekst/db';
import t from 'tap';
import { build } from './helper.js';
import { call } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { EPOCH, FeedReader } from './support/feed.js';
import { grant } from './support/principals.js';
import { SECOND_REGION, seedSecondRegionInDraft } from './support/second-region.js';

/**
 * A `nextUpdatedSince` holds only where its number is in commit order: the
 * adopted channel, or one region's drafts. Anywhere else it could skip a
 * change that commits late, so it is refused.
 */
t.test('a nextUpdatedSince holds only in the channel and region it came from', async (t) => {
  const { app, database } = await build(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await seedSecondRegionInDraft(owner);
  await grant(owner, 'two-regions', 'region_admin', { region: 'vest-telemark' });
  await grant(owner, 'two-regions', 'region_admin', { region: SECOND_REGION });
  const token = await tokenFor('two-regions');
  const feed = new FeedReader(app, token);

  const adopted = await feed.sync('region=vest-telemark', new Map(), EPOCH);
  const secondDrafts = await feed.sync(`version=draft&region=${SECOND_REGION}`, new Map(), EPOCH);
  t.ok((await feed.all(`version=draft&region=${SECOND_REGION}`)).size > 0, 'the second region has drafts to read');

  const refused = async (query: string, since: string, why: string) => {
    const res = await call(app, 'GET', `/v1/measures?${query}&updatedSince=${encodeURIComponent(since)}`, { token });
    t.equal(res.statusCode, 400, `${why}: 400`);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.ok((res.json().errors as { field: string }[]).some((e) => e.field === 'querystring/updatedSince'), `${why}: names updatedSince`);
  };
  await refused(`version=draft&region=${SECOND_REGION}`, adopted, 'the adopted feed’s token on drafts');
  await refused('version=draft&region=vest-telemark', secondDrafts, 'one region’s draft token on another’s drafts');
  await refused('version=draft&municipality=4026', secondDrafts, 'on a municipality of another region');
  await refused('region=vest-telemark', secondDrafts, 'a draft token on the adopted feed');
  await refused('region=vest-telemark', Buffer.from('s:5').toString('base64url'), 'a token of the first format, which named no scope');

  const accepted = async (query: string, since: string, why: string) => {
    const res = await call(app, 'GET', `/v1/measures?${query}&updatedSince=${encodeURIComponent(since)}`, { token });
    t.equal(res.statusCode, 200, `${why}: 200`);
  };
  await accepted('municipality=4026', adopted, 'the adopted token on another adopted view (one commit order for the channel)');
  await accepted(`version=draft&municipality=3826`, secondDrafts, 'a draft token on a municipality of its own region');
  await accepted(`version=draft&region=${SECOND_REGION}`, secondDrafts, 'a draft token where it came from');
});
