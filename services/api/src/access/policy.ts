import type { ApiClientScope, RegionRole } from '@oppvekst/contracts';
import type { RequestContext } from './request-context.js';
import type { Principal } from './principal.js';

/**
 * What a principal may do, as plain functions of the principal and the
 * target. Routes ask these; row-level security repeats the tenant and role
 * rules in the database, so a route that forgets to ask still cannot cross.
 */

export function rolesIn(principal: Principal, regionId: string): RegionRole[] {
  if (principal.kind !== 'user') return [];
  return [...new Set(principal.grants.filter((g) => g.regionId === regionId).map((g) => g.role))];
}

export function isPlatformAdmin(principal: Principal): boolean {
  return principal.kind === 'user' && principal.platformAdmin;
}

/** The region's members, API clients and regional plan. */
export function mayAdministerRegion(principal: Principal, regionId: string): boolean {
  return isPlatformAdmin(principal) || rolesIn(principal, regionId).includes('region_admin');
}

/** A region's webhooks: its administrators, and its own API clients whose token holds webhooks:manage. */
export function mayManageWebhooks(principal: Principal, regionId: string): boolean {
  if (principal.kind === 'client') return principal.client.regionId === regionId && principal.client.scopes.includes('webhooks:manage');
  return mayAdministerRegion(principal, regionId);
}

/**
 * Who may change a plan: the region's administrators every plan of the
 * region, a municipal editor the annex of their own municipality. API
 * clients only read.
 */
export function mayEditPlan(principal: Principal, plan: { regionId: string; municipalityId: string | null }): boolean {
  if (mayAdministerRegion(principal, plan.regionId)) return true;
  if (principal.kind !== 'user' || plan.municipalityId === null) return false;
  return principal.grants.some(
    (g) => g.regionId === plan.regionId && g.role === 'municipal_editor' && g.municipalityId === plan.municipalityId,
  );
}

/** People are not limited by scopes; an API client only by the scopes of its token. */
export function hasScope(principal: Principal, scope: ApiClientScope): boolean {
  return principal.kind !== 'client' || principal.client.scopes.includes(scope);
}

/**
 * The database context for work in one region (or none): the principal's
 * roles there and the municipalities and services they hold them for.
 * Outside their own region everybody is, to the database, the public;
 * platform administrators work across regions.
 */
/** The regions a principal holds anything in: where its own drafts may be. */
export function regionsOf(principal: Principal): string[] {
  if (principal.kind === 'client') return [principal.client.regionId];
  if (principal.kind === 'user') return [...new Set(principal.grants.map((g) => g.regionId))];
  return [];
}

export function contextFor(principal: Principal, regionId?: string): RequestContext {
  if (principal.kind === 'user' && principal.platformAdmin) return { role: 'platform_admin', subject: principal.subject };
  if (principal.kind === 'anonymous' || !regionId) return { role: 'anonymous' };
  if (principal.kind === 'client') {
    // Only a read scope opens the region's own data; other clients read as the public does.
    if (principal.client.regionId !== regionId || !principal.client.scopes.includes('plans:read')) return { role: 'anonymous' };
    return {
      role: 'member',
      regionId,
      subject: principal.subject,
      clientId: principal.client.id,
      roles: ['reader'],
      municipalityIds: [],
      serviceIds: [],
    };
  }
  const grants = principal.grants.filter((g) => g.regionId === regionId);
  if (grants.length === 0) return { role: 'anonymous' };
  return {
    role: 'member',
    regionId,
    subject: principal.subject,
    roles: [...new Set(grants.map((g) => g.role))],
    municipalityIds: grants.flatMap((g) => (g.municipalityId ? [g.municipalityId] : [])),
    serviceIds: grants.flatMap((g) => (g.serviceId ? [g.serviceId] : [])),
  };
}
