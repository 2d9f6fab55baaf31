import type { Measure, MeasureEventData, PlanVersion, VersionSummary, WebhookEventType } from '@oppvekst/contracts';
import { diffPlanVersions } from '../plans/diff.js';

/**
 * The events a change of plan sends, as plain data: a type and the exact
 * body. Integrations mirror adopted plans, so measures are reported when a
 * version is adopted, diffed against the version it supersedes; editing a
 * draft sends nothing.
 */
export interface OutgoingEvent {
  type: WebhookEventType;
  body: string;
}

const envelope = (type: WebhookEventType, timestamp: string, data: unknown): OutgoingEvent => ({
  type,
  body: JSON.stringify({ type, timestamp, data }),
});

const allMeasures = (version: PlanVersion): Measure[] => [...version.goals.flatMap((g) => g.measures), ...version.measuresForRegionalGoals];

/** plan.version.adopted, then one measure event per measure the adoption created, changed or removed. */
export function adoptionEvents(adopted: PlanVersion, previous: PlanVersion | null, timestamp: string): OutgoingEvent[] {
  const before = previous ?? { ...adopted, sections: [], focusAreas: [], goals: [], measuresForRegionalGoals: [], implementations: [] };
  const { measures } = diffPlanVersions(before, adopted);
  const now = new Map(allMeasures(adopted).map((m) => [m.id, m]));
  const then = new Map(allMeasures(before).map((m) => [m.id, m]));
  const v = adopted.version;
  const measureData = (measureId: string, measure: Measure, changes: MeasureEventData['changes'] = []): MeasureEventData => ({
    region: v.region,
    planId: v.planId,
    planKind: v.planKind,
    kommunenummer: v.kommunenummer,
    versionId: v.id,
    versionNumber: v.versionNumber,
    previousVersionId: previous?.version.id ?? null,
    measureId,
    measure,
    changes,
  });
  return [
    envelope('plan.version.adopted', timestamp, {
      region: v.region,
      version: v,
      previousVersionId: previous?.version.id ?? null,
      measures: { created: measures.added.length, updated: measures.changed.length, deleted: measures.removed.length },
    }),
    ...measures.added.map((m) => envelope('measure.created', timestamp, measureData(m.id, now.get(m.id)!))),
    ...measures.changed.map((m) => envelope('measure.updated', timestamp, measureData(m.id, now.get(m.id)!, m.fields))),
    ...measures.removed.map((m) => envelope('measure.deleted', timestamp, measureData(m.id, then.get(m.id)!))),
  ];
}

export function consultationOpenedEvent(version: VersionSummary, timestamp: string): OutgoingEvent {
  return envelope('plan.consultation.opened', timestamp, { region: version.region, version });
}

export function endpointDisabledEvent(
  data: { region: string; endpointId: string; url: string; reason: string; disabledAt: string },
  timestamp: string,
): OutgoingEvent {
  return envelope('webhook.endpoint.disabled', timestamp, data);
}
