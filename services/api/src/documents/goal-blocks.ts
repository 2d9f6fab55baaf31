import type { DesiredState, FocusArea, Measure, Section } from '@oppvekst/contracts';
import { formatAges, formatAnchoring, formatParties, formatPeriod } from './format.js';
import type { DocumentLabels } from './labels.js';
import type { Block, TableCell } from './plan-document.js';

/** What the document needs of a goal: a plan version's goal and a merged goal both fit. */
export interface DocumentGoal {
  id: string;
  focusAreaId: string | null;
  title: string;
  description: string;
  desiredStates: DesiredState[];
  measures: Measure[];
}

export function sectionBlocks(sections: Section[]): Block[] {
  return sections.flatMap((s): Block[] => [
    { kind: 'heading', level: 2, text: s.title },
    { kind: 'markdown', source: s.body },
  ]);
}

/** Measures as the plans print them: one row each, with period, responsibility, level, ages and anchoring. */
export function measureTable(measures: Measure[], labels: DocumentLabels): Block {
  return {
    kind: 'table',
    columns: [
      { title: labels.measure, weight: 4.8 },
      { title: labels.period, weight: 1.8 },
      { title: labels.responsible, weight: 2.4 },
      { title: labels.partners, weight: 2.4 },
      { title: labels.level, weight: 1.4 },
      { title: labels.ages, weight: 2.6 },
      { title: labels.anchoredIn, weight: 3 },
    ],
    rows: measures.map((m): TableCell[] => [
      { title: m.title, text: measureText(m, labels) },
      formatPeriod(m.period, labels),
      formatParties(m.responsibilities, 'responsible', labels),
      formatParties(m.responsibilities, 'partner', labels),
      labels.preventionLevels[m.preventionLevel],
      formatAges(m, labels),
      formatAnchoring(m, labels),
    ]),
  };
}

function measureText(m: Measure, labels: DocumentLabels): string {
  const notes: string[] = [];
  if (m.programme && !m.title.includes(m.programme)) notes.push(`${labels.programme}: ${m.programme}.`);
  if (m.status === 'completed' || m.status === 'discontinued') notes.push(`${labels.measureStatus}: ${labels.measureStatuses[m.status].toLowerCase()}.`);
  return [m.description, ...notes].filter(Boolean).join(' ');
}

/** One goal: its description, "slik vil vi ha det" and "slik gjer vi det". */
export function goalBlocks(goal: DocumentGoal, labels: DocumentLabels): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: goal.title }];
  if (goal.description) blocks.push({ kind: 'paragraph', text: goal.description });
  if (goal.desiredStates.length) {
    blocks.push({ kind: 'heading', level: 4, text: labels.desiredStates }, { kind: 'list', items: goal.desiredStates.map((d) => d.text) });
  }
  blocks.push({ kind: 'heading', level: 4, text: labels.measures });
  blocks.push(goal.measures.length ? measureTable(goal.measures, labels) : { kind: 'paragraph', text: labels.noMeasures });
  return blocks;
}

/** Goals under their focus areas, in plan order; goals outside any focus area last. */
export function goalsByFocusArea(goals: DocumentGoal[], focusAreas: FocusArea[], labels: DocumentLabels, heading: string): Block[] {
  if (!goals.length) return [];
  const known = new Set(focusAreas.map((f) => f.id));
  const blocks: Block[] = [];
  for (const area of focusAreas) {
    const inArea = goals.filter((g) => g.focusAreaId === area.id);
    if (!inArea.length) continue;
    blocks.push({ kind: 'heading', level: 2, text: area.title });
    if (area.description) blocks.push({ kind: 'paragraph', text: area.description });
    blocks.push(...inArea.flatMap((g) => goalBlocks(g, labels)));
  }
  const rest = goals.filter((g) => !g.focusAreaId || !known.has(g.focusAreaId));
  if (rest.length) {
    blocks.push({ kind: 'heading', level: 2, text: blocks.length ? labels.otherGoals : heading });
    blocks.push(...rest.flatMap((g) => goalBlocks(g, labels)));
  }
  return blocks;
}
