import type { PlanVersion } from '@oppvekst/contracts';
import { formatPlanPeriod } from './format.js';
import { goalsByFocusArea, sectionBlocks } from './goal-blocks.js';
import { type ConsultationRecord, consultationBlocks, labelsFor, markFor, planPeriodFact, type PlanDocument, versionFacts } from './plan-document.js';

export interface RegionalDocumentInput {
  plan: PlanVersion;
  region: { name: string };
  /** The version's consultation record once adopted; null otherwise. */
  record: ConsultationRecord | null;
}

/** The shared regional plan on its own, as the regional council and each municipal council receive it. */
export function regionalPlanDocument({ plan, region, record }: RegionalDocumentInput): PlanDocument {
  const labels = labelsFor(plan.version.languageForm);
  const blocks = [
    ...sectionBlocks(plan.sections),
    ...goalsByFocusArea(plan.goals, plan.focusAreas, labels, labels.goals),
    ...(record ? consultationBlocks(record, labels.consultationRecord, labels) : []),
  ];
  return {
    languageForm: plan.version.languageForm,
    title: plan.version.title,
    subtitle: region.name,
    mark: markFor([plan.version.status], labels),
    titleFacts: [[labels.region, region.name], planPeriodFact(plan.version, labels), ...versionFacts(plan.version, labels)],
    runningTitle: `${plan.version.title} ${formatPlanPeriod(plan.version.period, labels)}`,
    blocks,
  };
}
