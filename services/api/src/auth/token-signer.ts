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
  const sign = (payload: Record<string, unknown>, ttlSeconds: number) =>
    createSigner({
      key: key.privateKeyPem,
      algorithm: 'EdDSA',
      kid: key.kid,
      iss: claims.issuer,
      aud: claims.audience,
      jti: randomUUID(),
      expiresIn: ttlSeconds * 1000,
    })(payload);
  return {
    signUserToken: (subject, ttlSeconds) => sign({ sub: subject }, ttlSeconds),
    signClientToken: (clientId, scopes, ttlSeconds) =>
      sign({ sub: `client:${clientId}`, client_id: clientId, scope: scopes.join(' ') }, ttlSeconds),
  };
}
