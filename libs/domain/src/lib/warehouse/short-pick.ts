import type { PromiseSplit } from '../availability';

/**
 * A line's splits after a short pick: the missing units leave the earliest
 * splits (reserved units are the ones due first), and the new promise for
 * them (from the supply that remains) joins, in ship-date order.
 */
export function splitsAfterShortPick(
  splits: readonly PromiseSplit[],
  missing: number,
  repromised: readonly PromiseSplit[],
): PromiseSplit[] {
  let left = missing;
  const kept: PromiseSplit[] = [];
  for (const split of [...splits].sort(byShipDate)) {
    const taken = Math.min(left, split.qty);
    left -= taken;
    if (split.qty - taken > 0) kept.push({ ...split, qty: split.qty - taken });
  }
  return [...kept, ...repromised].sort(byShipDate);
}

function byShipDate(a: PromiseSplit, b: PromiseSplit): number {
  return a.shipDate < b.shipDate ? -1 : a.shipDate > b.shipDate ? 1 : 0;
}
