/**
 * A consultation window is a pair of calendar days in Norway, both included:
 * input sent at 23:59 Oslo time on the closing day counts, whatever the
 * server's own time zone.
 */
export interface ConsultationDates {
  opensOn: string;
  closesOn: string;
}

export type ConsultationPhase = 'scheduled' | 'open' | 'closed';

const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Norway at this moment, as yyyy-mm-dd. */
export function osloToday(now: Date = new Date()): string {
  return osloDate.format(now);
}

/** ISO dates compare as strings. */
export function consultationPhase(window: ConsultationDates, today: string): ConsultationPhase {
  if (today < window.opensOn) return 'scheduled';
  if (today > window.closesOn) return 'closed';
  return 'open';
}

/** The day after `date` (yyyy-mm-dd), for messages and tests of the window's edges. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
