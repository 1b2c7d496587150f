import { addBusinessDays, type IsoDate, type PromiseSettings, type PromiseSplit } from '../availability';

/** A backordered line waiting for units of one product, oldest order first. */
export interface BackorderedLine {
  id: string;
  backordered: number;
}

export interface BackorderFill {
  id: string;
  qty: number;
}

/**
 * How arriving units that no order was promised fill backordered lines:
 * in the order given (oldest order first), each line as far as the units
 * go. Never more in all than `units`, never more per line than it waits for.
 */
export function planBackorderFill(units: number, lines: readonly BackorderedLine[]): BackorderFill[] {
  const fills: BackorderFill[] = [];
  let left = Math.max(0, Math.floor(units));
  for (const line of lines) {
    if (left === 0) break;
    const qty = Math.min(left, Math.max(0, line.backordered));
    if (qty > 0) {
      fills.push({ id: line.id, qty });
      left -= qty;
    }
  }
  return fills;
}

/**
 * A line's splits once `qty` of its supplier units arrived as stock: those
 * units ship on `shipDate` (today's first dispatch date), delivered transit
 * days later; the rest keep their dates. Splits of one source and date are
 * merged, and all are in ship-date order, as placement makes them.
 */
export function redateFilledBackorder(
  splits: readonly PromiseSplit[],
  qty: number,
  shipDate: IsoDate,
  settings: PromiseSettings,
): PromiseSplit[] {
  let left = qty;
  const moved: PromiseSplit[] = [];
  for (const split of splits) {
    const take = split.source === 'supplier' ? Math.min(split.qty, left) : 0;
    left -= take;
    if (take > 0) {
      const deliveryDate = addBusinessDays(shipDate, settings.transitDays, settings.holidays);
      moved.push({ qty: take, shipDate, deliveryDate, source: 'supplier' });
    }
    if (split.qty > take) moved.push({ ...split, qty: split.qty - take });
  }
  const merged: PromiseSplit[] = [];
  for (const split of [...moved].sort((a, b) =>
    a.shipDate < b.shipDate ? -1 : a.shipDate > b.shipDate ? 1 : 0,
  )) {
    const same = merged.find((m) => m.source === split.source && m.shipDate === split.shipDate);
    if (same) same.qty += split.qty;
    else merged.push({ ...split });
  }
  return merged;
}
