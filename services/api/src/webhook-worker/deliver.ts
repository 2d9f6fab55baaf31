import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from '../webhooks/target-policy.js';
import { type AttemptResult, parseRetryAfter } from './retry.js';

export interface Request {
  url: URL;
  /** The address the target policy checked: the connection goes there and nowhere else. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

const MAX_ERROR = 300;

/**
 * One POST. The host name stays in the URL (Host header, TLS server name and
 * certificate check), but the connection's DNS lookup is answered with the
 * checked address, so a second answer from DNS (rebinding) is never used.
 * Redirects are not followed: a 3xx is a failure like any other non-2xx.
 * The timeout covers everything from connecting to the end of the response.
 */
export function post(request: Request): Promise<AttemptResult> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    const { address, family } = request.address;
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = request.url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(
      request.url,
      {
        method: 'POST',
        lookup: pinned,
        agent: false,
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const retryAfter = res.headers['retry-after'];
        // The body is not kept; read it to the end so the exchange completes, but not beyond 64 KiB.
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > 65_536) res.destroy();
        });
        res.on('close', () =>
          finish({
            status,
            ...(status === 429 || status === 503 ? { retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) } : {}),
            ...(status < 200 || status >= 300 ? { error: status >= 300 && status < 400 ? `answered ${status}; redirects are not followed` : `answered ${status}` } : {}),
          }),
        );
        res.on('error', () => undefined);
      },
    );
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${request.timeoutMs} ms` });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: `${error.code ?? 'error'}: ${error.message}`.slice(0, MAX_ERROR) }));
    req.end(request.body);
  });
}
