import { randomBytes } from 'node:crypto';
import { signWebhook, verifyWebhook } from '@oppvekst/client';
import t from 'tap';
import { Webhook } from 'standardwebhooks';
import { ConfigError, loadConfig } from '../src/config.js';
import { parseRetryAfter, verdict } from '../src/webhook-worker/retry.js';
import { secretBox } from '../src/webhooks/secret-box.js';
import { addressRefusal, checkTargetUrl, resolveTarget, TargetRefused } from '../src/webhooks/target-policy.js';

/** The webhook rules as plain functions: no database, no network. */

t.test('what an answer means for the delivery', async (t) => {
  const schedule = [0, 5_000, 300_000, 1_800_000];
  const at = (number: number) => ({ number, max: schedule.length });
  t.same(verdict({ status: 200 }, at(1), schedule, 0), { kind: 'succeeded' });
  t.same(verdict({ status: 299 }, at(4), schedule, 0), { kind: 'succeeded' });
  t.same(verdict({ status: 410 }, at(1), schedule, 0), { kind: 'gone' }, '410 ends it at once');
  t.same(verdict({ status: 301 }, at(1), schedule, 0), { kind: 'retry', delayMs: 5_000 }, 'a redirect is a failure');
  t.same(verdict({ error: 'ECONNRESET' }, at(2), schedule, 0), { kind: 'retry', delayMs: 300_000 }, 'the next delay after attempt 2');
  t.same(verdict({ status: 500 }, at(4), schedule, 0), { kind: 'failed' }, 'no attempt left');
  t.same(verdict({ status: 500 }, { number: 5, max: 6 }, schedule, 0), { kind: 'retry', delayMs: 1_800_000 }, 'past the schedule (a manual attempt), its last delay');
  t.same(verdict({ status: 503, retryAfterMs: 60_000 }, at(1), schedule, 0), { kind: 'retry', delayMs: 60_000 }, 'Retry-After when longer');
  t.same(verdict({ status: 429, retryAfterMs: 10 ** 12 }, at(1), schedule, 0), { kind: 'retry', delayMs: 86_400_000 }, 'but at most a day');
  t.same(verdict({ status: 500 }, at(2), schedule, 0.2, () => 0), { kind: 'retry', delayMs: 240_000 }, 'jitter: −20% at the low end');
  t.same(verdict({ status: 500 }, at(2), schedule, 0.2, () => 1), { kind: 'retry', delayMs: 360_000 }, 'jitter: +20% at the high end');
  t.equal(parseRetryAfter('120'), 120_000);
  t.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')), 60_000);
  t.equal(parseRetryAfter('soon'), undefined);
  t.equal(parseRetryAfter(undefined), undefined);
});

t.test('which addresses may be targets', async (t) => {
  const refused = ['10.1.2.3', '172.31.0.1', '192.168.0.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:192.168.1.1', '64:ff9b::a00:1', '2002:c0a8:101::1', '2001:db8::1', 'nonsense'];
  for (const address of refused) t.ok(addressRefusal(address, []), `${address}: ${addressRefusal(address, [])}`);
  for (const address of ['93.184.216.34', '8.8.8.8', '2001:4860:4860::8888', '::ffff:93.184.216.34']) t.equal(addressRefusal(address, []), undefined, `${address} is public`);
  t.equal(addressRefusal('10.20.1.1', ['10.20.0.0/16']), undefined, 'an allowed network');
  t.ok(addressRefusal('10.21.1.1', ['10.20.0.0/16']), 'but only that one');
  t.equal(addressRefusal('::ffff:127.0.0.1', ['127.0.0.0/8']), undefined, 'a mapped address matches its IPv4 network');
  t.ok(addressRefusal('::1', ['127.0.0.0/8']), 'an IPv4 network does not allow IPv6 loopback');
  t.throws(() => checkTargetUrl('http://example.org/', { allowHttp: false }), TargetRefused);
  t.equal(checkTargetUrl('http://example.org/', { allowHttp: true }).protocol, 'http:');
  t.equal(checkTargetUrl('https://0x7f.1/', { allowHttp: false }).hostname, '127.0.0.1', 'numeric forms are normalised before the address check');
  // IPv4-compatible IPv6 (::/96, deprecated): ipaddr.js calls it unicast, but it names an IPv4 address.
  for (const address of ['::7f00:1', '::a9fe:a9fe', '::a00:1', '::808:808', '::1:0']) {
    t.match(addressRefusal(address, []), /IPv4-compatible/, `${address}: ${addressRefusal(address, [])}`);
  }
  // ipaddr.js reads the dotted forms as IPv4-mapped: refused too, as the IPv4 address.
  for (const address of ['::127.0.0.1', '::169.254.169.254']) t.ok(addressRefusal(address, []), `${address}: ${addressRefusal(address, [])}`);
  t.equal(checkTargetUrl('https://[::127.0.0.1]/', { allowHttp: false }).hostname, '[::7f00:1]', 'the URL parser rewrites ::127.0.0.1');
  await t.rejects(resolveTarget(new URL('https://[::127.0.0.1]/'), { allowHttp: false, allowedNetworks: [] }), TargetRefused, 'and it is refused as a target');
  await t.rejects(
    resolveTarget(new URL('https://metadata.example/'), { allowHttp: false, allowedNetworks: [], resolve: async () => [{ address: '::a9fe:a9fe', family: 6 }] }),
    /IPv4-compatible/,
    'also as a DNS answer (AAAA ::a9fe:a9fe)',
  );
  t.equal(addressRefusal('::7f00:1', ['::7f00:0/120']), undefined, 'unless an operator allowed it');
});

t.test('sealed secrets open with their key and endpoint only', async (t) => {
  const box = secretBox(randomBytes(32));
  const sealed = box.seal('endpoint-a', 'whsec_abc');
  t.equal(box.open('endpoint-a', sealed), 'whsec_abc');
  t.not(box.seal('endpoint-a', 'whsec_abc'), sealed, 'a fresh nonce each time');
  t.throws(() => box.open('endpoint-b', sealed), 'another endpoint');
  t.throws(() => secretBox(randomBytes(32)).open('endpoint-a', sealed), /sealed with key/, 'another key, named as such');
  // Flip a bit of the decoded bytes: changing the last base64 character may only touch its padding bits.
  const [version, keyId, iv, body] = sealed.split('.');
  const tampered = Buffer.from(body!, 'base64url');
  tampered[0]! ^= 1;
  t.throws(() => box.open('endpoint-a', [version, keyId, iv, tampered.toString('base64url')].join('.')), 'a tampered ciphertext');
  // An empty secret sealed, its 16-byte tag cut to 4: a short tag must not be taken (GCM would check only those 4 bytes).
  const empty = box.seal('endpoint-a', '').split('.');
  const cut = Buffer.from(empty[3]!, 'base64url').subarray(0, 4).toString('base64url');
  t.throws(() => box.open('endpoint-a', [...empty.slice(0, 3), cut].join('.')), 'a truncated tag');
});

t.test('the signature is the Standard Webhooks one', async (t) => {
  // The specification's own example secret, checked against the reference library.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';
  const reference = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
  t.equal(signWebhook({ secret, id, timestamp, body }), reference, 'the same signature as the standardwebhooks package');
  t.same(verifyWebhook({ secret, body, now: timestamp, headers: { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1a,xyz ${reference}` } }), { id, timestamp }, 'one good v1 among others is enough');
  // Headers as a framework or a serverless platform may hand them over: a plain object, not lower-cased.
  const capitalised = { 'Webhook-Id': id, 'WEBHOOK-TIMESTAMP': String(timestamp), 'Webhook-Signature': [reference] };
  t.same(verifyWebhook({ secret, body, now: timestamp, headers: capitalised }), { id, timestamp }, 'header names in any case');
  t.same(verifyWebhook({ secret, body, now: timestamp, headers: new Headers(capitalised as unknown as Record<string, string>) }), { id, timestamp }, 'and as fetch Headers');
});

t.test('webhook settings are checked at start', async (t) => {
  const config = loadConfig({});
  t.same(config.webhooks.retrySchedule, [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000], 'the default schedule');
  t.equal(config.webhooks.allowHttp, false, 'https only in production');
  t.equal(loadConfig({ OPPVEKST_ENV: 'development' }).webhooks.allowHttp, true, 'http in development');
  t.equal(loadConfig({ WEBHOOK_TIMEOUT_MS: '1000' }).webhooks.leaseMs, 31_000, 'the lease outlasts the timeout');
  t.equal(loadConfig({ WEBHOOK_TIMEOUT_MS: '20000', WEBHOOK_LEASE_MS: '30000' }).webhooks.leaseMs, 30_000, 'by the DNS lookup and a margin at least');
  t.equal(loadConfig({ WEBHOOK_ALLOW_HTTP: 'true', OPPVEKST_ENV: 'development' }).webhooks.allowHttp, true, 'http when asked for, in development');
  t.equal(loadConfig({ WEBHOOK_ALLOW_HTTP: 'false', OPPVEKST_ENV: 'development' }).webhooks.allowHttp, false, 'and https only in development when asked for');
  const bad: [Record<string, string>, RegExp][] = [
    [{ WEBHOOK_RETRY_SCHEDULE: '0,5x' }, /WEBHOOK_RETRY_SCHEDULE/],
    [{ WEBHOOK_RETRY_SCHEDULE: '8d' }, /at most 7 days/],
    [{ WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/33' }, /WEBHOOK_ALLOWED_NETWORKS/],
    // Addresses are judged as IPv4 once unmapped, so an IPv4-mapped network would never match: say how to write it.
    [{ WEBHOOK_ALLOWED_NETWORKS: '::ffff:10.0.0.0/104' }, /WEBHOOK_ALLOWED_NETWORKS: .*write it as 10\.0\.0\.0\/8/],
    [{ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::ffff:7f00:0/120' }, /write it as 127\.0\.0\.0\/24/],
    [{ WEBHOOK_ALLOWED_NETWORKS: '0.0.0.0/0' }, /WEBHOOK_ALLOWED_NETWORKS: .*every address/],
    [{ WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/8, ::/0' }, /every address/],
    [{ WEBHOOK_SECRET_KEY: 'c2hvcnQ=' }, /WEBHOOK_SECRET_KEY/],
    [{ WEBHOOK_TIMEOUT_MS: '20000', WEBHOOK_LEASE_MS: '20000' }, /WEBHOOK_LEASE_MS: must be at least 30000/],
    // The attempt resolves the host (up to 5 s) before its request (up to the timeout): a lease of timeout + 1 s runs out mid-attempt.
    [{ WEBHOOK_TIMEOUT_MS: '20000', WEBHOOK_LEASE_MS: '21000' }, /WEBHOOK_LEASE_MS: must be at least 30000/],
    [{ WEBHOOK_TIMEOUT_MS: '20000', WEBHOOK_LEASE_MS: '29999' }, /WEBHOOK_LEASE_MS/],
    [{ WEBHOOK_ALLOW_HTTP: 'true' }, /WEBHOOK_ALLOW_HTTP: .*OPPVEKST_ENV=development/],
    [{ WEBHOOK_ALLOW_HTTP: 'true', OPPVEKST_ENV: 'production' }, /WEBHOOK_ALLOW_HTTP/],
    [{ WEBHOOK_WORKER: 'sometimes' }, /WEBHOOK_WORKER/],
    [{ OPPVEKST_ENV: 'staging' }, /OPPVEKST_ENV/],
    [{ WEBHOOK_WORKER_DATABASE_URL: 'mysql://x' }, /WEBHOOK_WORKER_DATABASE_URL/],
  ];
  for (const [env, message] of bad) {
    try {
      loadConfig(env);
      t.fail(`${JSON.stringify(env)} was taken`);
    } catch (error) {
      t.ok(error instanceof ConfigError && message.test(error.message), `${JSON.stringify(env)}: ${(error as Error).message}`);
    }
  }
});
