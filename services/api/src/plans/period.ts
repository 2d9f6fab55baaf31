import type { PeriodInput } from '@oppvekst/contracts';

/**
 * A measure's period as its four kinds allow it: "Pågåande" has no years,
 * "2023" and "frå 2023" one, "2023–2024" two in order.
 */
export function periodProblem(period: PeriodInput): string | null {
  const from = period.from ?? null;
  const to = period.to ?? null;
  switch (period.kind) {
    case 'ongoing':
      return from === null && to === null ? null : 'an ongoing period has no years';
    case 'year':
    case 'open_start':
      if (from === null) return `a ${period.kind} period needs "from"`;
      return to === null ? null : `a ${period.kind} period has no "to"`;
    case 'span':
      if (from === null || to === null) return 'a span needs "from" and "to"';
      return from < to ? null : '"from" must come before "to"';
  }
}

export function periodColumns(period: PeriodInput | null) {
  return { period_kind: period?.kind ?? null, period_from: period?.from ?? null, period_to: period?.to ?? null };
}
