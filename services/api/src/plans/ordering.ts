/**
 * Items are kept in order by their position among their siblings: 0, 1, 2, ...
 * with no gaps. These functions say what the order becomes; the repository
 * writes only the positions that change.
 */

/** The order after putting `id` at `position` (or last); it is taken out of its old place first. */
export function placeAt(ids: readonly string[], id: string, position?: number): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = position === undefined ? rest.length : Math.min(Math.max(position, 0), rest.length);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** The (id, position) pairs whose position must be written for `order` to hold. */
export function positionChanges(order: readonly string[], current: ReadonlyMap<string, number>): { id: string; position: number }[] {
  return order.flatMap((id, position) => (current.get(id) === position ? [] : [{ id, position }]));
}
