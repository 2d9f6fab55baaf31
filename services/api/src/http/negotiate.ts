/**
 * Proactive content negotiation (RFC 9110 § 12.5.1) over the types a route
 * can make. Media type parameters other than `q` are ignored, so
 * `application/json; charset=utf-8` still means JSON. Among ranges that match
 * a type, the most specific one gives its weight; among types of equal
 * weight, the route's own order decides. Null when nothing acceptable is left.
 */
export function negotiate<T extends string>(accept: string | undefined, available: readonly T[]): T | null {
  if (accept === undefined || accept.trim() === '') return available[0] ?? null;
  const ranges = accept
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.map((p) => /^q=([0-9.]+)$/.exec(p)).find(Boolean);
      const weight = q ? Number(q[1]) : 1;
      const [type, subtype] = range.split('/');
      return { type, subtype, weight: Number.isFinite(weight) ? Math.min(weight, 1) : 0 };
    })
    .filter((r) => r.type && r.subtype);

  let best: { type: T; weight: number } | null = null;
  for (const candidate of available) {
    const [type, subtype] = candidate.split('/');
    let match: { specificity: number; weight: number } | null = null;
    for (const r of ranges) {
      const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
      if (specificity >= 0 && (!match || specificity > match.specificity)) match = { specificity, weight: r.weight };
    }
    if (match && match.weight > 0 && (!best || match.weight > best.weight)) best = { type: candidate, weight: match.weight };
  }
  return best?.type ?? null;
}
