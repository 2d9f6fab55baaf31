/**
 * `pnpm bench`: the API under load on loopback, beside a plain SQL baseline of
 * the same feed query. Everything runs in its own embedded PostgreSQL in a
 * temporary folder, which is removed at the end. See docs/benchmarks.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bootstrapDatabase, createDb, createPool, freePort, startEmbeddedPostgres, withCredentials } from '@oppvekst/db';
import { sql } from 'kysely';
import pg from 'pg';
import { applyContext } from '../../src/access/request-context.js';
import { loadSigningKey } from '../../src/auth/signing-key.js';
import { createTokenSigner } from '../../src/auth/token-signer.js';
import { decodeListCursor } from '../../src/measures/cursor.js';
import { listMeasurePage } from '../../src/measures/measure.repository.js';
import { type Figures, loadTest, loopTest, type Scenario } from './load-test.js';
import { BENCH_SHAPE, loadBenchData } from './seed-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const APP_PASSWORD = 'bench-app';
const ISSUER = 'urn:oppvekst:bench';
const AUDIENCE = 'urn:oppvekst:api';
const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oppvekst-bench-'));
  let server: ChildProcess | undefined;
  const database = await startEmbeddedPostgres({ dataDir, database: 'oppvekst' });
  try {
    const started = performance.now();
    await bootstrapDatabase(database.adminUrl, { appPassword: APP_PASSWORD, seed: 'always' });
    const measures = await loadBenchData(database.adminUrl);
    log(`seeded ${measures} measures in ${BENCH_SHAPE.regions} regions in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    admin.on('error', () => {});
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const signer = createTokenSigner(await loadSigningKey(pem, dataDir), { issuer: ISSUER, audience: AUDIENCE });
    const writeRegions = (await admin.query<{ id: string; slug: string }>(`select id, slug from regions where slug like 'benk-%' order by slug limit 10`)).rows;
    // An administrator per region, as editors are in real life (one region each).
    const adminTokens = new Map<string, string>();
    for (const r of writeRegions) {
      await admin.query(`insert into memberships (region_id, subject, role, created_by) values ($1, $2, 'region_admin', 'bench')`, [r.id, `admin@${r.slug}`]);
      adminTokens.set(r.slug, signer.signUserToken(`admin@${r.slug}`, 3600));
    }
    const adminToken = adminTokens.get(writeRegions[0]!.slug)!;

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.adminUrl,
        APP_DATABASE_PASSWORD: APP_PASSWORD,
        MIGRATE_ON_START: 'false',
        SEED_DEMO: 'never',
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        TOKEN_SIGNING_KEY: pem,
        TOKEN_ISSUER: ISSUER,
        TOKEN_AUDIENCE: AUDIENCE,
        RATE_LIMIT_MAX: '1000000',
        RATE_LIMIT_ANONYMOUS_MAX: '1000000',
        TOKEN_RATE_LIMIT_MAX: '100000',
      },
    });
    await waitUntilReady(baseUrl, server);
    const api = (method: string, url: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
      fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });

    // The integration: an API client of the first region, reading the feed with its own token.
    const created = await (await api('POST', `/v1/regions/${writeRegions[0]!.slug}/api-clients`, { token: adminToken, body: { name: 'Benk', scopes: ['measures:read', 'plans:read'] } })).json() as { client: { id: string }; clientSecret: string };
    const issued = await (await api('POST', '/v1/oauth/token', { body: { grant_type: 'client_credentials', client_id: created.client.id, client_secret: created.clientSecret } })).json() as { access_token: string };
    const clientToken = issued.access_token;

    // Pages all over the feed: walk it once and keep the cursors.
    const cursors: (string | null)[] = [null];
    for (let i = 0; i < 200 && cursors.at(-1) !== undefined; i++) {
      const page = await (await api('GET', `/v1/measures?limit=500${cursors.at(-1) ? `&cursor=${cursors.at(-1)}` : ''}`)).json() as { nextCursor: string | null };
      if (!page.nextCursor) break;
      cursors.push(page.nextCursor);
    }
    const municipalities = (await admin.query<{ kommunenummer: string }>(`select kommunenummer from municipalities where kommunenummer >= '5000' order by kommunenummer limit 100`)).rows.map((r) => r.kommunenummer);
    const planTags = await Promise.all(municipalities.map(async (k) => (await api('GET', `/v1/municipalities/${k}/plan`)).headers.get('etag')!));

    // Drafts to write in: a revision of the regional plan in each of ten regions, one measure per connection.
    const writes: Scenario['requests'] = [];
    for (const r of writeRegions) {
      const token = adminTokens.get(r.slug)!;
      const list = await api('GET', `/v1/regions/${r.slug}/plan/versions`, { token });
      const draft = await (await api('POST', `/v1/regions/${r.slug}/plan/versions`, { token, body: {}, headers: { 'if-match': list.headers.get('etag')! } })).json() as { id: string };
      const content = await (await api('GET', `/v1/plan-versions/${draft.id}`, { token })).json() as { goals: { measures: { id: string }[] }[] };
      for (const goal of content.goals.slice(0, Math.ceil((2 * CONNECTIONS) / writeRegions.length) + 1)) {
        const url = `/v1/plan-versions/${draft.id}/measures/${goal.measures[0]!.id}`;
        const tag = (await api('GET', url, { token })).headers.get('etag')!;
        writes.push({ method: 'PATCH', path: url, body: JSON.stringify({ title: 'Endra under last' }), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': tag } });
      }
    }

    const auth = { authorization: `Bearer ${clientToken}` };
    const feedPaths = cursors.map((c) => `/v1/measures?limit=50${c ? `&cursor=${c}` : ''}`);
    const filtered = municipalities.map((k) => `/v1/measures?municipality=${k}&status=active&preventionLevel=universal&q=foreldre&limit=50`);
    // Drafts, read by a member of the region (its admin), so the draft channel's row-level security (app_reads_region) is in the path.
    const draftReads = writeRegions.map((r) => ({ path: `/v1/measures?version=draft&region=${r.slug}&limit=50`, headers: { authorization: `Bearer ${adminTokens.get(r.slug)!}` } }));
    const draftPage = await (await api('GET', draftReads[0]!.path, { headers: draftReads[0]!.headers })).json() as { items: unknown[] };
    // RLS that hid the drafts would still answer 200, with nothing: that would measure the wrong thing.
    if (!draftPage.items?.length) throw new Error(`a region member sees no drafts at ${draftReads[0]!.path}`);
    const scenarios: Scenario[] = [
      { name: 'feed page of 50 (API client token, RLS)', requests: feedPaths.map((p) => ({ path: p, headers: auth })), expectStatus: 200 },
      { name: 'filtered feed (municipality, status, level, q)', requests: filtered.map((p) => ({ path: p, headers: auth })), expectStatus: 200 },
      { name: 'draft feed of a region (member token, RLS)', requests: draftReads, expectStatus: 200 },
      { name: 'complete plan (getMunicipalityPlan, public)', requests: municipalities.map((k) => ({ path: `/v1/municipalities/${k}/plan` })), expectStatus: 200 },
      { name: 'complete plan with If-None-Match', requests: municipalities.map((k, i) => ({ path: `/v1/municipalities/${k}/plan`, headers: { 'if-none-match': planTags[i]! } })), expectStatus: 304 },
      { name: 'write with If-Match (updateMeasure in a draft)', requests: writes, expectStatus: 200, ifMatchChain: true },
    ];
    const figures: Figures[] = [];
    for (const scenario of scenarios) {
      await loadTest(baseUrl, scenario, { connections: CONNECTIONS, seconds: 2 }); // warm-up
      figures.push(await loadTest(baseUrl, scenario, { connections: CONNECTIONS, seconds: SECONDS }));
      const last = figures.at(-1)!;
      log(`ran ${scenario.name}${last.firstError ? ` (first unexpected answer: ${last.firstError})` : ''}`);
    }
    const peak = await peakMemory(server.pid!);

    // The same feed queries as plain SQL: the app's role, the same context, the same statement, no HTTP.
    const appUrl = withCredentials(database.adminUrl, 'oppvekst_app', APP_PASSWORD);
    const db = createDb(createPool(appUrl, { max: 10 }));
    const anonymous = { role: 'anonymous' as const };
    const baseline = await loopTest('SQL: feed page of 50', (i) => db.transaction().execute(async (trx) => {
      await applyContext(trx as never, anonymous);
      const cursor = cursors[i % cursors.length];
      return listMeasurePage(trx, { channel: 'adopted' }, {}, { after: cursor ? decodeListCursor(cursor) : undefined, limit: 51 });
    }), { connections: CONNECTIONS, seconds: SECONDS });
    const ids = (await admin.query<{ k: string; id: string; region_id: string }>(`select kommunenummer as k, id, region_id from municipalities where kommunenummer = any($1)`, [municipalities])).rows;
    const filteredBaseline = await loopTest('SQL: filtered feed', (i) => db.transaction().execute(async (trx) => {
      await applyContext(trx as never, anonymous);
      const m = ids[i % ids.length]!;
      return listMeasurePage(trx, { channel: 'adopted', municipality: { id: m.id, regionId: m.region_id } }, { status: ['active'], preventionLevel: ['universal'], q: 'foreldre' }, { limit: 51 });
    }), { connections: CONNECTIONS, seconds: SECONDS });
    await sql`select 1`.execute(db);
    await db.destroy();
    await admin.end();

    report(figures, [baseline, filteredBaseline], peak, measures);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function waitUntilReady(baseUrl: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become ready');
}

/** The server process's peak resident memory (VmHWM), in MiB. */
async function peakMemory(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Number(kib) / 1024 : undefined;
}

function report(figures: Figures[], baselines: Figures[], peakMiB: number | undefined, measures: number) {
  const row = (f: Figures) =>
    `| ${f.name.padEnd(48)} | ${f.perSecond.toFixed(0).padStart(7)} | ${f.p50.toFixed(1).padStart(6)} | ${f.p99.toFixed(1).padStart(6)} | ${String(f.requests).padStart(7)} | ${String(f.errors).padStart(6)} |`;
  const lines = [
    '',
    `Oppvekst bench: ${measures} generated measures (+ the demo), ${CONNECTIONS} connections, ${SECONDS} s per run, node ${process.version}, ${os.cpus().length} CPUs`,
    '',
    `| ${'scenario'.padEnd(48)} |   req/s | p50 ms | p99 ms |   total | errors |`,
    `|${'-'.repeat(50)}|--------:|-------:|-------:|--------:|-------:|`,
    ...figures.map(row),
    ...baselines.map(row),
    '',
    `API ÷ plain SQL, feed page of 50: ${(figures[0]!.perSecond / baselines[0]!.perSecond).toFixed(2)}`,
    `API ÷ plain SQL, filtered feed:   ${(figures[1]!.perSecond / baselines[1]!.perSecond).toFixed(2)}`,
    `Server peak memory (VmHWM): ${peakMiB === undefined ? 'n/a' : `${peakMiB.toFixed(0)} MiB`}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
