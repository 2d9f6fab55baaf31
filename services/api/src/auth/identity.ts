import { API_CLIENT_SCOPES, type ApiClientScope } from '@oppvekst/contracts';

/** Who a verified token says the caller is, before the database is asked what they may do. */
export type Identity =
  | { kind: 'anonymous' }
  /** `source`: whether the service signed the token or the identity provider did. */
  | { kind: 'user'; subject: string; source: 'self' | 'oidc' }
  | { kind: 'client'; subject: string; clientId: string; scopes: ApiClientScope[] };

export const ANONYMOUS_IDENTITY: Identity = { kind: 'anonymous' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lowercase uuid, as the service hands out client ids. */
export const isUuid = (value: string) => UUID.test(value);

/**
 * The identity in a verified token's claims, or a reason to refuse it.
 * Only our own tokens may speak for an API client: a subject beginning with
 * "client:" from an identity provider is refused rather than trusted.
 */
export function identityFromClaims(claims: Record<string, unknown>, source: 'self' | 'oidc'): Identity | { refused: string } {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > 255) return { refused: 'the token has no usable subject' };
  if (!subject.startsWith('client:')) return { kind: 'user', subject, source };
  const clientId = claims.client_id;
  if (source !== 'self' || typeof clientId !== 'string' || !isUuid(clientId) || subject !== `client:${clientId}`) {
    return { refused: 'subjects beginning with "client:" are reserved for API clients' };
  }
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.every((s): s is ApiClientScope => (API_CLIENT_SCOPES as readonly string[]).includes(s))) {
    return { refused: 'the token names an unknown scope' };
  }
  return { kind: 'client', subject, clientId, scopes };
}
