import type {
  Implementation,
  Measure,
  MergedGoal,
  MergedMeasure,
  MunicipalityPlan,
  PlanVersion,
} from '@oppvekst/contracts';

export interface MergeInput {
  municipality: MunicipalityPlan['municipality'];
  region: MunicipalityPlan['region'];
  regional: PlanVersion;
  /** The municipality's annex, when it has one. */
  annex: PlanVersion | null;
}

/**
 * A municipality's complete plan: the regional plan with the annex laid over
 * it, goal by goal. Each regional goal keeps its regional measures, each with
 * the municipality's implementation attached when there is one, and gains the
 * local measures that serve it; the annex's own goals follow. The regional
 * text itself is never changed by the annex.
 */
export function mergeMunicipalityPlan({ municipality, region, regional, annex }: MergeInput): MunicipalityPlan {
  const implementations = new Map<string, Implementation>(
    (annex?.implementations ?? []).map((impl) => [impl.measureId, impl]),
  );
  const localByRegionalGoal = groupBy(annex?.measuresForRegionalGoals ?? [], (m) => m.goalId);

  const regionalGoalIds = new Set(regional.goals.map((g) => g.id));
  const regionalGoals: MergedGoal[] = regional.goals.map((goal) => ({
    id: goal.id,
    origin: 'regional',
    focusAreaId: goal.focusAreaId,
    title: goal.title,
    description: goal.description,
    desiredStates: goal.desiredStates,
    measures: [
      ...goal.measures.map((m) => withOrigin(m, 'regional', implementations.get(m.id) ?? null)),
      ...(localByRegionalGoal.get(goal.id) ?? []).map((m) => withOrigin(m, 'local', null)),
    ],
  }));

  const localGoals: MergedGoal[] = (annex?.goals ?? []).map((goal) => ({
    id: goal.id,
    origin: 'local',
    focusAreaId: goal.focusAreaId,
    title: goal.title,
    description: goal.description,
    desiredStates: goal.desiredStates,
    measures: goal.measures.map((m) => withOrigin(m, 'local', null)),
  }));

  return {
    municipality,
    region,
    regionalVersion: regional.version,
    annexVersion: annex?.version ?? null,
    sections: [
      ...regional.sections.map((s) => ({ ...s, origin: 'regional' as const })),
      ...(annex?.sections ?? []).map((s) => ({ ...s, origin: 'local' as const })),
    ],
    focusAreas: [...regional.focusAreas, ...(annex?.focusAreas ?? [])],
    goals: [...regionalGoals, ...localGoals],
    unplacedMeasures: (annex?.measuresForRegionalGoals ?? [])
      .filter((m) => !regionalGoalIds.has(m.goalId))
      .map((m) => withOrigin(m, 'local', null)),
  };
}

function withOrigin(measure: Measure, origin: 'regional' | 'local', implementation: Implementation | null): MergedMeasure {
  return { ...measure, origin, implementation };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
