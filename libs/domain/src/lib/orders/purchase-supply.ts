import { addBusinessDays, type IsoDate, type PromiseSettings, type PromiseSplit } from '../availability';
import { planBackorderFill, type BackorderedLine, type BackorderFill } from './backorder-fill';

/**
 * How a purchase order's new inbound row is shared among the lines waiting
 * for supplier units of its product: in the order given (oldest placement
 * first), each line as far as the units go. The same rule as arriving
 * units that nobody was promised (planBackorderFill), on purpose: a unit
 * bought goes to whoever has waited longest, whether it is still on its way or here.
 */
export function planInboundAllocation(units: number, waiting: readonly BackorderedLine[]): BackorderFill[] {
  return planBackorderFill(units, waiting);
}

const byShipDate = (a: PromiseSplit, b: PromiseSplit) =>
  a.shipDate < b.shipDate ? -1 : a.shipDate > b.shipDate ? 1 : 0;

/** Splits of one source and ship date merged, in ship-date order (as placement makes them). */
function merged(splits: readonly PromiseSplit[]): PromiseSplit[] {
  const out: PromiseSplit[] = [];
  for (const split of [...splits].sort(byShipDate)) {
    const same = out.find((m) => m.source === split.source && m.shipDate === split.shipDate);
    if (same) same.qty += split.qty;
    else out.push({ ...split });
  }
  return out;
}

/**
 * A line's splits once `qty` of its supplier units are allocated to an
 * inbound receipt: they join the line's inbound split (one per line, as
 * placement makes it), which ships on `inboundShipDate` — the caller dates it
 * by every receipt the line now waits for (inboundShipDate). Latest supplier
 * units are taken first, so what stays with the supplier keeps its earliest date.
 */
export function supplierUnitsToInbound(
  splits: readonly PromiseSplit[],
  qty: number,
  inboundShipDate: IsoDate,
  settings: PromiseSettings,
): PromiseSplit[] {
  let left = qty;
  const kept: PromiseSplit[] = [];
  for (const split of [...splits].sort(byShipDate).reverse()) {
    const take = split.source === 'supplier' ? Math.min(split.qty, left) : 0;
    left -= take;
    if (split.qty > take) kept.push({ ...split, qty: split.qty - take });
  }
  const moved = qty - left;
  const inboundQty = kept.filter((s) => s.source === 'inbound').reduce((sum, s) => sum + s.qty, 0) + moved;
  const others = kept.filter((s) => s.source !== 'inbound');
  const inbound: PromiseSplit[] =
    inboundQty > 0
      ? [
          {
            qty: inboundQty,
            shipDate: inboundShipDate,
            deliveryDate: addBusinessDays(inboundShipDate, settings.transitDays, settings.holidays),
            source: 'inbound',
          },
        ]
      : [];
  return merged([...others, ...inbound]);
}

/**
 * A line's splits once `qty` of its inbound units will not come (their
 * purchase order was closed short or cancelled, and no other receipt had
 * them): they go back to the supplier, shipping on `supplierShipDate` (as
 * placement dates supplier units today). The rest of the inbound split keeps
 * its date; the caller redates it by the receipts the line still waits for.
 */
export function inboundUnitsToSupplier(
  splits: readonly PromiseSplit[],
  qty: number,
  supplierShipDate: IsoDate,
  settings: PromiseSettings,
): PromiseSplit[] {
  let left = qty;
  const out: PromiseSplit[] = [];
  for (const split of splits) {
    const take = split.source === 'inbound' ? Math.min(split.qty, left) : 0;
    left -= take;
    if (split.qty > take) out.push({ ...split, qty: split.qty - take });
  }
  const moved = qty - left;
  if (moved > 0) {
    out.push({
      qty: moved,
      shipDate: supplierShipDate,
      deliveryDate: addBusinessDays(supplierShipDate, settings.transitDays, settings.holidays),
      source: 'supplier',
    });
  }
  return merged(out);
}

/** Units of a receipt that will not come, promised to one line (oldest placement first). */
export interface WithdrawnAllocation {
  lineId: string;
  qty: number;
}

/** Another open receipt of the same product and warehouse, and its units nobody was promised. */
export interface FreeReceipt {
  id: string;
  expectedDate: IsoDate;
  unpromised: number;
}

export interface Reallocation {
  lineId: string;
  /** Units moved to other open receipts, earliest receipt first. */
  moves: { inboundId: string; qty: number }[];
  /** Units nothing else brings: back to the supplier. */
  toSupplier: number;
}

/**
 * Where the units promised from receipts that will not come go: to other
 * open receipts of the product with free units, earliest expected first
 * (ties by id), the oldest line first; what they cannot cover goes back to
 * the supplier. Every line keeps its units (moves + toSupplier = qty), and
 * no receipt takes more than it has free.
 */
export function planReallocation(
  withdrawn: readonly WithdrawnAllocation[],
  others: readonly FreeReceipt[],
): Reallocation[] {
  const free = others
    .filter((r) => r.unpromised > 0)
    .map((r) => ({ ...r }))
    .sort((a, b) =>
      a.expectedDate === b.expectedDate ? (a.id < b.id ? -1 : 1) : a.expectedDate < b.expectedDate ? -1 : 1,
    );
  return withdrawn.map((line) => {
    let left = Math.max(0, line.qty);
    const moves: { inboundId: string; qty: number }[] = [];
    for (const receipt of free) {
      if (left === 0) break;
      const qty = Math.min(left, receipt.unpromised);
      if (qty > 0) {
        moves.push({ inboundId: receipt.id, qty });
        receipt.unpromised -= qty;
        left -= qty;
      }
    }
    return { lineId: line.lineId, moves, toSupplier: left };
  });
}

/**
 * Which allocations of a receipt move with `units` received early out of
 * it (a partial receipt of a purchase line): the oldest lines' first, one
 * split if needed, never more than a line holds nor more than `units` in all.
 */
export function planReceivedAllocations(
  units: number,
  allocations: readonly WithdrawnAllocation[],
): WithdrawnAllocation[] {
  return planBackorderFill(
    units,
    allocations.map((a) => ({ id: a.lineId, backordered: a.qty })),
  ).map((fill) => ({ lineId: fill.id, qty: fill.qty }));
}
