import type { Database } from '@oppvekst/db';
import { type Kysely, sql } from 'kysely';
import { addDays, osloToday } from '../../src/plans/consultation-window.js';

/**
 * Versions and items made as an operator would (the owner connection), so
 * that a test can put a plan in any state before calling the API.
 */

export type Where = { region: string; municipality?: string };
export type State = 'draft' | 'consultation-open' | 'consultation-closed';

export class DraftBench {
  private readonly current = new Map<string, { versionId: string; state: State }>();

  constructor(private readonly owner: Kysely<Database>) {}

  async planOf(where: Where): Promise<{ planId: string; regionId: string }> {
    const region = await this.owner.selectFrom('regions').select('id').where('slug', '=', where.region).executeTakeFirstOrThrow();
    let query = this.owner.selectFrom('plans').select(['id', 'region_id']).where('region_id', '=', region.id);
    if (where.municipality) {
      const m = await this.owner.selectFrom('municipalities').select('id').where('kommunenummer', '=', where.municipality).executeTakeFirstOrThrow();
      query = query.where('municipality_id', '=', m.id);
    } else query = query.where('kind', '=', 'regional');
    const plan = await query.executeTakeFirstOrThrow();
    return { planId: plan.id, regionId: plan.region_id };
  }

  /** Removes the version being worked on, if any: the plan is free for a revision. */
  async clearOpen(where: Where): Promise<void> {
    const { planId } = await this.planOf(where);
    await this.owner.deleteFrom('plan_versions').where('plan_id', '=', planId).where('status', 'in', ['draft', 'consultation']).execute();
    this.current.delete(JSON.stringify(where));
  }

  /** A new version in the given state, with one item of every kind. */
  async fresh(where: Where, state: State = 'draft'): Promise<string> {
    await this.clearOpen(where);
    const { planId, regionId } = await this.planOf(where);
    const adopted = await this.owner.selectFrom('plan_versions').select('id').where('plan_id', '=', planId).where('status', '=', 'adopted').executeTakeFirst();
    const { n } = await this.owner.selectFrom('plan_versions').select((eb) => eb.fn.max('version_number').as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow();
    const version = await this.owner
      .insertInto('plan_versions')
      .values({ region_id: regionId, plan_id: planId, version_number: (n ?? 0) + 1, status: 'draft', title: 'Utkast for matrisa', language_form: 'nn', based_on_version_id: adopted?.id ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.addSection(version.id);
    await this.addGoal(version.id);
    if (state !== 'draft') await this.setState(version.id, state);
    this.current.set(JSON.stringify(where), { versionId: version.id, state });
    return version.id;
  }

  /** The version made last for this plan if it is still there in that state, else a fresh one. */
  async reuse(where: Where, state: State = 'draft'): Promise<string> {
    const known = this.current.get(JSON.stringify(where));
    if (known && known.state === state) {
      const row = await this.owner.selectFrom('plan_versions').select('status').where('id', '=', known.versionId).executeTakeFirst();
      if (row?.status === (state === 'draft' ? 'draft' : 'consultation')) return known.versionId;
    }
    return this.fresh(where, state);
  }

  async setState(versionId: string, state: State): Promise<void> {
    const today = osloToday();
    const window =
      state === 'consultation-open'
        ? { consultation_opens_on: addDays(today, -1), consultation_closes_on: addDays(today, 14) }
        : { consultation_opens_on: addDays(today, -20), consultation_closes_on: addDays(today, -2) };
    await this.owner
      .updateTable('plan_versions')
      .set(state === 'draft' ? { status: 'draft' } : { status: 'consultation', ...window })
      .where('id', '=', versionId)
      .execute();
  }

  async versionTag(versionId: string): Promise<string> {
    const row = await this.owner.selectFrom('plan_versions').select('row_version').where('id', '=', versionId).executeTakeFirstOrThrow();
    return `"${versionId}.${row.row_version}"`;
  }

  private async version(versionId: string) {
    return this.owner.selectFrom('plan_versions').select(['region_id', 'plan_id']).where('id', '=', versionId).executeTakeFirstOrThrow();
  }

  private async identity(versionId: string, kind: 'section' | 'focus_area' | 'goal' | 'measure'): Promise<string> {
    const v = await this.version(versionId);
    const row = await this.owner.insertInto('content_identities').values({ region_id: v.region_id, plan_id: v.plan_id, kind }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Each returns the item's key in the API and its ETag. */
  async addSection(versionId: string) {
    const v = await this.version(versionId);
    const id = await this.identity(versionId, 'section');
    const row = await this.owner.insertInto('sections').values({ region_id: v.region_id, plan_version_id: versionId, identity_id: id, kind: 'free', title: 'Matrise', position: 0 }).returning(['id', 'row_version']).executeTakeFirstOrThrow();
    return { key: id, tag: `"${row.id}.${row.row_version}"` };
  }

  async addFocusArea(versionId: string) {
    const v = await this.version(versionId);
    const id = await this.identity(versionId, 'focus_area');
    const row = await this.owner.insertInto('focus_areas').values({ region_id: v.region_id, plan_version_id: versionId, identity_id: id, title: 'Matrise', position: 0 }).returning(['id', 'row_version']).executeTakeFirstOrThrow();
    return { key: id, tag: `"${row.id}.${row.row_version}"` };
  }

  async addGoal(versionId: string) {
    const v = await this.version(versionId);
    const id = await this.identity(versionId, 'goal');
    const row = await this.owner.insertInto('goals').values({ region_id: v.region_id, plan_version_id: versionId, identity_id: id, title: 'Matrise', position: 0 }).returning(['id', 'row_version']).executeTakeFirstOrThrow();
    return { key: id, rowId: row.id, tag: `"${row.id}.${row.row_version}"` };
  }

  async addDesiredState(versionId: string) {
    const v = await this.version(versionId);
    const goal = await this.addGoal(versionId);
    const row = await this.owner.insertInto('desired_states').values({ region_id: v.region_id, goal_id: goal.rowId, text: 'Matrise', position: 0 }).returning(['id', 'row_version']).executeTakeFirstOrThrow();
    return { key: row.id, goalKey: goal.key, tag: `"${row.id}.${row.row_version}"` };
  }

  async addMeasure(versionId: string) {
    const v = await this.version(versionId);
    const goal = await this.addGoal(versionId);
    const id = await this.identity(versionId, 'measure');
    const row = await this.owner
      .insertInto('measures')
      .values({ region_id: v.region_id, plan_version_id: versionId, identity_id: id, goal_id: goal.rowId, title: 'Matrise', period_kind: 'ongoing', prevention_level: 'universal', status: 'active', position: 0, age_groups: [], convention_articles: [], laws: [] })
      .returning(['id', 'row_version'])
      .executeTakeFirstOrThrow();
    return { key: id, goalKey: goal.key, tag: `"${row.id}.${row.row_version}"` };
  }

  /** A measure of the region's regional plan that this annex version does not implement yet (making room when all are taken). */
  async unimplementedRegionalMeasure(versionId: string): Promise<string> {
    const v = await this.version(versionId);
    const free = () => sql<{ id: string }>`
      select ci.id from content_identities ci join plans p on p.id = ci.plan_id
      where ci.kind = 'measure' and p.kind = 'regional' and p.region_id = ${v.region_id}
        and not exists (select 1 from measure_implementations i where i.plan_version_id = ${versionId} and i.measure_identity_id = ci.id)
      order by ci.id limit 1`.execute(this.owner);
    let { rows } = await free();
    if (!rows[0]) {
      await this.owner.deleteFrom('measure_implementations').where('plan_version_id', '=', versionId).execute();
      ({ rows } = await free());
    }
    return rows[0]!.id;
  }

  async addImplementation(versionId: string) {
    const v = await this.version(versionId);
    const measureId = await this.unimplementedRegionalMeasure(versionId);
    const row = await this.owner
      .insertInto('measure_implementations')
      .values({ region_id: v.region_id, plan_version_id: versionId, measure_identity_id: measureId, status: 'planned' })
      .returning(['id', 'row_version'])
      .executeTakeFirstOrThrow();
    return { key: measureId, tag: `"${row.id}.${row.row_version}"` };
  }

  /** Input from the public, taken while the version was in consultation; the version is then as before. */
  async addInput(versionId: string) {
    const v = await this.owner.selectFrom('plan_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    if (v.status === 'draft') await this.setState(versionId, 'consultation-open');
    const row = await this.owner
      .insertInto('consultation_submissions')
      .values({ region_id: v.region_id, plan_version_id: versionId, author_name: 'Matrise', text: 'Innspel' })
      .returning(['id', 'row_version'])
      .executeTakeFirstOrThrow();
    if (v.status === 'draft') await this.owner.updateTable('plan_versions').set({ status: 'draft' }).where('id', '=', versionId).execute();
    return { key: row.id, tag: `"${row.id}.${row.row_version}"` };
  }
}
