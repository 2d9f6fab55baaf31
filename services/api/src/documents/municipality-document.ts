import type { MergedGoal, MergedMeasure, MunicipalityPlan } from '@oppvekst/contracts';
import { formatParties, formatPeriod, formatPlanPeriod } from './format.js';
import { goalsByFocusArea, measureTable, sectionBlocks } from './goal-blocks.js';
import type { DocumentLabels } from './labels.js';
import {
  type Block,
  type ConsultationRecord,
  consultationBlocks,
  labelsFor,
  markFor,
  planPeriodFact,
  type PlanDocument,
  versionFacts,
} from './plan-document.js';

export interface MunicipalityDocumentInput {
  plan: MunicipalityPlan;
  /** The consultation record of each adopted part; null for a part that is not adopted. */
  records: { regional: ConsultationRecord | null; annex: ConsultationRecord | null };
}

/**
 * A municipality's complete plan as its council reads it: the shared regional
 * part first, exactly as the region wrote it, then the municipality's local
 * part (its sections, goals, local measures and how it carries out the shared
 * measures), then the consultation record. Labels follow the municipality's
 * language form.
 */
export function municipalityPlanDocument({ plan, records }: MunicipalityDocumentInput): PlanDocument {
  const labels = labelsFor(plan.municipality.languageForm);
  const name = plan.municipality.name;
  const regionalGoals = plan.goals.filter((g) => g.origin === 'regional');
  const localGoals = plan.goals.filter((g) => g.origin === 'local');
  const statuses = [plan.regionalVersion.status, ...(plan.annexVersion ? [plan.annexVersion.status] : [])];

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: labels.regionalPart },
    ...sectionBlocks(plan.sections.filter((s) => s.origin === 'regional')),
    ...goalsByFocusArea(
      regionalGoals.map((g) => ({ ...g, measures: g.measures.filter((m) => m.origin === 'regional') })),
      plan.focusAreas,
      labels,
      labels.goals,
    ),
    { kind: 'heading', level: 1, text: `${labels.localPart}: ${name}` },
    ...(plan.annexVersion ? localPartBlocks(plan, regionalGoals, localGoals, labels) : [{ kind: 'paragraph' as const, text: labels.noAnnex(name) }]),
  ];
  for (const [record, part] of [
    [records.regional, labels.regionalPlan],
    [records.annex, labels.localPartShort],
  ] as const) {
    if (record) blocks.push(...consultationBlocks(record, `${labels.consultationRecord}: ${part}`, labels));
  }

  return {
    languageForm: plan.municipality.languageForm,
    title: plan.regionalVersion.title,
    subtitle: plan.annexVersion?.title ?? labels.localPartOf(name),
    mark: markFor(statuses, labels),
    titleFacts: [
      [labels.municipality, `${name} (${plan.municipality.kommunenummer})`],
      [labels.region, plan.region.name],
      planPeriodFact(plan.annexVersion ?? plan.regionalVersion, labels),
      ...versionFacts(plan.regionalVersion, labels, labels.regionalPlan),
      ...(plan.annexVersion ? versionFacts(plan.annexVersion, labels, labels.localPartShort) : []),
    ],
    runningTitle: `${name} – ${plan.regionalVersion.title} ${formatPlanPeriod((plan.annexVersion ?? plan.regionalVersion).period, labels)}`,
    blocks,
  };
}

function localPartBlocks(plan: MunicipalityPlan, regionalGoals: MergedGoal[], localGoals: MergedGoal[], labels: DocumentLabels): Block[] {
  const blocks: Block[] = [...sectionBlocks(plan.sections.filter((s) => s.origin === 'local'))];
  blocks.push(...goalsByFocusArea(localGoals, plan.focusAreas, labels, labels.localGoals));

  const servingRegionalGoals = regionalGoals
    .map((g) => ({ ...g, measures: g.measures.filter((m) => m.origin === 'local') }))
    .filter((g) => g.measures.length);
  if (servingRegionalGoals.length) {
    blocks.push({ kind: 'heading', level: 2, text: labels.localMeasuresForRegionalGoals });
    for (const goal of servingRegionalGoals) {
      blocks.push({ kind: 'heading', level: 3, text: goal.title }, measureTable(goal.measures, labels));
    }
  }

  const implemented = regionalGoals.flatMap((g) => g.measures).filter((m): m is MergedMeasure & { implementation: NonNullable<MergedMeasure['implementation']> } => m.implementation !== null);
  if (implemented.length) {
    blocks.push({ kind: 'heading', level: 2, text: labels.localImplementation }, implementationTable(implemented, labels));
  }

  if (plan.unplacedMeasures.length) {
    blocks.push({ kind: 'heading', level: 2, text: labels.unplacedMeasures }, measureTable(plan.unplacedMeasures, labels));
  }
  return blocks;
}

function implementationTable(measures: Array<MergedMeasure & { implementation: NonNullable<MergedMeasure['implementation']> }>, labels: DocumentLabels): Block {
  return {
    kind: 'table',
    columns: [
      { title: labels.measure, weight: 4 },
      { title: labels.responsible, weight: 3 },
      { title: labels.period, weight: 1.6 },
      { title: labels.measureStatus, weight: 1.4 },
      { title: labels.remarks, weight: 5 },
    ],
    rows: measures.map(({ implementation: impl, ...m }) => [
      m.title,
      impl.responsibleService?.name ?? impl.localResponsible ?? formatParties(m.responsibilities, 'responsible', labels),
      formatPeriod(impl.period ?? m.period, labels),
      labels.measureStatuses[impl.status],
      impl.notes,
    ]),
  };
}
