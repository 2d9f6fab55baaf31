import { API_CLIENT_SCOPES, type ApiClientScope } from '@oppvekst/contracts';
import { hashClientSecret, verifyClientSecret } from './client-secret.js';
import { findClient, recordClientUse } from './principal.repository.js';
import type { RunsInContext } from './request-context.js';

export type ClientCredentialsOutcome =
  | { granted: { clientId: string; scopes: ApiClientScope[] } }
  | { error: 'invalid_client' | 'invalid_scope'; description: string };

// Checked against when the client does not exist, so a wrong id costs as much as a wrong secret.
const decoy = hashClientSecret('decoy');

/** RFC 6749 § 4.4: the client's id and secret for the scopes asked (default: all it holds). */
export async function checkClientCredentials(
  db: RunsInContext,
  credentials: { clientId: string; clientSecret: string; scope?: string | undefined },
): Promise<ClientCredentialsOutcome> {
  const { clientId } = credentials;
  const client = await db.withContext({ role: 'principal_lookup', subject: `client:${clientId}`, clientId }, (trx) => findClient(trx, clientId));
  const secretMatches = await verifyClientSecret(credentials.clientSecret, client?.secretHash ?? (await decoy));
  if (!client || !secretMatches || client.revoked) {
    return { error: 'invalid_client', description: 'Unknown client, wrong secret, or a revoked client' };
  }
  const asked = credentials.scope?.split(' ').filter(Boolean) ?? client.scopes;
  const unknown = asked.filter((s) => !(API_CLIENT_SCOPES as readonly string[]).includes(s) || !client.scopes.includes(s as ApiClientScope));
  if (unknown.length > 0 || asked.length === 0) {
    return { error: 'invalid_scope', description: `This client may ask for ${client.scopes.join(' ')}; not for ${unknown.join(' ') || 'nothing'}` };
  }
  await db.withContext({ role: 'principal_lookup', subject: `client:${clientId}`, clientId }, (trx) => recordClientUse(trx, clientId));
  return { granted: { clientId, scopes: [...new Set(asked)] as ApiClientScope[] } };
}
