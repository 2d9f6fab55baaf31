import { type Database, type DemoRegion, seedRegion, vestTelemark } from '@oppvekst/db';
import type { Kysely } from 'kysely';

export const SECOND_REGION = 'grenland-test';

/** A second customer, as like Vest-Telemark as can be (kommunenummer 38xx), with everything still in draft. */
export function secondRegion(): DemoRegion {
  const renumber = (k: string) => `38${k.slice(2)}`;
  const copy = structuredClone(vestTelemark);
  copy.slug = SECOND_REGION;
  copy.name = 'Grenland (test)';
  copy.municipalities = copy.municipalities.map((m) => ({ ...m, kommunenummer: renumber(m.kommunenummer) }));
  copy.services = copy.services.map((s) => ({ ...s, serves: s.serves.map(renumber) }));
  copy.annexes = Object.fromEntries(Object.entries(copy.annexes).map(([k, v]) => [renumber(k), v]));
  return copy;
}

/** Seeds the second region as the owner with every version still a draft; returns its id. */
export async function seedSecondRegionInDraft(owner: Kysely<Database>): Promise<string> {
  await seedRegion(owner, secondRegion(), { asDrafts: true });
  const { id } = await owner.selectFrom('regions').select('id').where('slug', '=', SECOND_REGION).executeTakeFirstOrThrow();
  return id;
}
