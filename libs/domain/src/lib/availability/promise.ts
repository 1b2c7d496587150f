import {
  addBusinessDays,
  IsoDate,
  isBusinessDay,
  localDateTime,
  nextBusinessDay,
  parseCutoffTime,
} from './calendar';

/**
 * Lead-time promises (domain.md, "Availability and lead-time promises").
 *
 * A promise says, for a quantity ordered at an instant, how many units ship
 * when and from what: stock on hand now, inbound receipts not yet promised to
 * other orders, or the supplier. The functions are pure: the caller loads the
 * supply (inside its transaction, with locks, when it is about to reserve).
 */

export interface PromiseSettings {
  /** IANA time zone of the warehouse. */
  timeZone: string;
  /** `HH:MM` local; an order at or after it counts from the next business day. */
  cutoffTime: string;
  handlingDays: number;
  transitDays: number;
  holidays: ReadonlySet<IsoDate>;
}

export interface PromiseDays {
  /** T0: the business day the order counts from. */
  orderDate: IsoDate;
  /** D0: T0 plus handling days, the earliest possible dispatch. */
  firstDispatchDate: IsoDate;
}

export interface InboundSupply {
  id: string;
  expectedDate: IsoDate;
  /** The receipt's quantity not yet promised to an order line. */
  unpromised: number;
}

export interface ProductSupply {
  /** onHand − reserved; negative counts as 0. */
  available: number;
  inbound: readonly InboundSupply[];
  /** Supplier lead time in business days. */
  leadTimeDays: number;
}

export type PromiseSource = 'stock' | 'inbound' | 'supplier';

export interface PromiseSplit {
  qty: number;
  shipDate: IsoDate;
  deliveryDate: IsoDate;
  source: PromiseSource;
}

export interface InboundAllocation {
  inboundId: string;
  qty: number;
}

export interface LinePromise {
  /** In ship-date order; the quantities sum to the line's quantity. */
  splits: PromiseSplit[];
  /** Units to reserve from stock. */
  fromStock: number;
  /** Units to allocate from each inbound receipt. */
  allocations: InboundAllocation[];
  /** Units beyond available-to-promise: backordered from the supplier. */
  fromSupplier: number;
}

export interface PromiseDates {
  shipDate: IsoDate;
  deliveryDate: IsoDate;
}

/** T0 and D0 for an order placed at `at` (rule 1). */
export function promiseDays(at: Date, settings: PromiseSettings): PromiseDays {
  const cutoff = parseCutoffTime(settings.cutoffTime);
  if (cutoff === null) throw new RangeError(`Cut-off must be HH:MM: ${settings.cutoffTime}`);
  const local = localDateTime(at, settings.timeZone);
  const orderDate =
    isBusinessDay(local.date, settings.holidays) && local.minutes < cutoff
      ? local.date
      : nextBusinessDay(local.date, settings.holidays);
  return {
    orderDate,
    firstDispatchDate: addBusinessDays(orderDate, settings.handlingDays, settings.holidays),
  };
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** Inbound receipts with something left to promise, earliest first (ties by id, so the order is stable). */
function receiptsInPromiseOrder(inbound: readonly InboundSupply[]): InboundSupply[] {
  return inbound
    .filter((receipt) => receipt.unpromised > 0)
    .sort((a, b) =>
      a.expectedDate === b.expectedDate ? (a.id < b.id ? -1 : 1) : a.expectedDate < b.expectedDate ? -1 : 1,
    );
}

/**
 * The promise for one line (rules 2–5): stock ships on D0; the shortfall is
 * covered by inbound in expected-date order and ships, as one split, handling
 * days after the receipt that completes it; what inbound cannot cover ships
 * lead time + handling days after T0. No split ships before D0.
 */
export function promiseLine(
  quantity: number,
  supply: ProductSupply,
  settings: PromiseSettings,
  days: PromiseDays,
): LinePromise {
  if (!Number.isInteger(quantity) || quantity <= 0)
    throw new RangeError(`Quantity must be a positive integer: ${quantity}`);
  const { holidays } = settings;
  const d0 = days.firstDispatchDate;
  const split = (qty: number, shipDate: IsoDate, source: PromiseSource): PromiseSplit => ({
    qty,
    shipDate,
    deliveryDate: addBusinessDays(shipDate, settings.transitDays, holidays),
    source,
  });

  const splits: PromiseSplit[] = [];
  const fromStock = Math.min(quantity, Math.max(0, supply.available));
  if (fromStock > 0) splits.push(split(fromStock, d0, 'stock'));

  let shortfall = quantity - fromStock;
  const allocations: InboundAllocation[] = [];
  let completingReceipt: IsoDate | null = null;
  for (const receipt of receiptsInPromiseOrder(supply.inbound)) {
    if (shortfall === 0) break;
    const qty = Math.min(shortfall, receipt.unpromised);
    allocations.push({ inboundId: receipt.id, qty });
    completingReceipt = receipt.expectedDate;
    shortfall -= qty;
  }
  if (completingReceipt !== null) {
    const fromInbound = quantity - fromStock - shortfall;
    splits.push(
      split(
        fromInbound,
        later(d0, addBusinessDays(completingReceipt, settings.handlingDays, holidays)),
        'inbound',
      ),
    );
  }
  if (shortfall > 0) {
    const supplierDate = addBusinessDays(
      days.orderDate,
      supply.leadTimeDays + settings.handlingDays,
      holidays,
    );
    splits.push(split(shortfall, later(d0, supplierDate), 'supplier'));
  }
  splits.sort((a, b) => (a.shipDate < b.shipDate ? -1 : a.shipDate > b.shipDate ? 1 : 0));
  return { splits, fromStock, allocations, fromSupplier: shortfall };
}

/** Ship complete: everything in one shipment, on the latest split's dates. */
export function shipComplete(
  promises: readonly LinePromise[],
  days: PromiseDays,
  settings: PromiseSettings,
): PromiseDates {
  let dates: PromiseDates = {
    shipDate: days.firstDispatchDate,
    deliveryDate: addBusinessDays(days.firstDispatchDate, settings.transitDays, settings.holidays),
  };
  for (const promise of promises) {
    for (const split of promise.splits) {
      if (split.shipDate > dates.shipDate)
        dates = { shipDate: split.shipDate, deliveryDate: split.deliveryDate };
    }
  }
  return dates;
}

/** The supply left once `promise` is reserved from it. */
export function consumeSupply(supply: ProductSupply, promise: LinePromise): ProductSupply {
  const allocated = new Map<string, number>();
  for (const allocation of promise.allocations) {
    allocated.set(allocation.inboundId, (allocated.get(allocation.inboundId) ?? 0) + allocation.qty);
  }
  return {
    ...supply,
    available: Math.max(0, supply.available) - promise.fromStock,
    inbound: supply.inbound.map((receipt) => ({
      ...receipt,
      unpromised: receipt.unpromised - (allocated.get(receipt.id) ?? 0),
    })),
  };
}

export interface PromiseLineInput<K> {
  key: K;
  quantity: number;
}

export interface OrderPromise {
  days: PromiseDays;
  lines: LinePromise[];
  shipComplete: PromiseDates;
}

/**
 * Promises for several lines placed together. Lines of the same product
 * (same key) draw on what the earlier lines left, so no unit is promised twice
 * within one order either.
 */
export function promiseLines<K>(
  lines: readonly PromiseLineInput<K>[],
  supplyOf: (key: K) => ProductSupply,
  settings: PromiseSettings,
  at: Date,
): OrderPromise {
  const days = promiseDays(at, settings);
  const remaining = new Map<K, ProductSupply>();
  const promises = lines.map((line) => {
    const supply = remaining.get(line.key) ?? supplyOf(line.key);
    const promise = promiseLine(line.quantity, supply, settings, days);
    remaining.set(line.key, consumeSupply(supply, promise));
    return promise;
  });
  return { days, lines: promises, shipComplete: shipComplete(promises, days, settings) };
}

/** When one unit ordered now would ship and arrive: the catalog's badge. */
export function firstUnitDates(
  supply: ProductSupply,
  settings: PromiseSettings,
  days: PromiseDays,
): PromiseDates {
  const [first] = promiseLine(1, supply, settings, days).splits;
  return { shipDate: first.shipDate, deliveryDate: first.deliveryDate };
}
