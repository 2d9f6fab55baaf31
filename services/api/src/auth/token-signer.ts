import { randomUUID } from 'node:crypto';
import type { ApiClientScope } from '@oppvekst/contracts';
import { createSigner } from 'fast-jwt';
import type { SigningKey } from './signing-key.js';

export interface TokenSigner {
  /** A token for a person (or an operator), whose rights come from their memberships. */
  signUserToken(subject: string, ttlSeconds: number): string;
  /** A token for an API client, limited to the scopes granted. */
  signClientToken(clientId: string, scopes: readonly ApiClientScope[], ttlSeconds: number): string;
}

export function createTokenSigner(key: SigningKey, claims: { issuer: string; audience: string }): TokenSigner {
  // A signer parses the key once; one per lifetime in use (client tokens have one, the CLI another).
  const signers = new Map<number, (payload: Record<string, unknown>) => string>();
  const sign = (payload: Record<string, unknown>, ttlSeconds: number) => {
    let signer = signers.get(ttlSeconds);
    if (!signer) {
      signer = createSigner({ key: key.privateKeyPem, algorithm: 'EdDSA', kid: key.kid, iss: claims.issuer, aud: claims.audience, expiresIn: ttlSeconds * 1000 });
      signers.set(ttlSeconds, signer);
    }
    return signer({ ...payload, jti: randomUUID() });
  };
  return {
    signUserToken: (subject, ttlSeconds) => sign({ sub: subject }, ttlSeconds),
    signClientToken: (clientId, scopes, ttlSeconds) =>
      sign({ sub: `client:${clientId}`, client_id: clientId, scope: scopes.join(' ') }, ttlSeconds),
  };
}
