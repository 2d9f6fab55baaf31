import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.js';

t.test('defaults', async (t) => {
  const config = loadConfig({}, '/srv/app');
  t.equal(config.port, 3000);
  t.equal(config.host, '0.0.0.0');
  t.equal(config.dataDir, '/srv/app/.data');
  t.equal(config.databaseUrl, undefined);
  t.equal(config.seedDemo, 'if-empty');
  t.equal(config.migrateOnStart, true);
  t.same(config.tokens, { signingKey: undefined, issuer: 'urn:oppvekst', audience: 'urn:oppvekst:api', clientTokenTtlSeconds: 900 });
  t.equal(config.oidc, undefined, 'no identity provider unless configured');
  t.equal(config.trustProxy, false);
  t.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
  t.equal(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, '10.0.0.0/8, 127.0.0.1');
});

t.test('an identity provider', async (t) => {
  const config = loadConfig({
    OIDC_ISSUER: 'https://login.example/realms/kommune',
    OIDC_AUDIENCE: 'oppvekst',
    OIDC_JWKS_URL: 'https://login.example/realms/kommune/certs',
    OIDC_ALGORITHMS: 'RS256, ES256',
  });
  t.same(config.oidc, {
    issuer: 'https://login.example/realms/kommune',
    audience: 'oppvekst',
    jwksUrl: 'https://login.example/realms/kommune/certs',
    algorithms: ['RS256', 'ES256'],
  });
  const pem = '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----';
  t.equal(loadConfig({ TOKEN_SIGNING_KEY: pem }).tokens.signingKey, pem.replaceAll('\\n', '\n'), 'a key on one line with \\n escapes');
});

t.test('values are read and checked', async (t) => {
  const config = loadConfig(
    { PORT: '8080', DATA_DIR: '/var/lib/oppvekst', DATABASE_URL: 'postgres://u:p@db:5432/oppvekst', SEED_DEMO: 'never', MIGRATE_ON_START: 'false' },
    '/srv/app',
  );
  t.equal(config.port, 8080);
  t.equal(config.dataDir, '/var/lib/oppvekst');
  t.equal(config.databaseUrl, 'postgres://u:p@db:5432/oppvekst');
  t.equal(config.seedDemo, 'never');
  t.equal(config.migrateOnStart, false);
});

t.test('a bad value is refused with the variable named', async (t) => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ PORT: 'eighty' }, 'PORT', /whole number/],
    [{ PORT: '70000' }, 'PORT', /between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL', /postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', /must be a URL/],
    [{ APP_DATABASE_URL: 'http://x' }, 'APP_DATABASE_URL', /postgres:\/\//],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of/],
    [{ SEED_DEMO: 'sometimes' }, 'SEED_DEMO', /if-empty, always, never/],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START', /true or false/],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE', /between 1 and 200/],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL', /http/],
    [{ RATE_LIMIT_MAX: '0' }, 'RATE_LIMIT_MAX', /between 1 and/],
    [{ RATE_LIMIT_WINDOW_MS: '10' }, 'RATE_LIMIT_WINDOW_MS', /between 1000 and/],
    [{ RATE_LIMIT_ANONYMOUS_MAX: '-1' }, 'RATE_LIMIT_ANONYMOUS_MAX', /whole number/],
    [{ TRUST_PROXY: 'the load balancer' }, 'TRUST_PROXY', /hop count/],
    [{ TOKEN_RATE_LIMIT_MAX: '0' }, 'TOKEN_RATE_LIMIT_MAX', /between 1 and/],
    [{ CLIENT_TOKEN_TTL_SECONDS: '5' }, 'CLIENT_TOKEN_TTL_SECONDS', /between 60 and/],
    [{ TOKEN_SIGNING_KEY: 'hunter2' }, 'TOKEN_SIGNING_KEY', /PEM private key/],
    [{ OIDC_AUDIENCE: 'oppvekst' }, 'OIDC_AUDIENCE', /needs OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'https://idp.example' }, 'OIDC_AUDIENCE', /required with OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'a', OIDC_ALGORITHMS: 'HS256' }, 'OIDC_ALGORITHMS', /RS256/],
    [{ OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'a', OIDC_JWKS_URL: 'file:///etc/passwd' }, 'OIDC_JWKS_URL', /http/],
    [{ OIDC_ISSUER: 'urn:oppvekst', OIDC_AUDIENCE: 'a' }, 'OIDC_ISSUER', /differ from TOKEN_ISSUER/],
  ];
  for (const [env, variable, message] of cases) {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    t.ok(thrown instanceof ConfigError, `${variable} is refused`);
    t.equal((thrown as ConfigError).variable, variable);
    t.match((thrown as ConfigError).message, message);
  }
});

t.test('a relative DATA_DIR is anchored where pnpm was invoked', async (t) => {
  t.equal(loadConfig({ INIT_CWD: '/home/kari/oppvekst' }).dataDir, '/home/kari/oppvekst/.data');
  t.equal(loadConfig({ INIT_CWD: '/home/kari/oppvekst', DATA_DIR: 'var' }).dataDir, '/home/kari/oppvekst/var');
});
