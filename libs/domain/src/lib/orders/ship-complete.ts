import type { IsoDate, PromiseDates, PromiseSplit } from '../availability';
import type { ShipmentRequestLine } from './shipment';

/** What the ship-complete rule needs of an order line, as it stands under the order's lock. */
export interface ShipCompleteLine {
  id: string;
  sku: string;
  quantity: number;
  shipped: number;
}

/** Why a shipment breaks ship complete: the units it would leave behind, per line. */
export interface ShipCompleteRefusal {
  /** Units the shipment leaves unshipped across the order. */
  unitsLeft: number;
  /** The lines it leaves short, in order line order. */
  lines: { id: string; sku: string; left: number }[];
}

/**
 * domain.md (Fulfilment): an order placed ship complete ships in one
 * shipment. A shipment that leaves any unit behind is refused (null when it
 * may go: the order ships as available, or the shipment sends all that
 * remains, which also lets the rest go after an overridden partial shipment).
 * Staff may override the refusal with a reason, recorded as an order event.
 */
export function shipCompleteRefusal(
  shipComplete: boolean,
  lines: readonly ShipCompleteLine[],
  shipment: readonly ShipmentRequestLine[],
): ShipCompleteRefusal | null {
  if (!shipComplete) return null;
  const shipping = new Map<string, number>();
  for (const line of shipment) {
    const id = line.orderLineId.toLowerCase();
    shipping.set(id, (shipping.get(id) ?? 0) + line.quantity);
  }
  const short = lines
    .map((line) => ({
      id: line.id,
      sku: line.sku,
      left: Math.max(0, line.quantity - line.shipped - (shipping.get(line.id) ?? 0)),
    }))
    .filter((line) => line.left > 0);
  if (short.length === 0) return null;
  return { unitsLeft: short.reduce((sum, line) => sum + line.left, 0), lines: short };
}

/** "SKU-1 (3 left), SKU-2 (5 left)": what a refused ship-complete shipment would leave behind. */
export function describeShipCompleteRefusal(refusal: ShipCompleteRefusal): string {
  const lines = refusal.lines.map((line) => `${line.sku} (${line.left} left)`).join(', ');
  const units = refusal.unitsLeft === 1 ? '1 unit' : `${refusal.unitsLeft} units`;
  return `This shipment would leave ${units} behind: ${lines}`;
}

/**
 * The one date a ship-complete order's lines show (domain.md rule 6: "ship
 * complete (one date: the latest split)"): everything leaves with the latest
 * split of all its lines. Null when no line has a split.
 */
export function shipCompleteDates(
  lines: readonly { splits: readonly PromiseSplit[] }[],
): PromiseDates | null {
  const splits = lines.flatMap((line) => line.splits);
  if (splits.length === 0) return null;
  return splits.reduce<PromiseDates>(
    (dates, split) => ({
      shipDate: latest(dates.shipDate, split.shipDate),
      deliveryDate: latest(dates.deliveryDate, split.deliveryDate),
    }),
    { shipDate: splits[0].shipDate, deliveryDate: splits[0].deliveryDate },
  );
}

const latest = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
