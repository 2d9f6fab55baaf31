import { createOwnerDb, type Database, seedRegion, vestTelemark } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import t from 'tap';
import { createTestDatabase } from './support/database.js';

const TABLES = [
  'regions', 'municipalities', 'services', 'service_municipalities', 'plans', 'plan_versions', 'content_identities',
  'sections', 'focus_areas', 'goals', 'desired_states', 'measures', 'measure_responsibilities', 'measure_implementations',
  'audit_log',
] as const;

async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    result[table] = rows[0]!.n;
  }
  return result;
}

t.test('the demo seed is idempotent', async (t) => {
  // The template was seeded once already; this copy is seeded again.
  const database = await createTestDatabase(t);
  const owner = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const before = await counts(owner);
  t.ok(before.measures! > 20, 'the seed wrote measures');

  const again = await seedRegion(owner, vestTelemark);
  t.equal(again.created, false, 'the region was already there');
  t.equal(again.rowsInserted, 0, 'nothing inserted');
  t.same(await counts(owner), before, 'every table unchanged');

  t.test('a partial seed is completed, not duplicated', async (t) => {
    // Adopted content is frozen (even for the owner), so the gap is in the directory.
    const victim = await owner.selectFrom('service_municipalities').selectAll().executeTakeFirstOrThrow();
    await owner
      .deleteFrom('service_municipalities')
      .where('service_id', '=', victim.service_id)
      .where('municipality_id', '=', victim.municipality_id)
      .execute();
    const refill = await seedRegion(owner, vestTelemark);
    t.equal(refill.rowsInserted, 1);
    t.same(await counts(owner), before);
  });
});

t.test('the demo content is what the foundation promises', async (t) => {
  const regional = vestTelemark.regionalPlan;
  const measures = regional.goals.flatMap((g) => g.measures);
  t.ok(regional.goals.length >= 5);
  t.ok(measures.length >= 20);
  t.equal(regional.languageForm, 'nn');
  for (const kind of ['vision', 'main_goal', 'organisation', 'responsibility', 'cooperation'] as const) {
    t.ok(regional.sections.some((s) => s.kind === kind), `regional plan has a ${kind} section`);
  }
  for (const m of measures) {
    t.ok(m.responsible.length > 0, `${m.key} has someone responsible`);
    t.ok(m.ageGroups.length > 0 && m.laws.length > 0 && m.conventionArticles.length > 0, `${m.key} has ages, laws and articles`);
  }
  t.same(Object.keys(vestTelemark.annexes).sort(), ['4022', '4023', '4024', '4025', '4026', '4027']);
  const tokke = vestTelemark.annexes['4026']!;
  const foreldretrappa = tokke.goals.flatMap((g) => g.measures).concat((tokke.measuresForRegionalGoals ?? []).map((x) => x.measure))
    .find((m) => m.title.includes('Foreldretrappa'));
  t.ok(foreldretrappa, 'Tokke has Foreldretrappa');
  t.same(foreldretrappa?.period, { kind: 'open_start', from: 2025 });
});
