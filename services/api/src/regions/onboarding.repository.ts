import type { NewRegion } from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';

/**
 * A new customer: the region, its municipalities, an empty regional plan and
 * an empty annex per municipality, its first administrators, and an audit
 * entry. Run inside one transaction; the unique constraints on slug and
 * kommunenummer report a clash (23505) for the caller to turn into a 409.
 */
export async function createRegion(db: Kysely<Database>, input: NewRegion, actor: string, requestId?: string): Promise<string> {
  const region = await db
    .insertInto('regions')
    .values({ slug: input.slug, name: input.name, kind: input.kind, language_form: input.languageForm })
    .returning('id')
    .executeTakeFirstOrThrow();
  const municipalities = await db
    .insertInto('municipalities')
    .values(
      input.municipalities.map((m) => ({
        region_id: region.id,
        kommunenummer: m.kommunenummer,
        name: m.name,
        language_form: m.languageForm ?? input.languageForm,
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('plans')
    .values([
      { region_id: region.id, kind: 'regional' as const, municipality_id: null },
      ...municipalities.map((m) => ({ region_id: region.id, kind: 'annex' as const, municipality_id: m.id })),
    ])
    .execute();
  const admins = input.admins ?? [];
  if (admins.length > 0) {
    await db
      .insertInto('memberships')
      .values(admins.map((subject) => ({ region_id: region.id, subject, role: 'region_admin' as const, created_by: actor })))
      .execute();
  }
  await recordAudit(db, {
    regionId: region.id,
    actor,
    action: 'region.created',
    entityType: 'region',
    entityId: region.id,
    after: input,
    requestId,
  });
  return region.id;
}
