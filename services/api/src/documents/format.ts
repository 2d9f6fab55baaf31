import type { Measure, Period, Responsibility, ResponsibilityRole, VersionSummary } from '@oppvekst/contracts';
import type { DocumentLabels } from './labels.js';

/** A period as the plans write it: "Pågåande", "2023", "2023–2024" (en dash), "frå 2023". */
export function formatPeriod(period: Period, labels: DocumentLabels): string {
  switch (period.kind) {
    case 'ongoing':
      return labels.periods.ongoing;
    case 'year':
      return String(period.from);
    case 'span':
      return `${period.from}–${period.to}`;
    case 'open_start':
      return labels.periods.from(period.from ?? 0);
  }
}

/** A plan's period, "2024–2028", or "frå 2024" when it has no end. */
export function formatPlanPeriod(period: VersionSummary['period'], labels: DocumentLabels): string {
  if (period.from && period.to) return `${period.from}–${period.to}`;
  if (period.from) return labels.periods.from(period.from);
  return '–';
}

/** "12. desember 2024": the date as a Norwegian case paper writes it. */
export function formatDate(isoDate: string, labels: DocumentLabels): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day}. ${labels.months[month - 1]} ${year}`;
}

/** The services or units in one role, by name: a registered service's own name, else the unit's, else its kind. */
export function formatParties(responsibilities: Responsibility[], role: ResponsibilityRole, labels: DocumentLabels): string {
  return responsibilities
    .filter((r) => r.role === role)
    .map((r) => r.service?.name ?? r.name ?? (r.serviceKind ? labels.serviceKinds[r.serviceKind] : ''))
    .filter(Boolean)
    .join(', ');
}

export function formatAges(measure: Pick<Measure, 'ageGroups'>, labels: DocumentLabels): string {
  return measure.ageGroups.map((group) => labels.ageGroups[group]).join(', ');
}

/** "art. 3, 12; barnevernslova, opplæringslova". */
export function formatAnchoring(measure: Pick<Measure, 'conventionArticles' | 'laws'>, labels: DocumentLabels): string {
  const parts: string[] = [];
  if (measure.conventionArticles.length) parts.push(labels.conventionArticle(measure.conventionArticles.join(', ')));
  if (measure.laws.length) parts.push(measure.laws.map((law) => labels.laws[law]).join(', '));
  return parts.join('; ');
}
