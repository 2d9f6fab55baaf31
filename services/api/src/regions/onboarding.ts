import type { NewRegion } from '@oppvekst/contracts';

/**
 * The rules for a new customer that a schema cannot say: a municipality that
 * is a customer on its own is a region of exactly one, and no municipality
 * is listed twice.
 */
export function checkNewRegion(input: NewRegion): { field: string; message: string } | undefined {
  if (input.kind === 'single_municipality' && input.municipalities.length !== 1) {
    return { field: 'body/municipalities', message: 'a single_municipality region has exactly one municipality' };
  }
  const seen = new Set<string>();
  for (const [i, m] of input.municipalities.entries()) {
    if (seen.has(m.kommunenummer)) return { field: `body/municipalities/${i}/kommunenummer`, message: `${m.kommunenummer} is listed twice` };
    seen.add(m.kommunenummer);
  }
  return undefined;
}
