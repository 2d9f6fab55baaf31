import type { PlanReadVersion } from '@oppvekst/contracts';
import type { FastifyRequest } from 'fastify';
import { contextFor } from '../../access/policy.js';
import type { RequestContext } from '../../access/request-context.js';
import { notFound } from '../../http/problems.js';
import type { Missing } from '../../plans/complete-plan.js';
import { ANONYMOUS } from './lookups.js';

/**
 * The context a plan read runs in. The adopted plan is public and read as the
 * public reads it; a draft is read as the caller, so row-level security shows
 * drafts only to the region's members (and consultation versions to all).
 */
export async function planReadContext(request: FastifyRequest, regionId: string, which: PlanReadVersion): Promise<RequestContext> {
  return which === 'adopted' ? ANONYMOUS : contextFor(await request.principal(), regionId);
}

export function missingPlan(missing: Missing, what: { plan: string; region: string }): never {
  throw notFound(
    missing.missing === 'draft'
      ? `${what.plan} has no version under work that you may see`
      : `${what.region} has no adopted regional plan`,
  );
}
