import type {
  ImplementationPatch,
  MeasurePatch,
  NewImplementation,
  NewMeasure,
  PeriodInput,
  ResponsibilityInput,
} from '@oppvekst/contracts';
import type { Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import { badRequest } from '../http/problems.js';
import {
  focusAreaRow,
  type ImplementationColumns,
  isRegionalIdentity,
  type MeasureColumns,
  resolveMeasureGoal,
  type ResponsibilityColumns,
  servicesBySlug,
} from '../plans/draft-content.repository.js';
import { periodColumns, periodProblem } from '../plans/period.js';
import type { VersionRow } from '../plans/version-summary.js';

/**
 * Turns what an editor sent into columns, resolving the references it makes
 * (a goal's focus area, a measure's goal, services by slug) inside the
 * version and region, and refusing what the schema cannot express with a 400
 * that names the field.
 */

type Db = Kysely<Database>;

export const invalid = (field: string, message: string) => badRequest(`${field}: ${message}`, [{ field, message }]);

function checkPeriod(field: string, period: PeriodInput): void {
  const problem = periodProblem(period);
  if (problem) throw invalid(field, problem);
}

export async function focusAreaColumn(db: Db, version: VersionRow, focusAreaId: string | null): Promise<string | null> {
  if (focusAreaId === null) return null;
  const row = await focusAreaRow(db, version.id, focusAreaId);
  if (!row) throw invalid('body/focusAreaId', 'no focus area with this id in the version');
  return row;
}

export async function measureGoalColumns(db: Db, version: VersionRow, goalId: string) {
  const goal = await resolveMeasureGoal(db, { id: version.id, regionId: version.region_id, planKind: version.plan_kind }, goalId);
  if (!goal) {
    throw invalid(
      'body/goalId',
      version.plan_kind === 'annex' ? 'no goal with this id in the annex or the regional plan' : 'no goal with this id in the version',
    );
  }
  return { goal_id: goal.goalRowId, regional_goal_identity_id: goal.regionalGoalIdentityId };
}

async function responsibilityColumns(db: Db, regionId: string, list: ResponsibilityInput[]): Promise<ResponsibilityColumns[]> {
  const slugs = [...new Set(list.flatMap((r) => (r.service ? [r.service] : [])))];
  const services = await servicesBySlug(db, regionId, slugs);
  return list.map((r, i) => {
    const field = `body/responsibilities/${i}`;
    if (!r.service && !r.serviceKind && !r.name) throw invalid(field, 'name a service, a kind of service or a partner');
    const serviceId = r.service ? services.get(r.service) : null;
    if (r.service && !serviceId) throw invalid(`${field}/service`, `no service "${r.service}" in the region`);
    return { role: r.role, service_id: serviceId ?? null, service_kind: r.serviceKind ?? null, name: r.name ?? null };
  });
}

/** Columns for a new measure, or the changed ones of a patch, and the new responsibilities if any were sent. */
export async function measureColumns(
  db: Db,
  version: VersionRow,
  input: NewMeasure | MeasurePatch,
): Promise<{ columns: Partial<MeasureColumns>; responsibilities?: ResponsibilityColumns[] }> {
  const columns: Partial<MeasureColumns> = {};
  if (input.goalId !== undefined) Object.assign(columns, await measureGoalColumns(db, version, input.goalId));
  if (input.title !== undefined) columns.title = input.title;
  if (input.description !== undefined) columns.description = input.description;
  if (input.period !== undefined) {
    checkPeriod('body/period', input.period);
    Object.assign(columns, periodColumns(input.period));
  }
  if (input.preventionLevel !== undefined) columns.prevention_level = input.preventionLevel;
  if (input.ageGroups !== undefined) columns.age_groups = input.ageGroups;
  if (input.conventionArticles !== undefined) columns.convention_articles = [...input.conventionArticles].sort((a, b) => a - b);
  if (input.laws !== undefined) columns.laws = input.laws;
  if (input.programme !== undefined) columns.programme = input.programme;
  if (input.status !== undefined) columns.status = input.status;
  if (input.responsibilities === undefined) return { columns };
  return { columns, responsibilities: await responsibilityColumns(db, version.region_id, input.responsibilities) };
}

export async function implementationColumns(
  db: Db,
  version: VersionRow,
  input: NewImplementation | ImplementationPatch,
): Promise<Partial<ImplementationColumns>> {
  const columns: Partial<ImplementationColumns> = {};
  if (input.localResponsible !== undefined) columns.local_responsible = input.localResponsible;
  if (input.responsibleService !== undefined) {
    if (input.responsibleService === null) columns.responsible_service_id = null;
    else {
      const id = (await servicesBySlug(db, version.region_id, [input.responsibleService])).get(input.responsibleService);
      if (!id) throw invalid('body/responsibleService', `no service "${input.responsibleService}" in the region`);
      columns.responsible_service_id = id;
    }
  }
  if (input.period !== undefined) {
    if (input.period) checkPeriod('body/period', input.period);
    Object.assign(columns, periodColumns(input.period));
  }
  if (input.notes !== undefined) columns.notes = input.notes;
  if (input.status !== undefined) columns.status = input.status;
  return columns;
}

/** An implementation names a measure of the region's regional plan. */
export async function checkRegionalMeasure(db: Db, version: VersionRow, measureId: string): Promise<void> {
  if (!(await isRegionalIdentity(db, version.region_id, measureId, 'measure'))) {
    throw invalid('body/measureId', 'no measure with this id in the regional plan');
  }
}
