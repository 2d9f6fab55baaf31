import type { ItemChanges, PlanVersion, VersionDiff } from '@oppvekst/contracts';
import { isDeepStrictEqual } from 'node:util';

/**
 * What changed between two versions of a plan, item by item, matched by the
 * stable ids that content keeps across versions. Fields are compared as the
 * read model shows them; order (position) is left out, so inserting one goal
 * does not report every goal after it as changed.
 */
export function diffPlanVersions(from: PlanVersion, to: PlanVersion): VersionDiff {
  return {
    from: from.version,
    to: to.version,
    version: fieldChanges(
      { title: from.version.title, period: from.version.period },
      { title: to.version.title, period: to.version.period },
    ),
    sections: diffItems(from.sections, to.sections, (s) => s.id, (s) => s.title),
    focusAreas: diffItems(from.focusAreas, to.focusAreas, (f) => f.id, (f) => f.title),
    goals: diffItems(
      from.goals.map(comparableGoal),
      to.goals.map(comparableGoal),
      (g) => g.id,
      (g) => g.title,
    ),
    measures: diffItems(allMeasures(from), allMeasures(to), (m) => m.id, (m) => m.title),
    implementations: diffItems(from.implementations, to.implementations, (i) => i.measureId, () => null),
  };
}

const IGNORED = new Set(['id', 'position']);

/** A goal as compared: its measures are compared as measures; its desired states by their text, in order. */
function comparableGoal(goal: PlanVersion['goals'][number]) {
  const { measures: _measures, desiredStates, ...rest } = goal;
  return { ...rest, desiredStates: desiredStates.map((d) => d.text) };
}

function allMeasures(version: PlanVersion) {
  return [...version.goals.flatMap((g) => g.measures), ...version.measuresForRegionalGoals];
}

export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>) {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !IGNORED.has(f));
  return fields
    .filter((field) => !isDeepStrictEqual(before[field], after[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

function diffItems<T extends object>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  titleOf: (item: T) => string | null,
): ItemChanges {
  const old = new Map(before.map((item) => [idOf(item), item]));
  const now = new Map(after.map((item) => [idOf(item), item]));
  const label = (item: T) => ({ id: idOf(item), title: titleOf(item) });
  return {
    added: after.filter((item) => !old.has(idOf(item))).map(label),
    removed: before.filter((item) => !now.has(idOf(item))).map(label),
    changed: after.flatMap((item) => {
      const previous = old.get(idOf(item));
      if (!previous) return [];
      const fields = fieldChanges(previous as Record<string, unknown>, item as Record<string, unknown>);
      return fields.length ? [{ ...label(item), fields }] : [];
    }),
  };
}
