import type { Database } from '@oppvekst/db';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { contextFor, mayManageWebhooks } from '../access/policy.js';
import type { RequestContext, RunsInContext } from '../access/request-context.js';
import { requireSignedIn, type SignedIn } from '../http/authorization.js';
import { forbidden } from '../http/problems.js';
import { lookUpRegion } from '../routes/v1/lookups.js';

export interface WebhookManagement {
  region: { id: string; slug: string };
  principal: SignedIn;
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
}

/**
 * The region whose webhooks the caller manages: 401 without a token, 404 for
 * an unknown region, 403 for anyone but its administrators, platform
 * administrators and its own API clients with webhooks:manage. Such a client
 * works in the region with no role: the database lets it at the webhook
 * tables only (app_manages_webhooks), not at the region's drafts.
 */
export async function manageWebhooks(app: RunsInContext, request: FastifyRequest, slug: string): Promise<WebhookManagement> {
  const region = await lookUpRegion(app, slug);
  const principal = requireSignedIn(await request.principal());
  if (!mayManageWebhooks(principal, region.id)) {
    throw forbidden(`Only the administrators of ${region.slug} and its API clients with webhooks:manage may manage its webhooks`);
  }
  const context: RequestContext =
    principal.kind === 'client'
      ? { role: 'member', regionId: region.id, subject: principal.subject, clientId: principal.client.id, roles: [], municipalityIds: [], serviceIds: [] }
      : contextFor(principal, region.id);
  return { region, principal, run: (work) => app.withContext(context, work) };
}
