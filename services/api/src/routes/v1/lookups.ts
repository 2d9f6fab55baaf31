import type { Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { contextFor } from '../../access/policy.js';
import type { RequestContext, RunsInContext } from '../../access/request-context.js';
import { requireRegionAdmin, type SignedIn } from '../../http/authorization.js';
import { notFound } from '../../http/problems.js';
import { findMunicipality, findRegion, type MunicipalityRef } from '../../regions/region.repository.js';

/** The context of the public read routes: adopted plans only, as any anonymous caller. */
export const ANONYMOUS: RequestContext = { role: 'anonymous' };

/** The named region, or a 404 problem. */
export async function requireRegion(db: Kysely<Database>, slug: string) {
  const region = await findRegion(db, slug);
  if (!region) throw notFound(`No region "${slug}"`);
  return region;
}

/** The municipality with this kommunenummer, or a 404 problem. */
export async function requireMunicipality(db: Kysely<Database>, kommunenummer: string): Promise<MunicipalityRef> {
  const municipality = await findMunicipality(db, kommunenummer);
  if (!municipality) throw notFound(`No municipality with kommunenummer ${kommunenummer}`);
  return municipality;
}


/**
 * The region a route works in, found in the public directory before the
 * route's own transaction, whose context depends on it.
 */
export function lookUpRegion(app: RunsInContext, slug: string) {
  return app.withContext(ANONYMOUS, (trx) => requireRegion(trx, slug));
}

export interface RegionAdministration {
  region: Awaited<ReturnType<typeof requireRegion>>;
  principal: SignedIn;
  /** Work in the region as its administrator: one transaction under the administrator's context. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
}

/**
 * The region a route administers, once the caller is known to administer it:
 * 401 without a token, 404 for an unknown region, 403 for anyone but its
 * administrators and platform administrators.
 */
export async function administerRegion(app: RunsInContext, request: FastifyRequest, slug: string): Promise<RegionAdministration> {
  const region = await lookUpRegion(app, slug);
  const principal = requireRegionAdmin(await request.principal(), region);
  return { region, principal, run: (work) => app.withContext(contextFor(principal, region.id), work) };
}
