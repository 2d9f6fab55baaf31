import type { ApiClientScope } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { sql, type Transaction } from 'kysely';
import type { ClientGrant, Grant } from './principal.js';

/**
 * Runs under the 'principal_lookup' context, in which row-level security shows
 * only the caller's own memberships, platform-admin row or API client.
 */

export async function findGrants(trx: Transaction<Database>, subject: string): Promise<Grant[]> {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('regions as r', 'r.id', 'm.region_id')
    .leftJoin('municipalities as mu', 'mu.id', 'm.municipality_id')
    .leftJoin('services as s', 's.id', 'm.service_id')
    .select([
      'm.region_id as regionId',
      'r.slug as region',
      'm.role',
      'm.municipality_id as municipalityId',
      'mu.kommunenummer as municipality',
      'm.service_id as serviceId',
      's.slug as service',
    ])
    .where('m.subject', '=', subject)
    .orderBy('r.slug')
    .orderBy('m.role')
    .orderBy('mu.kommunenummer')
    .orderBy('s.slug')
    .execute();
}

export async function isPlatformAdminSubject(trx: Transaction<Database>, subject: string): Promise<boolean> {
  const row = await trx.selectFrom('platform_admins').select('subject').where('subject', '=', subject).executeTakeFirst();
  return row !== undefined;
}

export interface StoredClient {
  id: string;
  name: string;
  regionId: string;
  region: string;
  scopes: ApiClientScope[];
  secretHash: string;
  revoked: boolean;
}

export async function findClient(trx: Transaction<Database>, clientId: string): Promise<StoredClient | undefined> {
  const row = await trx
    .selectFrom('api_clients as c')
    .innerJoin('regions as r', 'r.id', 'c.region_id')
    .select(['c.id', 'c.name', 'c.region_id as regionId', 'r.slug as region', 'c.scopes', 'c.secret_hash as secretHash', 'c.revoked_at'])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { revoked_at, ...client } = row;
  return { ...client, revoked: revoked_at !== null };
}

/** Through a database function that can set last_used_at and nothing else. */
export async function recordClientUse(trx: Transaction<Database>, clientId: string): Promise<void> {
  await sql`select record_api_client_use(${clientId}::uuid)`.execute(trx);
}

export function toClientGrant(client: StoredClient, scopes: ApiClientScope[]): ClientGrant {
  return { id: client.id, name: client.name, regionId: client.regionId, region: client.region, scopes };
}
