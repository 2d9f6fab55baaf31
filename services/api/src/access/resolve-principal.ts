import type { Identity } from '../auth/identity.js';
import { unauthorized } from '../http/problems.js';
import { ANONYMOUS_PRINCIPAL, type Principal } from './principal.js';
import { findClient, findGrants, isPlatformAdminSubject, toClientGrant } from './principal.repository.js';
import type { RunsInContext } from './request-context.js';


/**
 * What the database says the identity holds. An API client that is gone or
 * revoked is refused here, whatever its token says; its token's scopes are cut
 * down to those the client still holds.
 */
export async function resolvePrincipal(db: RunsInContext, identity: Identity): Promise<Principal> {
  if (identity.kind === 'anonymous') return ANONYMOUS_PRINCIPAL;
  if (identity.kind === 'user') {
    const { subject } = identity;
    return db.withContext({ role: 'principal_lookup', subject }, async (trx) => ({
      kind: 'user',
      subject,
      // Operators sign in with the service's own tokens: an account at a
      // municipality's identity provider never operates the platform, whatever its `sub`.
      platformAdmin: identity.source === 'self' && (await isPlatformAdminSubject(trx, subject)),
      grants: await findGrants(trx, subject),
    }));
  }
  const { subject, clientId } = identity;
  const client = await db.withContext({ role: 'principal_lookup', subject, clientId }, (trx) => findClient(trx, clientId));
  if (!client || client.revoked) throw unauthorized('This API client has been revoked');
  const scopes = identity.scopes.filter((s) => client.scopes.includes(s));
  return { kind: 'client', subject, client: toClientGrant(client, scopes) };
}
