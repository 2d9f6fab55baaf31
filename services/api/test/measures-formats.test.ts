import { createHash } from 'node:crypto';
import type { MeasureHistory } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import t from 'tap';
import { build } from './helper.js';
import { call } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { FeedReader } from './support/feed.js';
import { clientWithToken, grant } from './support/principals.js';
import { Editor } from './support/revisions.js';

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

t.test('the feed as CSV, content negotiation, drafts, and one measure’s history', async (t) => {
  const { app, database } = await build(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'vt-admin', 'region_admin', { region: 'vest-telemark' });
  await grant(owner, 'vt-reader', 'reader', { region: 'vest-telemark' });
  const adminToken = await tokenFor('vt-admin');
  const editor = new Editor(app, adminToken);

  t.test('Accept: text/csv gives the same query as CSV', async (t) => {
    const json = await call(app, 'GET', '/v1/measures?municipality=4026&limit=20');
    const csv = await call(app, 'GET', '/v1/measures?municipality=4026&limit=20', { headers: { accept: 'text/csv' } });
    t.equal(csv.statusCode, 200);
    t.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
    t.not(csv.headers.etag, json.headers.etag, 'its own ETag');
    t.match(csv.headers.link, /^<\/v1\/measures\?municipality=4026&limit=20&cursor=[A-Za-z0-9_-]+>; rel="next"$/, 'the next page in a Link header');
    t.match(csv.headers.vary, /Accept/);
    t.same([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark first, for Excel');
    t.equal(csv.headers.etag, `"${createHash('sha256').update(csv.rawPayload).digest('base64url').slice(0, 32)}"`, 'the ETag is of the bytes sent, the mark included');
    t.notOk(csv.headers['oppvekst-next-updated-since'], 'a list has no next updatedSince');
    t.ok(csv.body.startsWith('\uFEFF'));
    const rows = parseCsv(csv.body.slice(1));
    const [header, ...data] = rows;
    t.equal(header![0], 'id');
    t.ok(header!.includes('implementationStatus'));
    const items = json.json().items as { id: string; title: string; description: string }[];
    t.same(data.map((r) => r[0]), items.map((m) => m.id), 'the same measures in the same order');
    const title = header!.indexOf('title');
    const description = header!.indexOf('description');
    t.same(data.map((r) => r[title]), items.map((m) => m.title), 'titles survive quoting, æøå in UTF-8');
    t.same(data.map((r) => r[description]), items.map((m) => m.description), 'descriptions with commas, quotes and line breaks too');
    t.ok(data.every((r) => r.length === header!.length), 'every row has every column');
    const notModified = await call(app, 'GET', '/v1/measures?municipality=4026&limit=20', { headers: { accept: 'text/csv', 'if-none-match': csv.headers.etag as string } });
    t.equal(notModified.statusCode, 304, 'and 304 for its own ETag');
    const changes = await call(app, 'GET', '/v1/measures?municipality=4026&updatedSince=1970-01-01T00:00:00Z&limit=500', { headers: { accept: 'text/csv' } });
    t.ok(changes.body.startsWith('\uFEFF'), 'changes start with the mark too');
    const [changeHeader, ...changeRows] = parseCsv(changes.body.slice(1));
    t.same(changeHeader!.slice(0, 3), ['change', 'changedAt', 'id']);
    t.ok(changeRows.length > 0 && changeRows.every((r) => r[0] === 'upserted'));

    // CSV has no room for nextUpdatedSince: a header carries it, the same as the JSON's, and drives the next sync.
    const jsonChanges = await call(app, 'GET', '/v1/measures?municipality=4026&updatedSince=1970-01-01T00:00:00Z&limit=500');
    const next = changes.headers['oppvekst-next-updated-since'];
    t.equal(typeof next, 'string', 'changes as CSV name the next updatedSince');
    t.equal(next, jsonChanges.json().nextUpdatedSince, 'the same token as the JSON answer');
    t.equal(jsonChanges.headers['oppvekst-next-updated-since'], next, 'and the JSON answer has the header too');
    const caughtUp = await call(app, 'GET', `/v1/measures?municipality=4026&updatedSince=${next}&limit=500`, { headers: { accept: 'text/csv' } });
    t.equal(caughtUp.statusCode, 200);
    t.same(parseCsv(caughtUp.body.slice(1)).length, 1, 'from it: no changes, only the header row');
    t.equal(caughtUp.headers['oppvekst-next-updated-since'], next, 'and the same token again');
    const unchanged = await call(app, 'GET', `/v1/measures?municipality=4026&updatedSince=${next}&limit=500`, {
      headers: { accept: 'text/csv', 'if-none-match': caughtUp.headers.etag as string },
    });
    t.equal(unchanged.statusCode, 304);
    t.equal(unchanged.headers['oppvekst-next-updated-since'], next, 'a 304 carries the token as well');
  });

  t.test('Accept: JSON preferred by q, CSV by q, and 406 for neither', async (t) => {
    const typeOf = async (accept: string) => {
      const res = await call(app, 'GET', '/v1/measures?limit=1', { headers: { accept } });
      return res.statusCode === 200 ? (res.headers['content-type'] as string).split(';')[0] : res.statusCode;
    };
    t.equal(await typeOf('text/csv;q=0.5, application/json'), 'application/json');
    t.equal(await typeOf('application/json;q=0.2, text/csv'), 'text/csv');
    t.equal(await typeOf('text/*'), 'text/csv');
    t.equal(await typeOf('text/html,application/xhtml+xml,*/*;q=0.8'), 'application/json', 'a browser gets JSON');
    t.equal(await typeOf('application/xml'), 406);
    t.equal(await typeOf('text/csv;q=0'), 406);
    const refused = await call(app, 'GET', '/v1/measures?limit=1', { headers: { accept: 'application/xml' } });
    t.equal(refused.json().type, '/problems/not-acceptable');
    t.match(refused.headers['content-type'], /^application\/problem\+json/);
  });

  t.test('version=draft: for those who see the region’s drafts; the same empty answer for everyone else', async (t) => {
    const draft = await editor.startRevision({ municipality: '4026' });
    const goal = (await editor.content(draft)).goals[0]?.id ?? (await new FeedReader(app).page('municipality=4026&limit=1')).body.items[0]!.goalId;
    const created = await editor.createMeasure(draft, goal, { title: 'Berre i utkastet' });
    const ids = async (token: string | undefined) => {
      const res = await call(app, 'GET', '/v1/measures?version=draft&municipality=4026&limit=500', token ? { token } : {});
      t.equal(res.statusCode, 200);
      assertContract(t, 'MeasurePage', res.json());
      return (res.json().items as { id: string; plan: { status: string } }[]).map((m) => m.id);
    };
    t.ok((await ids(adminToken)).includes(created), 'the region’s administrator');
    t.ok((await ids(await tokenFor('vt-reader'))).includes(created), 'a reader of the region');
    const client = await clientWithToken(app, adminToken, 'vest-telemark', ['plans:read', 'measures:read']);
    t.ok((await ids(client.token)).includes(created), 'an API client with plans:read');
    const feedOnly = await clientWithToken(app, adminToken, 'vest-telemark', ['measures:read']);
    t.same(await ids(feedOnly.token), [], 'not a client that only reads the feed');
    t.same(await ids(undefined), [], 'not the public');
    t.same(await ids(await tokenFor('stranger')), [], 'not a stranger');
    t.notOk((await new FeedReader(app).all('municipality=4026')).has(created), 'and not the adopted feed');
    const bare = await call(app, 'GET', '/v1/measures?version=draft', { token: adminToken });
    t.equal(bare.statusCode, 400, 'drafts are read one region at a time');
    t.equal(bare.json().errors[0].field, 'querystring/version');
    await editor.discard(draft);
  });

  t.test('getMeasure: a measure across the versions of its plan', async (t) => {
    const tokke = await new FeedReader(app).all('municipality=4026');
    const local = [...tokke.values()].find((m) => m.plan.kind === 'annex')!;
    const first = await call(app, 'GET', `/v1/measures/${local.id}`);
    t.equal(first.statusCode, 200);
    assertContract(t, 'MeasureHistory', first.json());
    t.match(first.json(), { id: local.id, state: 'in_force', plan: { kind: 'annex', region: 'vest-telemark', kommunenummer: '4026' } });
    t.equal(first.json().versions.length, 1);

    const draft = await editor.startRevision({ municipality: '4026' });
    await editor.updateMeasure(draft, local.id, { title: 'Nytt namn', status: 'completed' });
    const proposed = await call(app, 'GET', `/v1/measures/${local.id}`, { token: adminToken });
    t.same(proposed.json().versions.map((v: { status: string }) => v.status), ['adopted', 'draft'], 'a member sees the draft too');
    t.equal((await call(app, 'GET', `/v1/measures/${local.id}`)).json().versions.length, 1, 'the public does not');
    const removed = await editor.createMeasure(draft, local.goalId, { title: 'Kortliva' });
    await editor.adopt(draft);

    const history = (await call(app, 'GET', `/v1/measures/${local.id}`)).json() as MeasureHistory;
    t.same(history.versions.map((v) => v.status), ['superseded', 'adopted']);
    t.equal(history.versions[1]!.measure.title, 'Nytt namn');
    t.same(history.versions[1]!.changes, [
      { field: 'title', from: local.title, to: 'Nytt namn' },
      { field: 'status', from: local.status, to: 'completed' },
    ], 'what changed, field by field');
    t.ok(history.versions[0]!.decidedOn, 'with the decision date');

    const next = await editor.startRevision({ municipality: '4026' });
    await editor.deleteMeasure(next, removed);
    await editor.adopt(next);
    t.equal((await call(app, 'GET', `/v1/measures/${removed}`)).json().state, 'removed', 'a measure the plan in force no longer has');

    const etag = (await call(app, 'GET', `/v1/measures/${local.id}`)).headers.etag as string;
    t.equal((await call(app, 'GET', `/v1/measures/${local.id}`, { headers: { 'if-none-match': etag } })).statusCode, 304);

    const draftOnly = await editor.startRevision({ municipality: '4026' });
    const secret = await editor.createMeasure(draftOnly, local.goalId, { title: 'Løyndom' });
    t.equal((await call(app, 'GET', `/v1/measures/${secret}`, { token: adminToken })).json().state, 'proposed');
    t.equal((await call(app, 'GET', `/v1/measures/${secret}`)).statusCode, 404, 'a draft-only measure is unknown to the public');
    t.equal((await call(app, 'GET', `/v1/measures/${local.goalId}`)).statusCode, 404, 'a goal’s id is not a measure');
    t.equal((await call(app, 'GET', '/v1/measures/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    t.equal((await call(app, 'GET', '/v1/measures/not-a-uuid')).statusCode, 400);
  });
});
