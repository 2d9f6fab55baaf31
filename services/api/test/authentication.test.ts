import { createHmac, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOwnerDb, type Database } from '@oppvekst/db';
import { createSigner } from 'fast-jwt';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { build } from './helper.js';
import { bearer, TEST_AUDIENCE, TEST_ISSUER, testAuth, testSigningKey, tokenFor } from './support/auth.js';
import { grant } from './support/principals.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** A request to /v1/me with this Authorization header value. */
const me = (app: FastifyInstance, authorization: string) => app.inject({ method: 'GET', url: '/v1/me', headers: { authorization } });

async function refused(t: Test, app: FastifyInstance, authorization: string, detail?: RegExp) {
  const res = await me(app, authorization);
  t.equal(res.statusCode, 401, 'refused with 401');
  t.match(res.headers['content-type'], /^application\/problem\+json/, 'as problem+json');
  t.equal(res.json().type, '/problems/unauthorized');
  t.match(res.headers['www-authenticate'], /^Bearer error="invalid_token"/, 'with an RFC 6750 challenge');
  if (detail) t.match(res.json().detail, detail);
}

t.test('the service’s own tokens', async (t) => {
  const { app, database } = await build(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'kari@tokke.kommune.no', 'municipal_editor', { region: 'vest-telemark', municipality: '4026' });
  const key = await testSigningKey();
  const sign = (options: Record<string, unknown>, payload: Record<string, unknown> = { sub: 'kari@tokke.kommune.no' }) =>
    createSigner({ key: key.privateKeyPem, algorithm: 'EdDSA', iss: TEST_ISSUER, aud: TEST_AUDIENCE, expiresIn: 600_000, ...options })(payload);

  t.test('a good token is accepted, and the roles come from the database', async (t) => {
    const res = await me(app, `Bearer ${await tokenFor('kari@tokke.kommune.no')}`);
    t.equal(res.statusCode, 200);
    t.same(res.json(), {
      kind: 'user',
      subject: 'kari@tokke.kommune.no',
      platformAdmin: false,
      memberships: [{ region: 'vest-telemark', role: 'municipal_editor', municipality: '4026', service: null }],
      client: null,
    });
  });

  t.test('expired', async (t) => {
    await refused(t, app, `Bearer ${sign({ clockTimestamp: Date.now() - 3_600_000, expiresIn: 60_000 })}`, /expired/);
  });
  t.test('not yet valid (nbf in the future)', async (t) => {
    await refused(t, app, `Bearer ${sign({ notBefore: 3_600_000 })}`);
  });
  t.test('wrong issuer', async (t) => {
    await refused(t, app, `Bearer ${sign({ iss: 'https://evil.example' })}`, /issuer/);
  });
  t.test('wrong audience', async (t) => {
    await refused(t, app, `Bearer ${sign({ aud: 'urn:some-other-service' })}`);
  });
  t.test('without an expiry', async (t) => {
    await refused(t, app, `Bearer ${sign({ expiresIn: undefined })}`);
  });
  t.test('alg: none', async (t) => {
    const payload = { sub: 'kari@tokke.kommune.no', iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now(), exp: now() + 600 };
    await refused(t, app, `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
    await refused(t, app, `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJl`);
  });
  t.test('algorithm confusion: HS256 keyed with our public key', async (t) => {
    const header = b64({ alg: 'HS256', typ: 'JWT', kid: key.kid });
    const payload = b64({ sub: 'kari@tokke.kommune.no', iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now(), exp: now() + 600 });
    const signature = createHmac('sha256', key.publicKeyPem).update(`${header}.${payload}`).digest('base64url');
    await refused(t, app, `Bearer ${header}.${payload}.${signature}`);
  });
  t.test('tampered: the subject changed after signing', async (t) => {
    const [header, , signature] = (await tokenFor('kari@tokke.kommune.no')).split('.');
    const payload = b64({ sub: 'operator', iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now(), exp: now() + 600 });
    await refused(t, app, `Bearer ${header}.${payload}.${signature}`);
  });
  t.test('signed with another key', async (t) => {
    const other = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await refused(t, app, `Bearer ${sign({ key: other })}`);
  });
  t.test('an ordinary user token cannot pass for an API client', async (t) => {
    await refused(t, app, `Bearer ${sign({}, { sub: 'client:7f0c1d1e-1111-4222-8333-944455556666' })}`, /reserved for API clients/);
  });
  t.test('not a JWT, or not a bearer token', async (t) => {
    await refused(t, app, 'Bearer not-a-token');
    await refused(t, app, `Bearer ${b64({ alg: 'EdDSA' })}.bm90IGpzb24.AAAA`);
    for (const header of ['Basic a2FyaTpoZW1tZWxlZw==', 'Bearer', 'Token abc.def.ghi']) {
      const res = await me(app, header);
      t.equal(res.statusCode, 401, header);
      t.match(res.headers['content-type'], /^application\/problem\+json/);
    }
  });
  t.test('a bad token is refused on public routes too, not read as anonymous', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/v1/regions', headers: bearer(sign({ aud: 'elsewhere' })) });
    t.equal(res.statusCode, 401);
    t.equal((await app.inject({ method: 'GET', url: '/v1/regions' })).statusCode, 200, 'while no token at all is fine');
  });
  t.test('no token where one is needed: 401 with a bare challenge', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/v1/me' });
    t.equal(res.statusCode, 401);
    t.equal(res.headers['www-authenticate'], 'Bearer');
  });
});

/** A stand-in for a municipality's identity provider: its JWKS served over real HTTP. */
async function identityProvider(t: Test) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  let state: 'up' | 'down' | 'html' = 'up';
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    fetches += 1;
    if (state === 'html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Maintenance</html>');
      return;
    }
    if (state === 'down' || request.url !== '/protocol/openid-connect/certs') {
      response.writeHead(state === 'up' ? 404 : 503, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise((resolve) => server.close(resolve)));
  const port = (server.address() as AddressInfo).port;
  return {
    issuer: 'https://login.vest-telemark.example/realms/kommune',
    jwksUrl: `http://127.0.0.1:${port}/protocol/openid-connect/certs`,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    goDown: () => (state = 'down'),
    serveHtml: () => (state = 'html'),
    fetches: () => fetches,
  };
}

t.test('tokens from the municipalities’ identity provider (OIDC)', async (t) => {
  const idp = await identityProvider(t);
  const { app, database } = await build(t, {
    auth: await testAuth({ oidc: { issuer: idp.issuer, audience: 'oppvekst-api', jwksUrl: idp.jwksUrl, algorithms: ['RS256'] } }),
  });
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await grant(owner, 'f3b1c2d4-idp-user', 'reader', { region: 'vest-telemark' });
  const sign = (options: Record<string, unknown> = {}, payload: Record<string, unknown> = { sub: 'f3b1c2d4-idp-user' }) =>
    createSigner({ key: idp.privateKeyPem, algorithm: 'RS256', kid: 'idp-key-1', iss: idp.issuer, aud: 'oppvekst-api', expiresIn: 300_000, ...options })(payload);

  t.test('a good token is accepted, with the memberships of its subject', async (t) => {
    const res = await me(app, `Bearer ${sign()}`);
    t.equal(res.statusCode, 200, res.body);
    t.same(res.json().memberships, [{ region: 'vest-telemark', role: 'reader', municipality: null, service: null }]);
  });
  t.test('wrong audience', async (t) => {
    await refused(t, app, `Bearer ${sign({ aud: 'account' })}`);
  });
  t.test('expired', async (t) => {
    await refused(t, app, `Bearer ${sign({ clockTimestamp: Date.now() - 3_600_000, expiresIn: 60_000 })}`);
  });
  t.test('not yet valid', async (t) => {
    await refused(t, app, `Bearer ${sign({ notBefore: 3_600_000 })}`);
  });
  t.test('algorithm confusion: HS256 keyed with the provider’s public key', async (t) => {
    const header = b64({ alg: 'HS256', typ: 'JWT', kid: 'idp-key-1' });
    const payload = b64({ sub: 'f3b1c2d4-idp-user', iss: idp.issuer, aud: 'oppvekst-api', iat: now(), exp: now() + 300 });
    const signature = createHmac('sha256', idp.publicKeyPem).update(`${header}.${payload}`).digest('base64url');
    await refused(t, app, `Bearer ${header}.${payload}.${signature}`);
  });
  t.test('alg: none with the provider as issuer', async (t) => {
    const payload = { sub: 'f3b1c2d4-idp-user', iss: idp.issuer, aud: 'oppvekst-api', iat: now(), exp: now() + 300 };
    await refused(t, app, `Bearer ${b64({ alg: 'none', typ: 'JWT', kid: 'idp-key-1' })}.${b64(payload)}.`);
  });
  t.test('tampered', async (t) => {
    const [header, , signature] = sign().split('.');
    const payload = b64({ sub: 'operator', iss: idp.issuer, aud: 'oppvekst-api', iat: now(), exp: now() + 300 });
    await refused(t, app, `Bearer ${header}.${payload}.${signature}`);
  });
  t.test('a key the provider does not publish', async (t) => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await refused(t, app, `Bearer ${sign({ key: other })}`);
    await refused(t, app, `Bearer ${sign({ key: other, kid: 'unknown-kid' })}`);
  });
  t.test('the provider cannot mint our tokens: its key does not sign for our issuer', async (t) => {
    await refused(t, app, `Bearer ${sign({ iss: TEST_ISSUER, aud: TEST_AUDIENCE })}`);
  });
  t.test('the provider cannot speak for an API client', async (t) => {
    const id = '7f0c1d1e-1111-4222-8333-944455556666';
    await refused(t, app, `Bearer ${sign({}, { sub: `client:${id}`, client_id: id, scope: 'plans:read' })}`, /reserved for API clients/);
  });
  t.test('made-up key ids do not make the service hammer the provider', async (t) => {
    const before = idp.fetches();
    for (let i = 0; i < 10; i++) await refused(t, app, `Bearer ${sign({ kid: `made-up-${i}` })}`);
    t.ok(idp.fetches() - before <= 1, `at most one refresh of the keys for ten unknown kids (${idp.fetches() - before})`);
  });
  t.test('a provider account is never a platform admin, whatever its sub', async (t) => {
    await owner.insertInto('platform_admins').values({ subject: 'operator' }).execute();
    await grant(owner, 'operator', 'reader', { region: 'vest-telemark' });
    const res = await me(app, `Bearer ${sign({}, { sub: 'operator' })}`);
    t.equal(res.statusCode, 200);
    t.equal(res.json().platformAdmin, false);
    t.equal(res.json().memberships.length, 1, 'while region memberships do apply');
  });
});

t.test('when the provider’s keys cannot be fetched: 503, not 401 or 500', async (t) => {
  for (const failure of ['down', 'html'] as const) {
    const idp = await identityProvider(t);
    const { app } = await build(t, {
      auth: await testAuth({ oidc: { issuer: idp.issuer, audience: 'oppvekst-api', jwksUrl: idp.jwksUrl, algorithms: ['RS256'] } }),
    });
    if (failure === 'down') idp.goDown();
    else idp.serveHtml();
    const token = createSigner({ key: idp.privateKeyPem, algorithm: 'RS256', kid: 'idp-key-1', iss: idp.issuer, aud: 'oppvekst-api', expiresIn: 300_000 })({
      sub: 'someone',
    });
    const res = await me(app, `Bearer ${token}`);
    t.equal(res.statusCode, 503, `provider ${failure}`);
    t.equal(res.json().type, '/problems/service-unavailable');
  }
});

t.test('an address that keeps sending refused tokens is slowed down with 429', async (t) => {
  const { app } = await build(t, { rateLimit: { max: 100, anonymousMax: 3, timeWindowMs: 60_000 } });
  const statuses = [];
  for (let i = 0; i < 5; i++) {
    statuses.push((await app.inject({ method: 'GET', url: '/v1/regions', remoteAddress: '198.51.100.99', headers: { authorization: 'Bearer a.b.c' } })).statusCode);
  }
  t.same(statuses, [401, 401, 401, 429, 429]);
  const good = await app.inject({ method: 'GET', url: '/v1/me', remoteAddress: '198.51.100.98', headers: bearer(await tokenFor('kari')) });
  t.equal(good.statusCode, 200, 'other addresses are not affected');
});
