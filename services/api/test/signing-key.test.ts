import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { loadSigningKey, SIGNING_KEY_FILE } from '../src/auth/signing-key.js';

t.test('without TOKEN_SIGNING_KEY a key is made once in the data folder and kept', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oppvekst-key-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const first = await loadSigningKey(undefined, dataDir);
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  t.equal((await stat(file)).mode & 0o777, 0o600, 'readable by the service only');
  const second = await loadSigningKey(undefined, dataDir);
  t.equal(second.kid, first.kid, 'a restart uses the same key');
  t.equal(second.publicKeyPem, first.publicKeyPem);
  const [a, b] = await Promise.all([loadSigningKey(undefined, path.join(dataDir, 'race')), loadSigningKey(undefined, path.join(dataDir, 'race'))]);
  t.equal(a.kid, b.kid, 'two processes starting at once agree on one key');
});

t.test('a configured key wins, and must be an Ed25519 private key', async (t) => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = await loadSigningKey(pem, '/nonexistent');
  t.match(key.publicKeyPem, /BEGIN PUBLIC KEY/);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await t.rejects(loadSigningKey(rsa, '/nonexistent'), /Ed25519/);
  await t.rejects(loadSigningKey('-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----', '/nonexistent'), /not a readable PEM/);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oppvekst-key-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  await writeFile(path.join(dataDir, SIGNING_KEY_FILE), 'garbage');
  await t.rejects(loadSigningKey(undefined, dataDir), /not a readable PEM/, 'a damaged key file stops the start rather than being replaced');
  t.equal(await readFile(path.join(dataDir, SIGNING_KEY_FILE), 'utf8'), 'garbage', 'and is left for the operator to look at');
});
