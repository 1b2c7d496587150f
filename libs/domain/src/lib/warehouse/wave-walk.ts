import { compareBins } from './bins';

/** Units of one order line to pick for a wave, and where the product is. */
export interface WaveUnit {
  orderId: string;
  orderNumber: string;
  orderLineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  bin: string | null;
  quantity: number;
  /** Units reported short for this line in the wave (shown, not picked). */
  short?: number;
}

export interface WalkAllocation {
  orderId: string;
  orderNumber: string;
  orderLineId: string;
  lineNo: number;
  quantity: number;
  short: number;
}

/** One stop: a product at a bin, the units to pick there and the order lines they go to. */
export interface WalkStop {
  productId: string;
  sku: string;
  name: string;
  bin: string | null;
  quantity: number;
  allocations: WalkAllocation[];
}

/**
 * The wave's walk: units grouped by product and bin, stops in natural bin
 * order (no bin last, then by SKU), each stop's allocations by order number
 * and line. Lines with nothing to pick (and nothing reported short) are left out.
 */
export function waveWalk(units: readonly WaveUnit[]): WalkStop[] {
  const stops = new Map<string, WalkStop>();
  for (const unit of units) {
    if (unit.quantity <= 0 && (unit.short ?? 0) <= 0) continue;
    const key = `${unit.productId}\u0000${unit.bin ?? ''}`;
    let stop = stops.get(key);
    if (!stop) {
      stop = {
        productId: unit.productId,
        sku: unit.sku,
        name: unit.name,
        bin: unit.bin,
        quantity: 0,
        allocations: [],
      };
      stops.set(key, stop);
    }
    stop.quantity += Math.max(0, unit.quantity);
    stop.allocations.push({
      orderId: unit.orderId,
      orderNumber: unit.orderNumber,
      orderLineId: unit.orderLineId,
      lineNo: unit.lineNo,
      quantity: Math.max(0, unit.quantity),
      short: unit.short ?? 0,
    });
  }
  const walk = [...stops.values()];
  for (const stop of walk) {
    stop.allocations.sort(
      (a, b) =>
        compareText(a.orderNumber, b.orderNumber) ||
        a.lineNo - b.lineNo ||
        compareText(a.orderLineId, b.orderLineId),
    );
  }
  return walk.sort(
    (a, b) => compareBins(a.bin, b.bin) || compareText(a.sku, b.sku) || compareText(a.productId, b.productId),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
