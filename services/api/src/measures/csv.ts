import type { MeasureChange, MeasureListItem, Responsibility } from '@oppvekst/contracts';

/**
 * The feed as CSV (RFC 4180): UTF-8 with a byte-order mark, a header row,
 * CRLF line ends, one measure per row. The mark is there for Excel, which
 * reads a CSV without one in the Windows code page (Norwegian Windows shows
 * æøå as mojibake); other CSV readers skip it or take it as a zero-width
 * character at the start of the first header. Lists are joined with "; ". A cell that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */

const COLUMNS: Array<[string, (m: MeasureListItem) => unknown]> = [
  ['id', (m) => m.id],
  ['title', (m) => m.title],
  ['description', (m) => m.description],
  ['goalId', (m) => m.goalId],
  ['status', (m) => m.status],
  ['preventionLevel', (m) => m.preventionLevel],
  ['periodKind', (m) => m.period.kind],
  ['periodFrom', (m) => m.period.from],
  ['periodTo', (m) => m.period.to],
  ['ageGroups', (m) => m.ageGroups],
  ['conventionArticles', (m) => m.conventionArticles],
  ['laws', (m) => m.laws],
  ['programme', (m) => m.programme],
  ['responsible', (m) => responsibilities(m.responsibilities, 'responsible')],
  ['partners', (m) => responsibilities(m.responsibilities, 'partner')],
  ['position', (m) => m.position],
  ['planKind', (m) => m.plan.kind],
  ['region', (m) => m.plan.region],
  ['kommunenummer', (m) => m.plan.kommunenummer],
  ['versionId', (m) => m.plan.versionId],
  ['versionNumber', (m) => m.plan.versionNumber],
  ['versionStatus', (m) => m.plan.status],
  ['implementationStatus', (m) => m.implementation?.status],
  ['implementationLocalResponsible', (m) => m.implementation?.localResponsible],
  ['implementationResponsibleService', (m) => m.implementation?.responsibleService?.name],
  ['implementationPeriodKind', (m) => m.implementation?.period?.kind],
  ['implementationPeriodFrom', (m) => m.implementation?.period?.from],
  ['implementationPeriodTo', (m) => m.implementation?.period?.to],
  ['implementationNotes', (m) => m.implementation?.notes],
];

function responsibilities(list: Responsibility[], role: Responsibility['role']): string[] {
  return list.filter((r) => r.role === role).map((r) => r.service?.name ?? r.name ?? r.serviceKind ?? '');
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: unknown[]) => `${cells.map(cell).join(',')}\r\n`;

/** U+FEFF, which is EF BB BF in UTF-8. */
export const BOM = '\uFEFF';

export function measuresCsv(items: MeasureListItem[]): string {
  return BOM + line(COLUMNS.map(([name]) => name)) + items.map((m) => line(COLUMNS.map(([, get]) => get(m)))).join('');
}

/** Changes: `change` and `changedAt` first; a removed measure has only its id. */
export function changesCsv(changes: MeasureChange[]): string {
  const header = line(['change', 'changedAt', ...COLUMNS.map(([name]) => name)]);
  return (
    BOM +
    header +
    changes
      .map((c) => line([c.change, c.changedAt, ...COLUMNS.map(([name, get]) => (c.measure ? get(c.measure) : name === 'id' ? c.id : null))]))
      .join('')
  );
}
