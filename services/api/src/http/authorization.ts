import { isPlatformAdmin, mayAdministerRegion } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { forbidden, unauthorized } from './problems.js';

export type SignedIn = Exclude<Principal, { kind: 'anonymous' }>;

/** 401 without a token; the principal otherwise. */
export function requireSignedIn(principal: Principal): SignedIn {
  if (principal.kind === 'anonymous') throw unauthorized('This operation needs a bearer token', false);
  return principal;
}

export function requirePlatformAdmin(principal: Principal): SignedIn {
  const signedIn = requireSignedIn(principal);
  if (!isPlatformAdmin(signedIn)) throw forbidden('Only a platform administrator may do this');
  return signedIn;
}

export function requireRegionAdmin(principal: Principal, region: { id: string; slug: string }): SignedIn {
  const signedIn = requireSignedIn(principal);
  if (!mayAdministerRegion(signedIn, region.id)) throw forbidden(`Only an administrator of ${region.slug} may do this`);
  return signedIn;
}

/** The name the audit log records for the principal. */
export const actorOf = (principal: SignedIn) => principal.subject;
