import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { DemoMeasure, DemoPeriod, DemoPlan, DemoRegion, DemoResponsibility } from './demo-content.types.js';
import { stableId } from './stable-id.js';

export interface SeedOutcome {
  region: string;
  /** False when the region was already there and nothing was inserted. */
  created: boolean;
  rowsInserted: number;
}

/**
 * Writes a demo region with its adopted plans. Idempotent: ids are derived
 * from names and every insert skips rows that exist, so running it again
 * changes nothing and running it on a partial seed fills in what is missing
 * (a plan's version is written whole, so a version that exists is complete).
 */
export interface SeedOptions {
  /** Leave every version a draft instead of adopting it (a customer still writing its first plan). */
  asDrafts?: boolean;
}

export async function seedRegion(db: Kysely<Database>, region: DemoRegion, options: SeedOptions = {}): Promise<SeedOutcome> {
  return db.transaction().execute(async (trx) => {
    const writer = new SeedWriter(trx, region, options);
    await writer.writeRegion();
    return { region: region.slug, created: writer.regionCreated, rowsInserted: writer.inserted };
  });
}

class SeedWriter {
  inserted = 0;
  regionCreated = false;
  private readonly regionId: string;
  private readonly municipalityIds = new Map<string, string>();
  private readonly serviceIds = new Map<string, string>();

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly region: DemoRegion,
    private readonly options: SeedOptions,
  ) {
    this.regionId = this.id('region');
  }

  private id(name: string): string {
    return stableId(`${this.region.slug}/${name}`);
  }

  private count(result: { numInsertedOrUpdatedRows?: bigint }[]): number {
    const n = result.reduce((sum, r) => sum + Number(r.numInsertedOrUpdatedRows ?? 0n), 0);
    this.inserted += n;
    return n;
  }

  async writeRegion(): Promise<void> {
    const { trx, region, regionId } = this;
    const created = this.count(
      await trx
        .insertInto('regions')
        .values({ id: regionId, slug: region.slug, name: region.name, kind: 'intermunicipal', language_form: region.languageForm })
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );
    this.regionCreated = created > 0;

    for (const m of region.municipalities) {
      const id = this.id(`municipality/${m.kommunenummer}`);
      this.municipalityIds.set(m.kommunenummer, id);
      this.count(
        await trx
          .insertInto('municipalities')
          .values({ id, region_id: regionId, kommunenummer: m.kommunenummer, name: m.name, language_form: m.languageForm })
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    }

    for (const s of region.services) {
      const id = this.id(`service/${s.slug}`);
      this.serviceIds.set(s.slug, id);
      this.count(
        await trx
          .insertInto('services')
          .values({ id, region_id: regionId, slug: s.slug, name: s.name, kind: s.kind, scope: s.scope })
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
      const served = s.serves.map((k) => ({ region_id: regionId, service_id: id, municipality_id: this.municipality(k) }));
      if (served.length) {
        this.count(await trx.insertInto('service_municipalities').values(served).onConflict((oc) => oc.doNothing()).execute());
      }
    }

    await this.writePlan('regional', null, region.regionalPlan);
    for (const [kommunenummer, annex] of Object.entries(region.annexes)) {
      await this.writePlan(`annex/${kommunenummer}`, kommunenummer, annex);
    }

    if (this.regionCreated) {
      await trx
        .insertInto('audit_log')
        .values({
          region_id: regionId,
          actor: 'system:seed',
          action: 'seed.applied',
          entity_type: 'region',
          entity_id: regionId,
          before: null,
          after: JSON.stringify({ slug: region.slug, rowsInserted: this.inserted }),
        })
        .execute();
    }
  }

  private municipality(kommunenummer: string): string {
    const id = this.municipalityIds.get(kommunenummer);
    if (!id) throw new Error(`seed: unknown municipality ${kommunenummer}`);
    return id;
  }

  private async writePlan(planKey: string, kommunenummer: string | null, plan: DemoPlan): Promise<void> {
    const { trx, regionId } = this;
    const planId = this.id(`plan/${planKey}`);
    const versionId = this.id(`plan/${planKey}/v1`);
    const identity = (kind: 'section' | 'focus_area' | 'goal' | 'measure', key: string) =>
      this.id(`plan/${planKey}/identity/${kind}/${key}`);
    const row = (kind: string, key: string) => this.id(`plan/${planKey}/v1/${kind}/${key}`);

    this.count(
      await trx
        .insertInto('plans')
        .values({
          id: planId,
          region_id: regionId,
          kind: kommunenummer ? 'annex' : 'regional',
          municipality_id: kommunenummer ? this.municipality(kommunenummer) : null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );
    // A version is written whole in this transaction, so one that exists is
    // complete; and once adopted its content could not be added to anyway.
    const versionCreated = this.count(
      await trx
        .insertInto('plan_versions')
        .values({
          id: versionId,
          region_id: regionId,
          plan_id: planId,
          version_number: 1,
          status: 'draft',
          title: plan.title,
          language_form: plan.languageForm,
          period_from: plan.periodFrom,
          period_to: plan.periodTo,
        })
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );
    if (versionCreated === 0) return;

    const identities = [
      ...plan.sections.map((s) => ({ kind: 'section' as const, key: s.key })),
      ...plan.focusAreas.map((f) => ({ kind: 'focus_area' as const, key: f.key })),
      ...plan.goals.map((g) => ({ kind: 'goal' as const, key: g.key })),
      ...plan.goals.flatMap((g) => g.measures.map((m) => ({ kind: 'measure' as const, key: m.key }))),
      ...(plan.measuresForRegionalGoals ?? []).map((m) => ({ kind: 'measure' as const, key: m.measure.key })),
    ];
    this.count(
      await trx
        .insertInto('content_identities')
        .values(identities.map((i) => ({ id: identity(i.kind, i.key), region_id: regionId, plan_id: planId, kind: i.kind })))
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );

    if (plan.sections.length) {
      this.count(
        await trx
          .insertInto('sections')
          .values(
            plan.sections.map((s, position) => ({
              id: row('section', s.key),
              region_id: regionId,
              plan_version_id: versionId,
              identity_id: identity('section', s.key),
              kind: s.kind,
              title: s.title,
              body: s.body,
              position,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    }
    if (plan.focusAreas.length) {
      this.count(
        await trx
          .insertInto('focus_areas')
          .values(
            plan.focusAreas.map((f, position) => ({
              id: row('focus_area', f.key),
              region_id: regionId,
              plan_version_id: versionId,
              identity_id: identity('focus_area', f.key),
              title: f.title,
              description: f.description,
              position,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    }

    for (const [position, goal] of plan.goals.entries()) {
      const goalId = row('goal', goal.key);
      this.count(
        await trx
          .insertInto('goals')
          .values({
            id: goalId,
            region_id: regionId,
            plan_version_id: versionId,
            identity_id: identity('goal', goal.key),
            focus_area_id: goal.focusAreaKey ? row('focus_area', goal.focusAreaKey) : null,
            title: goal.title,
            description: goal.description ?? '',
            position,
          })
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
      if (goal.desiredStates.length) {
        this.count(
          await trx
            .insertInto('desired_states')
            .values(
              goal.desiredStates.map((text, i) => ({
                id: row('desired_state', `${goal.key}/${i}`),
                region_id: regionId,
                goal_id: goalId,
                text,
                position: i,
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .execute(),
        );
      }
      for (const [i, measure] of goal.measures.entries()) {
        await this.writeMeasure(versionId, row('measure', measure.key), identity('measure', measure.key), measure, i, {
          goalId,
        });
      }
    }

    for (const [i, { regionalGoalKey, measure }] of (plan.measuresForRegionalGoals ?? []).entries()) {
      await this.writeMeasure(versionId, row('measure', measure.key), identity('measure', measure.key), measure, i, {
        regionalGoalIdentityId: this.id(`plan/regional/identity/goal/${regionalGoalKey}`),
      });
    }

    const implementations = plan.implementations ?? [];
    if (implementations.length) {
      this.count(
        await trx
          .insertInto('measure_implementations')
          .values(
            implementations.map((impl) => ({
              id: row('implementation', impl.measureKey),
              region_id: regionId,
              plan_version_id: versionId,
              measure_identity_id: this.id(`plan/regional/identity/measure/${impl.measureKey}`),
              local_responsible: impl.localResponsible,
              ...periodColumns(impl.period),
              notes: impl.notes,
              status: impl.status,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    }

    // Content goes into a draft; the adoption comes last, as in real life.
    if (this.options.asDrafts) return;
    await trx
      .updateTable('plan_versions')
      .set({
        status: 'adopted',
        consultation_opens_on: plan.consultation?.opensOn ?? null,
        consultation_closes_on: plan.consultation?.closesOn ?? null,
        decided_by: plan.adoption.body,
        decided_by_name: plan.adoption.bodyName,
        decision: plan.adoption.decision,
        decided_on: plan.adoption.decidedOn,
        case_reference: plan.adoption.caseReference,
        adopted_at: plan.adoption.decidedOn,
      })
      .where('id', '=', versionId)
      .execute();
  }

  private async writeMeasure(
    versionId: string,
    measureId: string,
    identityId: string,
    measure: DemoMeasure,
    position: number,
    belongsTo: { goalId?: string; regionalGoalIdentityId?: string },
  ): Promise<void> {
    const period = periodColumns(measure.period);
    this.count(
      await this.trx
        .insertInto('measures')
        .values({
          id: measureId,
          region_id: this.regionId,
          plan_version_id: versionId,
          identity_id: identityId,
          goal_id: belongsTo.goalId ?? null,
          regional_goal_identity_id: belongsTo.regionalGoalIdentityId ?? null,
          title: measure.title,
          description: measure.description,
          period_kind: period.period_kind ?? 'ongoing',
          period_from: period.period_from,
          period_to: period.period_to,
          prevention_level: measure.preventionLevel,
          age_groups: measure.ageGroups,
          convention_articles: measure.conventionArticles,
          laws: measure.laws,
          programme: measure.programme ?? null,
          status: measure.status,
          position,
        })
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );
    const responsibilities = [
      ...measure.responsible.map((r) => ({ role: 'responsible' as const, r })),
      ...measure.partners.map((r) => ({ role: 'partner' as const, r })),
    ];
    if (responsibilities.length) {
      this.count(
        await this.trx
          .insertInto('measure_responsibilities')
          .values(
            responsibilities.map(({ role, r }, i) => ({
              id: stableId(`${measureId}/responsibility/${i}`),
              region_id: this.regionId,
              measure_id: measureId,
              role,
              position: i,
              ...this.responsibilityColumns(r),
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    }
  }

  private responsibilityColumns(r: DemoResponsibility) {
    if ('service' in r) {
      const serviceId = this.serviceIds.get(r.service);
      if (!serviceId) throw new Error(`seed: unknown service ${r.service}`);
      const service = this.region.services.find((s) => s.slug === r.service)!;
      return { service_id: serviceId, service_kind: service.kind, name: null };
    }
    if ('name' in r) return { service_id: null, service_kind: r.kind ?? null, name: r.name };
    return { service_id: null, service_kind: r.kind, name: null };
  }
}

function periodColumns(period: DemoPeriod | undefined) {
  if (!period) return { period_kind: null, period_from: null, period_to: null };
  switch (period.kind) {
    case 'ongoing':
      return { period_kind: 'ongoing' as const, period_from: null, period_to: null };
    case 'span':
      return { period_kind: 'span' as const, period_from: period.from, period_to: period.to };
    default:
      return { period_kind: period.kind, period_from: period.from, period_to: null };
  }
}
