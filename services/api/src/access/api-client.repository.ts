import type { ApiClient, ApiClientScope } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { isoTimestamp } from '../sql/contract-json.js';

type Db = Kysely<Database>;

const clientJson = sql<ApiClient>`json_build_object(
  'id', c.id, 'region', r.slug, 'name', c.name, 'scopes', c.scopes, 'createdBy', c.created_by,
  'createdAt', ${isoTimestamp('c.created_at')}, 'lastUsedAt', ${isoTimestamp('c.last_used_at')}, 'revokedAt', ${isoTimestamp('c.revoked_at')})`;

function clientsQuery(db: Db, regionId: string) {
  return db
    .selectFrom('api_clients as c')
    .innerJoin('regions as r', 'r.id', 'c.region_id')
    .select(clientJson.as('client'))
    .where('c.region_id', '=', regionId);
}

export async function listApiClients(db: Db, regionId: string): Promise<ApiClient[]> {
  const rows = await clientsQuery(db, regionId).orderBy('c.created_at').orderBy('c.id').execute();
  return rows.map((r) => r.client);
}

export async function findApiClient(db: Db, regionId: string, clientId: string): Promise<ApiClient | undefined> {
  return (await clientsQuery(db, regionId).where('c.id', '=', clientId).executeTakeFirst())?.client;
}

export async function insertApiClient(
  db: Db,
  values: { regionId: string; name: string; scopes: ApiClientScope[]; secretHash: string; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('api_clients')
    .values({ region_id: values.regionId, name: values.name, scopes: values.scopes, secret_hash: values.secretHash, created_by: values.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks the client revoked; a second call changes nothing and keeps the first time. */
export async function revokeApiClient(db: Db, regionId: string, clientId: string): Promise<void> {
  await db
    .updateTable('api_clients')
    .set({ revoked_at: new Date() })
    .where('region_id', '=', regionId)
    .where('id', '=', clientId)
    .where('revoked_at', 'is', null)
    .execute();
}
