/**
 * Regenerates the samples in docs/examples/: Tokke's complete plan as the
 * council reads it (Markdown, HTML, PDF), the JSON it is made from, and its
 * § 3-1 report. Runs on its own embedded PostgreSQL in a temporary folder,
 * seeded with the Vest-Telemark demo, and asks the API as a client would.
 *
 *   pnpm examples
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ROLE, bootstrapDatabase, createDb, createPool, startEmbeddedPostgres, withCredentials } from '@oppvekst/db';
import { buildApp } from '../src/app.js';
import { loadSigningKey } from '../src/auth/signing-key.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/examples');
const SAMPLES = [
  { url: '/v1/municipalities/4026/plan', accept: 'text/markdown', file: 'tokke-plan.md' },
  { url: '/v1/municipalities/4026/plan', accept: 'text/html', file: 'tokke-plan.html' },
  { url: '/v1/municipalities/4026/plan', accept: 'application/pdf', file: 'tokke-plan.pdf' },
  { url: '/v1/municipalities/4026/plan', accept: 'application/json', file: 'tokke-plan.json' },
  { url: '/v1/municipalities/4026/plan/compliance', accept: 'application/json', file: 'tokke-compliance.json' },
];

async function main(): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'oppvekst-examples-'));
  const server = await startEmbeddedPostgres({ dataDir: scratch, database: 'postgres' });
  try {
    const password = 'examples';
    await bootstrapDatabase(server.adminUrl, { appPassword: password, seed: 'always' });
    const db = createDb(createPool(withCredentials(server.adminUrl, APP_ROLE, password)));
    const signingKey = await loadSigningKey(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'examples');
    const app = await buildApp({ db, auth: { signingKey, issuer: 'urn:oppvekst:examples', audience: 'urn:oppvekst:api', clientTokenTtlSeconds: 900 } });
    try {
      await mkdir(OUT, { recursive: true });
      for (const sample of SAMPLES) {
        const response = await app.inject({ method: 'GET', url: sample.url, headers: { accept: sample.accept } });
        if (response.statusCode !== 200) throw new Error(`${sample.url} as ${sample.accept}: ${response.statusCode} ${response.body}`);
        const body = sample.accept === 'application/json' ? `${JSON.stringify(response.json(), null, 2)}\n` : response.rawPayload;
        await writeFile(path.join(OUT, sample.file), body);
        process.stdout.write(`docs/examples/${sample.file} (${response.rawPayload.length} bytes)\n`);
      }
    } finally {
      await app.close();
      await db.destroy();
    }
  } finally {
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
