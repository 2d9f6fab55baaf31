import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may be sent (server-side request forgery): https (http only
 * where configured, i.e. in development), no credentials in the URL, and a
 * host whose every address is public unicast, unless it lies in a network the
 * operator allowed. Checked at registration and again before each attempt,
 * which then connects to the very address it checked (see deliver.ts), so a
 * DNS answer that changes in between cannot redirect the request.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface TargetPolicy {
  allowHttp: boolean;
  /** CIDRs that may be reached although they are not public (a test receiver on loopback, an internal integration). */
  allowedNetworks: string[];
  resolve?: Resolver;
}

/** A target refused, with a sentence for the caller (registration) or the delivery log. */
export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefused';
  }
}

export const RESOLVE_TIMEOUT_MS = 5_000;
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96') as [ipaddr.IPv6, number];

export const systemResolver: Resolver = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TargetRefused(`${hostname} did not resolve within ${RESOLVE_TIMEOUT_MS / 1000} s`)), RESOLVE_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true, verbatim: true }), timeout]);
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  } catch (error) {
    if (error instanceof TargetRefused) throw error;
    throw new TargetRefused(`${hostname} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    clearTimeout(timer);
  }
};

/** The URL's form: scheme, no credentials, no fragment. */
export function checkTargetUrl(raw: string, policy: Pick<TargetPolicy, 'allowHttp'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) {
    throw new TargetRefused(policy.allowHttp ? 'must be an http:// or https:// URL' : 'must be an https:// URL');
  }
  if (url.username || url.password) throw new TargetRefused('may not carry a user name or password');
  if (url.hash) throw new TargetRefused('may not have a #fragment');
  if (!url.hostname) throw new TargetRefused('must name a host');
  return url;
}

/** Why this address may not be a target, or undefined when it may. */
export function addressRefusal(address: string, allowedNetworks: readonly string[]): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) into the IPv4 address it is.
    ip = ipaddr.process(address);
  } catch {
    return `${address} is not an IP address`;
  }
  for (const network of allowedNetworks) {
    const [base, bits] = ipaddr.parseCIDR(network);
    if (base.kind() === ip.kind() && ip.match([base, bits] as never)) return undefined;
  }
  const range = ip.range();
  if (range !== 'unicast') return `${address} is a ${range} address`;
  // ipaddr.js has no range for these: ::7f00:1 (which a URL makes of [::127.0.0.1]) would pass as public.
  if (ip.kind() === 'ipv6' && ip.match(IPV4_COMPATIBLE)) return `${address} is an IPv4-compatible IPv6 address (::/96, deprecated)`;
  return undefined;
}

/** The host's addresses, all of them permitted, or a refusal. The first is the one to connect to. */
export async function resolveTarget(url: URL, policy: TargetPolicy): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 } as ResolvedAddress]
    : await (policy.resolve ?? systemResolver)(host);
  if (addresses.length === 0) throw new TargetRefused(`${host} has no address`);
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, policy.allowedNetworks);
    if (refusal) throw new TargetRefused(host === address ? refusal : `${host} resolves to ${refusal.replace(/^\S+ is /, `${address}, `)}`);
  }
  return addresses[0]!;
}

/** Both checks, as at registration: the target URL, or a refusal. */
export async function checkTarget(raw: string, policy: TargetPolicy): Promise<URL> {
  const url = checkTargetUrl(raw, policy);
  await resolveTarget(url, policy);
  return url;
}
