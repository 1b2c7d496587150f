/**
 * A history's events newest first. Events of one moment (an override and
 * the shipment it allowed) keep their recorded order, reversed: the list is
 * reversed before a stable sort by time.
 */
export function newestFirst<T extends { at: string }>(events: readonly T[]): T[] {
  return [...events].reverse().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
