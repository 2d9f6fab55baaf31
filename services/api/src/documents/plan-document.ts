import type { ConsultationSubmission, LanguageForm, VersionStatus, VersionSummary } from '@oppvekst/contracts';
import { formatDate, formatPlanPeriod } from './format.js';
import { labelsFor, type DocumentLabels } from './labels.js';

/**
 * A plan as a council document, independent of the format it is printed in.
 * The Markdown, HTML and PDF renderers only lay these blocks out, so the three
 * formats cannot drift apart in what they say.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  /** Text the editors wrote in Markdown (section bodies). */
  | { kind: 'markdown'; source: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'table'; columns: TableColumn[]; rows: TableCell[][] };

export interface TableColumn {
  title: string;
  /** Relative width, for the formats that lay out pages. */
  weight: number;
}

/** A cell is plain text, or a title over a longer text (a measure and its description). */
export type TableCell = string | { title: string; text: string };

export interface PlanDocument {
  languageForm: LanguageForm;
  title: string;
  subtitle: string | null;
  /** Printed on the title page and on every page when the text is not adopted; null when it is. */
  mark: string | null;
  titleFacts: Array<[string, string]>;
  /** A short line for page headers and footers. */
  runningTitle: string;
  blocks: Block[];
}

/** The consultation record shown with a version: its input and answers, only once adopted. */
export interface ConsultationRecord {
  version: VersionSummary;
  submissions: ConsultationSubmission[];
}

/** The same document with every text passed through `f` (the PDF keeps to what its fonts can print). */
export function mapText(doc: PlanDocument, f: (text: string) => string): PlanDocument {
  const cell = (c: TableCell): TableCell => (typeof c === 'string' ? f(c) : { title: f(c.title), text: f(c.text) });
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, text: f(b.text) };
      case 'markdown':
        return { ...b, source: f(b.source) };
      case 'list':
        return { ...b, items: b.items.map(f) };
      case 'facts':
        return { ...b, rows: b.rows.map(fact) };
      case 'table':
        return { ...b, columns: b.columns.map((c) => ({ ...c, title: f(c.title) })), rows: b.rows.map((r) => r.map(cell)) };
    }
  };
  const fact = ([label, value]: [string, string]): [string, string] => [f(label), f(value)];
  return {
    ...doc,
    title: f(doc.title),
    subtitle: doc.subtitle === null ? null : f(doc.subtitle),
    mark: doc.mark === null ? null : f(doc.mark),
    titleFacts: doc.titleFacts.map(fact),
    runningTitle: f(doc.runningTitle),
    blocks: doc.blocks.map(block),
  };
}

/** The strongest mark among the parts: a draft part makes the whole document a draft. */
export function markFor(statuses: VersionStatus[], labels: DocumentLabels): string | null {
  for (const status of ['draft', 'consultation', 'superseded'] as const) {
    if (statuses.includes(status)) return labels.mark[status] ?? null;
  }
  return null;
}

/** The facts of one version for the title page: status, period, consultation and the decision. */
export function versionFacts(version: VersionSummary, labels: DocumentLabels, part?: string): Array<[string, string]> {
  const prefix = (label: string) => (part ? `${label} (${part})` : label);
  const facts: Array<[string, string]> = [[prefix(labels.status), `${labels.statuses[version.status]}, ${labels.versionNumber.toLowerCase()} ${version.versionNumber}`]];
  if (version.consultation) {
    facts.push([prefix(labels.consultationPeriod), `${formatDate(version.consultation.opensOn, labels)} – ${formatDate(version.consultation.closesOn, labels)}`]);
  }
  const adoption = version.adoption;
  if (adoption) {
    const body = adoption.decidedByName ?? labels.decidingBodies[adoption.decidedBy];
    facts.push([
      part ? labels.partDecision(part) : labels.decision,
      `${body}: ${labels.decisions[adoption.decision].toLowerCase()} ${formatDate(adoption.decidedOn, labels)} (${labels.caseReference.toLowerCase()} ${adoption.caseReference})`,
    ]);
  }
  return facts;
}

export function planPeriodFact(version: VersionSummary, labels: DocumentLabels): [string, string] {
  return [labels.planPeriod, formatPlanPeriod(version.period, labels)];
}

/** Input and answers as a table; the contact details never appear (they are not published). */
export function consultationBlocks(record: ConsultationRecord, heading: string, labels: DocumentLabels): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: heading }];
  if (record.version.consultation) {
    const { opensOn, closesOn } = record.version.consultation;
    blocks.push({ kind: 'facts', rows: [[labels.consultationPeriod, `${formatDate(opensOn, labels)} – ${formatDate(closesOn, labels)}`]] });
  }
  if (!record.version.consultation) return [...blocks, { kind: 'paragraph', text: labels.notConsulted }];
  if (!record.submissions.length) return [...blocks, { kind: 'paragraph', text: labels.noConsultationInput }];
  blocks.push({
    kind: 'table',
    columns: [
      { title: labels.author, weight: 2 },
      { title: labels.input, weight: 5 },
      { title: labels.handling, weight: 2 },
      { title: labels.answer, weight: 5 },
    ],
    rows: record.submissions.map((s) => [
      s.authorName,
      s.text,
      s.answer ? labels.handlings[s.answer.handling] : labels.unanswered,
      s.answer?.response ?? '',
    ]),
  });
  return blocks;
}

export { labelsFor };
