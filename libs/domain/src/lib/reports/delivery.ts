import { businessDaysBetween, type IsoDate } from '../availability';

/**
 * How an order's delivery measures up (domain.md): on-time against the
 * date FIRST promised at placement, so a later re-promise never hides
 * lateness; the current promise can be measured the same way alongside.
 */

/**
 * Promise accuracy of one shipment: actual ship date − promised ship date in
 * business days (negative: early, 0: on the day, positive: late).
 */
export function shipDateError(actual: IsoDate, promised: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  if (actual === promised) return 0;
  return actual > promised
    ? businessDaysBetween(promised, actual, holidays)
    : -businessDaysBetween(actual, promised, holidays);
}

/** One part of a line's promise: this many units, to ship on this date. */
export interface ShipSplit {
  qty: number;
  shipDate: IsoDate;
}

/**
 * The ship date promised for the `unit`-th unit of a line (1-based): units
 * are promised in ship-date order, so a shipment that brings the line up
 * to `unit` units is measured against the split that holds that unit.
 * Beyond every split (more shipped than promised): the latest date.
 */
export function promisedShipDateOfUnit(splits: readonly ShipSplit[], unit: number): IsoDate {
  if (splits.length === 0) throw new RangeError('A line without a promise');
  const ordered = [...splits].sort((a, b) =>
    a.shipDate < b.shipDate ? -1 : a.shipDate > b.shipDate ? 1 : 0,
  );
  let through = 0;
  let latest = '';
  for (const split of ordered) {
    through += split.qty;
    latest = split.shipDate;
    if (through >= unit) return split.shipDate;
  }
  return latest;
}
