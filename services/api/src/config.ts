import path from 'node:path';

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
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

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
  };
  return config;
}

class EnvReader {
  constructor(private readonly env: Env) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    throw new ConfigError(name, `must be true or false, got "${raw}"`);
  }

  oneOf<const T extends readonly string[]>(name: string, allowed: T, fallback: T[number]): T[number] {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
    return raw as T[number];
  }

  postgresUrl(name: string): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(name, 'must be a URL such as postgres://user:password@host:5432/database');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(name, `must use the postgres:// scheme, got "${url.protocol}"`);
    }
    if (!url.hostname) throw new ConfigError(name, 'must name a host');
    return raw;
  }

  httpUrl(name: string): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    } catch {
      throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
    }
    return raw.replace(/\/$/, '');
  }
}
