import type { ApiClientScope, RegionRole } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { bearer, tokenFor } from './auth.js';

/** Gives a subject a role, as an operator would (the owner connection, not the API under test). */
export async function grant(
  owner: Kysely<Database>,
  subject: string,
  role: RegionRole,
  where: { region: string; municipality?: string; service?: string },
): Promise<string> {
  const region = await owner.selectFrom('regions').select('id').where('slug', '=', where.region).executeTakeFirstOrThrow();
  const municipality = where.municipality
    ? await owner.selectFrom('municipalities').select('id').where('kommunenummer', '=', where.municipality).executeTakeFirstOrThrow()
    : undefined;
  const service = where.service
    ? await owner.selectFrom('services').select('id').where('region_id', '=', region.id).where('slug', '=', where.service).executeTakeFirstOrThrow()
    : undefined;
  const row = await owner
    .insertInto('memberships')
    .values({ region_id: region.id, subject, role, municipality_id: municipality?.id ?? null, service_id: service?.id ?? null, created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makePlatformAdmin(owner: Kysely<Database>, subject: string): Promise<void> {
  await owner.insertInto('platform_admins').values({ subject }).execute();
}

/** Creates an API client through the API, as the given region admin, and exchanges its secret for a token. */
export async function clientWithToken(
  app: FastifyInstance,
  adminToken: string,
  region: string,
  scopes: ApiClientScope[],
): Promise<{ id: string; secret: string; token: string }> {
  const created = await app.inject({
    method: 'POST',
    url: `/v1/regions/${region}/api-clients`,
    headers: bearer(adminToken),
    payload: { name: `Klient ${scopes.join('+')}`, scopes },
  });
  if (created.statusCode !== 201) throw new Error(`createApiClient: ${created.statusCode} ${created.body}`);
  const { client, clientSecret } = created.json() as { client: { id: string }; clientSecret: string };
  const issued = await app.inject({
    method: 'POST',
    url: '/v1/oauth/token',
    payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret },
  });
  if (issued.statusCode !== 200) throw new Error(`issueToken: ${issued.statusCode} ${issued.body}`);
  return { id: client.id, secret: clientSecret, token: (issued.json() as { access_token: string }).access_token };
}

export { tokenFor };
