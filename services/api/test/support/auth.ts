import { generateKeyPairSync } from 'node:crypto';
import { loadSigningKey, type SigningKey } from '../../src/auth/signing-key.js';
import { createTokenSigner } from '../../src/auth/token-signer.js';
import type { AuthenticationOptions } from '../../src/plugins/authentication.js';

export const TEST_ISSUER = 'urn:oppvekst:test';
export const TEST_AUDIENCE = 'urn:oppvekst:api';

let key: Promise<SigningKey> | undefined;

/** One signing key per test process, as the service would keep in its data folder. */
export function testSigningKey(): Promise<SigningKey> {
  key ??= loadSigningKey(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'test');
  return key;
}

export async function testAuth(overrides: Partial<AuthenticationOptions> = {}): Promise<AuthenticationOptions> {
  return { signingKey: await testSigningKey(), issuer: TEST_ISSUER, audience: TEST_AUDIENCE, clientTokenTtlSeconds: 900, ...overrides };
}

/** A token for this subject as the service itself would sign it; what the subject may do comes from memberships. */
export async function tokenFor(subject: string, ttlSeconds = 600): Promise<string> {
  return createTokenSigner(await testSigningKey(), { issuer: TEST_ISSUER, audience: TEST_AUDIENCE }).signUserToken(subject, ttlSeconds);
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
