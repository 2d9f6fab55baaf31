import ipaddr from 'ipaddr.js';
import { ConfigError, type EnvReader } from '../config-reader.js';
import { RESOLVE_TIMEOUT_MS } from './target-policy.js';

export interface WebhookConfig {
  /** auto: the service starts a worker beside itself when it runs the embedded PostgreSQL. */
  worker: 'auto' | 'on' | 'off';
  /** The worker's own login role. Absent: DATABASE_URL (or the embedded server) with `oppvekst_webhook_worker`. */
  workerDatabaseUrl: string | undefined;
  workerDatabasePassword: string | undefined;
  /** 32-byte key that encrypts endpoints' signing secrets. Absent: kept in `${dataDir}/webhook-secret-key`. */
  secretKey: Buffer | undefined;
  /** Plain http targets (https only, unless in development). */
  allowHttp: boolean;
  /** Networks that targets may resolve to although they are private, loopback, link-local, ... */
  allowedNetworks: string[];
  /** One request's limit, connecting and answering included. */
  timeoutMs: number;
  /** Delay before each attempt: the first after the event, each next one after the attempt before. */
  retrySchedule: number[];
  /** Each delay is moved by up to this share, either way, so that retries do not arrive in waves. */
  retryJitter: number;
  /** How long a claimed attempt is a worker's; after that another worker may take the delivery. */
  leaseMs: number;
  pollIntervalMs: number;
  concurrency: number;
}

/** Standard Webhooks' example schedule cut to about a day: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE = '0,5s,5m,30m,2h,5h,10h,10h';
/** The lease's room, past the request and the DNS lookup, for loading the delivery and recording its outcome. */
const LEASE_MARGIN_MS = 5_000;
const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function readWebhookConfig(read: EnvReader, development: boolean): WebhookConfig {
  const timeoutMs = read.integer('WEBHOOK_TIMEOUT_MS', 15_000, 100, 120_000);
  const leaseMs = read.integer('WEBHOOK_LEASE_MS', timeoutMs + 30_000, 1_000, 3_600_000);
  // An attempt resolves the host, then sends, then records: a lease shorter than that runs out mid-attempt, and another worker sends again.
  const shortest = timeoutMs + RESOLVE_TIMEOUT_MS + LEASE_MARGIN_MS;
  if (leaseMs < shortest) {
    throw new ConfigError('WEBHOOK_LEASE_MS', `must be at least ${shortest}: WEBHOOK_TIMEOUT_MS (${timeoutMs}) + the DNS lookup's ${RESOLVE_TIMEOUT_MS} + ${LEASE_MARGIN_MS} for the database`);
  }
  const allowHttp = read.boolean('WEBHOOK_ALLOW_HTTP', development);
  if (allowHttp && !development) throw new ConfigError('WEBHOOK_ALLOW_HTTP', 'may be true only with OPPVEKST_ENV=development: webhooks are signed, not encrypted, and go over https');
  return {
    worker: read.oneOf('WEBHOOK_WORKER', ['auto', 'on', 'off'] as const, 'auto'),
    workerDatabaseUrl: read.postgresUrl('WEBHOOK_WORKER_DATABASE_URL'),
    workerDatabasePassword: read.optional('WEBHOOK_WORKER_DATABASE_PASSWORD'),
    secretKey: readKey(read.optional('WEBHOOK_SECRET_KEY')),
    allowHttp,
    allowedNetworks: readNetworks(read.optional('WEBHOOK_ALLOWED_NETWORKS')),
    timeoutMs,
    retrySchedule: parseSchedule(read.optional('WEBHOOK_RETRY_SCHEDULE') ?? DEFAULT_RETRY_SCHEDULE),
    retryJitter: read.integer('WEBHOOK_RETRY_JITTER_PERCENT', 20, 0, 100) / 100,
    leaseMs,
    pollIntervalMs: read.integer('WEBHOOK_POLL_INTERVAL_MS', 1_000, 10, 60_000),
    concurrency: read.integer('WEBHOOK_CONCURRENCY', 8, 1, 100),
  };
}

function readKey(raw: string | undefined): Buffer | undefined {
  if (raw === undefined) return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError('WEBHOOK_SECRET_KEY', 'must be 32 random bytes in base64 (openssl rand -base64 32)');
  return key;
}

function readNetworks(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const networks = raw.split(',').map((n) => n.trim()).filter(Boolean);
  for (const network of networks) {
    if (!ipaddr.isValidCIDR(network)) throw new ConfigError('WEBHOOK_ALLOWED_NETWORKS', `must list CIDRs such as 10.20.0.0/16 or fd00::/8, got "${network}"`);
    const [base, bits] = ipaddr.parseCIDR(network);
    if (bits === 0) throw new ConfigError('WEBHOOK_ALLOWED_NETWORKS', `"${network}" would allow every address and turn the check off; list the networks you mean`);
    // Targets are judged as IPv4 once unmapped (::ffff:10.0.0.1 is 10.0.0.1), so a mapped network would never match.
    if (base.kind() === 'ipv6' && bits >= 96 && (base as ipaddr.IPv6).isIPv4MappedAddress()) {
      const ipv4 = ipaddr.IPv4.networkAddressFromCIDR(`${(base as ipaddr.IPv6).toIPv4Address().toString()}/${bits - 96}`);
      throw new ConfigError('WEBHOOK_ALLOWED_NETWORKS', `"${network}" is IPv4-mapped and would never match: write it as ${ipv4.toString()}/${bits - 96}`);
    }
  }
  return networks;
}

/** "0,5s,5m,2h" → milliseconds. A number without a unit is milliseconds. */
export function parseSchedule(raw: string): number[] {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length < 1 || parts.length > 50) throw new ConfigError('WEBHOOK_RETRY_SCHEDULE', 'must list 1 to 50 delays');
  return parts.map((part) => {
    const match = /^(\d{1,9})(ms|s|m|h|d)?$/.exec(part);
    if (!match) throw new ConfigError('WEBHOOK_RETRY_SCHEDULE', `must list delays such as 0,5s,5m,2h separated by commas, got "${part}"`);
    const ms = Number(match[1]) * UNITS[match[2] ?? 'ms']!;
    if (ms > 7 * UNITS.d!) throw new ConfigError('WEBHOOK_RETRY_SCHEDULE', `a delay may be at most 7 days, got "${part}"`);
    return ms;
  });
}
