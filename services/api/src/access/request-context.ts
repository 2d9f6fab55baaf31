import type { RegionRole } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { sql, type Transaction } from 'kysely';

/**
 * Who a transaction runs for, as row-level security sees it. Set
 * transaction-locally at its start, so it never leaks to the next request on a
 * pooled connection.
 */
export type RequestContext =
  | { role: 'anonymous' }
  | { role: 'platform_admin'; subject: string }
  | {
      role: 'member';
      regionId: string;
      subject: string;
      roles: RegionRole[];
      municipalityIds: string[];
      serviceIds: string[];
      clientId?: string;
    }
  /** Finding the caller's own memberships or API client, before anything else. */
  | { role: 'principal_lookup'; subject: string; clientId?: string };

const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

/** One statement, one round trip, every setting transaction-local (`true`). */
export function applyContext(trx: Transaction<unknown>, context: RequestContext) {
  const member = context.role === 'member' ? context : undefined;
  const subject = context.role === 'anonymous' ? '' : context.subject;
  const clientId = (context.role === 'member' || context.role === 'principal_lookup' ? context.clientId : undefined) ?? '';
  return sql`select
    set_config('app.role', ${context.role}, true),
    set_config('app.region_id', ${member?.regionId ?? ''}, true),
    set_config('app.roles', ${member ? arrayLiteral(member.roles) : ''}, true),
    set_config('app.municipality_ids', ${member ? arrayLiteral(member.municipalityIds) : ''}, true),
    set_config('app.service_ids', ${member ? arrayLiteral(member.serviceIds) : ''}, true),
    set_config('app.subject', ${subject}, true),
    set_config('app.client_id', ${clientId}, true)`.execute(trx);
}

/** Anything that can run work under a context: the app (`withContext`), or a test double of it over a real database. */
export interface RunsInContext {
  withContext<T>(context: RequestContext, work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
}
