import path from 'node:path';
import { ConfigError, type Env, EnvReader } from './config-reader.js';
import { readWebhookConfig, type WebhookConfig } from './webhooks/webhook-config.js';

export { ConfigError } from './config-reader.js';

/**
 * All configuration comes from environment variables, read once at start by
 * `loadConfig` (never at import time) and validated with a message that names
 * the variable at fault.
 */
export interface Config {
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Owner/admin connection for migrations and seeding. Absent: the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** The app's own login role. Absent: derived from databaseUrl with the `oppvekst_app` role. */
  appDatabaseUrl: string | undefined;
  appDatabasePassword: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number;
  databasePoolSize: number;
  statementTimeoutMs: number;
  migrateOnStart: boolean;
  seedDemo: 'if-empty' | 'always' | 'never';
  /** Public base URL, used in OpenAPI `servers`. */
  publicUrl: string | undefined;
  /** Requests allowed per client in each window before 429. */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe, so rate limits
   * count callers rather than the proxy. false, true, a hop count, or addresses/CIDRs.
   */
  trustProxy: boolean | number | string;
  /** Requests allowed per address in each window for callers without a token. */
  rateLimitAnonymousMax: number;
  /** issueToken attempts per address in each window (each one costs a slow hash). */
  tokenRateLimitMax: number;
  /** Consultation input accepted per address per hour. */
  consultationInputRateLimitMax: number;
  tokens: TokenConfig;
  /** The municipalities' own identity provider, when one is trusted. */
  oidc: OidcConfig | undefined;
  /** `development` relaxes what is only safe on a developer's machine (plain http webhook targets). */
  environment: 'development' | 'production';
  webhooks: WebhookConfig;
}

export interface TokenConfig {
  /** PEM Ed25519 private key. Absent: generated once and kept in `${dataDir}/token-signing-key.pem`. */
  signingKey: string | undefined;
  issuer: string;
  audience: string;
  /** Lifetime of tokens issued to API clients. */
  clientTokenTtlSeconds: number;
}

export interface OidcConfig {
  issuer: string;
  audience: string;
  /** Absent: found through the issuer's /.well-known/openid-configuration. */
  jwksUrl: string | undefined;
  algorithms: string[];
}

/** Asymmetric algorithms only (a shared HMAC secret with an identity provider is not a trust model we offer), as JWKS keys. */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;


/**
 * `cwd` anchors a relative DATA_DIR. pnpm runs scripts inside the package
 * folder but records where the user typed the command as INIT_CWD, so
 * `pnpm start` at the top of the repository keeps its data in `./.data`.
 */
export function loadConfig(env: Env = process.env, cwd = env.INIT_CWD ?? process.cwd()): Config {
  const read = new EnvReader(env);
  const config: Config = {
    host: read.string('HOST', '0.0.0.0'),
    port: read.integer('PORT', 3000, 0, 65535),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    appDatabaseUrl: read.postgresUrl('APP_DATABASE_URL'),
    appDatabasePassword: read.optional('APP_DATABASE_PASSWORD'),
    dataDir: path.resolve(cwd, read.string('DATA_DIR', '.data')),
    embeddedPostgresPort: read.integer('EMBEDDED_POSTGRES_PORT', 0, 0, 65535),
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200),
    statementTimeoutMs: read.integer('STATEMENT_TIMEOUT_MS', 15_000, 100, 600_000),
    migrateOnStart: read.boolean('MIGRATE_ON_START', true),
    seedDemo: read.oneOf('SEED_DEMO', ['if-empty', 'always', 'never'] as const, 'if-empty'),
    publicUrl: read.httpUrl('PUBLIC_URL'),
    rateLimitMax: read.integer('RATE_LIMIT_MAX', 600, 1, 1_000_000),
    rateLimitWindowMs: read.integer('RATE_LIMIT_WINDOW_MS', 60_000, 1_000, 86_400_000),
    trustProxy: readTrustProxy(read.optional('TRUST_PROXY')),
    rateLimitAnonymousMax: read.integer('RATE_LIMIT_ANONYMOUS_MAX', 300, 1, 1_000_000),
    tokenRateLimitMax: read.integer('TOKEN_RATE_LIMIT_MAX', 30, 1, 100_000),
    consultationInputRateLimitMax: read.integer('CONSULTATION_INPUT_RATE_LIMIT_MAX', 20, 1, 100_000),
    tokens: {
      signingKey: read.optional('TOKEN_SIGNING_KEY')?.replaceAll('\\n', '\n'),
      issuer: read.string('TOKEN_ISSUER', 'urn:oppvekst'),
      audience: read.string('TOKEN_AUDIENCE', 'urn:oppvekst:api'),
      clientTokenTtlSeconds: read.integer('CLIENT_TOKEN_TTL_SECONDS', 900, 60, 86_400),
    },
    oidc: readOidc(read),
    environment: read.oneOf('OPPVEKST_ENV', ['development', 'production'] as const, 'production'),
    webhooks: readWebhookConfig(read, env.OPPVEKST_ENV?.trim() === 'development'),
  };
  if (config.tokens.signingKey !== undefined && !config.tokens.signingKey.includes('PRIVATE KEY')) {
    throw new ConfigError('TOKEN_SIGNING_KEY', 'must be a PEM private key (-----BEGIN PRIVATE KEY-----)');
  }
  if (config.oidc && config.oidc.issuer === config.tokens.issuer) {
    throw new ConfigError('OIDC_ISSUER', 'must differ from TOKEN_ISSUER, so each token has one way to be checked');
  }
  return config;
}

function readTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || ['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[0-9a-fA-F:./, ]+$/.test(raw)) {
    throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count, or addresses/CIDRs separated by commas, got "${raw}"`);
  }
  return raw;
}

function readOidc(read: EnvReader): OidcConfig | undefined {
  const issuer = read.optional('OIDC_ISSUER');
  const audience = read.optional('OIDC_AUDIENCE');
  const jwksUrl = read.httpUrl('OIDC_JWKS_URL');
  if (!issuer) {
    for (const name of ['OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'OIDC_ALGORITHMS']) {
      if (read.optional(name)) throw new ConfigError(name, 'needs OIDC_ISSUER as well');
    }
    return undefined;
  }
  if (!audience) throw new ConfigError('OIDC_AUDIENCE', 'is required with OIDC_ISSUER: tokens meant for other services must not be accepted');
  const algorithms = (read.optional('OIDC_ALGORITHMS') ?? 'RS256,ES256').split(',').map((a) => a.trim());
  for (const algorithm of algorithms) {
    if (!(OIDC_ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new ConfigError('OIDC_ALGORITHMS', `must list some of ${OIDC_ALGORITHMS.join(', ')}, got "${algorithm}"`);
    }
  }
  return { issuer, audience, jwksUrl, algorithms };
}
