import { priceLine } from '@tradecounter/domain';
import { BusinessCalendar, DAY_MS, dayOf, MINUTE_MS } from './history-calendar';
import type { HistoryWorld, WorldAccount, WorldProduct, WorldWarehouse } from './history-world';
import { paretoWeights, Random, shuffled, WeightedPicker, zipfWeights } from './random';

export interface HistoryOptions {
  orders: number;
  seed: number;
  months: number;
  /** The generation's "now" (ms): every event is at or before it. */
  now: number;
}

export type OrderStatus =
  | 'pending_approval'
  | 'on_hold'
  | 'confirmed'
  | 'picking'
  | 'packed'
  | 'partially_shipped'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'rejected';

export interface PromiseSplit {
  qty: number;
  shipDate: string;
  deliveryDate: string;
  source: 'stock' | 'inbound' | 'supplier';
}

export interface HistoryLine {
  id: string;
  lineNo: number;
  product: WorldProduct;
  quantity: number;
  unitCents: number;
  totalCents: number;
  splits: PromiseSplit[];
  requestedDate: string | null;
  firstPromisedDate: string;
  currentPromisedDate: string;
  reservedQty: number;
  backorderedQty: number;
  shippedQty: number;
}

export interface HistoryShipment {
  id: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: number;
  shippedBy: string | null;
  deliveredAt: number | null;
  lines: { line: HistoryLine; quantity: number }[];
}

export interface HistoryEvent {
  at: number;
  actorId: string | null;
  kind: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string | null;
  data: Record<string, unknown> | null;
}

/** An event as planned: no from-status yet, and a null to-status for one that keeps the status. */
type PlannedEvent = Omit<HistoryEvent, 'fromStatus' | 'toStatus'> & { toStatus: OrderStatus | null };

export interface HistoryOrder {
  id: string;
  /** Index in the generation (0-based, chronological): the caller maps it to an order number. */
  index: number;
  account: WorldAccount;
  placedBy: string | null;
  channel: string;
  externalRef: string | null;
  status: OrderStatus;
  poNumber: string | null;
  address: WorldAccount['addresses'][number];
  requestedDeliveryDate: string | null;
  shipComplete: boolean;
  notes: string | null;
  warehouseCode: string;
  subtotalCents: number;
  placedAt: number;
  paidAt: number | null;
  updatedAt: number;
  lines: HistoryLine[];
  shipments: HistoryShipment[];
  events: HistoryEvent[];
  /** Package weights in kg (3 decimals), once packed. */
  packages: number[];
  rating: { score: number; comment: string | null; ratedBy: string | null; ratedAt: number } | null;
}

const WEEKDAY_WEIGHT = [0.06, 1.12, 1.15, 1.1, 1.05, 0.88, 0.12];
const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL', 'Regional Freight'];
const CARRIER_WEIGHTS = [40, 30, 10, 8, 12];
const DEFAULT_INTEGRATIONS = ['edi-gateway', 'shopify-b2b', 'ariba-punchout'];
const CANCEL_REASONS = [
  'Ordered in error',
  'Duplicate order',
  'Customer found a cheaper supplier',
  'Delivery date too late',
  'Project postponed',
  null,
];
const REJECT_REASONS = ['Over budget this month', 'Not an approved purchase', 'Wrong cost centre'];
const NOTES = [
  'Deliver to the rear dock',
  'Call before delivery',
  'Site closes at 15:00',
  'Forklift on site',
];
const GOOD_COMMENTS = ['Arrived on time, well packed', 'Great service', 'All good', 'Quick delivery, thanks'];
const BAD_COMMENTS = ['Arrived late', 'One box was damaged', 'Driver could not find the dock', 'Late again'];

/**
 * Generates a realistic order history, oldest order first, from the seed
 * alone (pure: no I/O, no clock). Orders per day follow weekdays, seasons,
 * holidays and growth; accounts are Pareto-weighted (with some that start
 * late or go dormant), products Zipf-weighted; each order runs through its
 * lifecycle (approval or hold, picking, packing, one or two shipments,
 * deliveries, payment, a rating) and is cut off at `now`, so recent orders
 * are still open.
 */
export class HistoryGenerator {
  readonly calendar: BusinessCalendar;
  private readonly random: Random;
  private readonly accountPicker: WeightedPicker;
  private readonly accountOrder: WorldAccount[];
  private readonly activeFrom: number[];
  private readonly activeTo: number[];
  private readonly productPicker: WeightedPicker;
  private readonly productOrder: WorldProduct[];
  private readonly carrierPicker = new WeightedPicker(CARRIER_WEIGHTS);
  private readonly warehouses: Map<string, WorldWarehouse>;
  private readonly defaultWarehouse: WorldWarehouse;
  private readonly integrations: string[];
  private readonly priceCache = new Map<string, number>();
  private readonly today: number;
  private readonly firstDay: number;

  constructor(
    private readonly world: HistoryWorld,
    private readonly options: HistoryOptions,
  ) {
    if (world.accounts.length === 0) throw new Error('The database has no accounts to order for');
    if (world.products.length === 0) throw new Error('The database has no active products to order');
    const defaultWarehouse = world.warehouses.find((w) => w.isDefault) ?? world.warehouses[0];
    if (!defaultWarehouse) throw new Error('The database has no warehouses');
    this.defaultWarehouse = defaultWarehouse;
    this.warehouses = new Map(world.warehouses.map((w) => [w.code, w]));
    this.calendar = new BusinessCalendar(world.holidays);
    this.random = new Random(options.seed);
    this.integrations = world.integrations.length > 0 ? world.integrations : DEFAULT_INTEGRATIONS;
    this.today = dayOf(options.now);
    this.firstDay = dayOf(addMonths(options.now, -options.months));

    // Accounts with portal users (the demo's logins) are the biggest and always active.
    const setup = this.random.fork();
    const shuffledAccounts = shuffled(setup, world.accounts);
    this.accountOrder = [
      ...shuffledAccounts.filter((a) => a.buyers.length + a.approvers.length > 0),
      ...shuffledAccounts.filter((a) => a.buyers.length + a.approvers.length === 0),
    ];
    this.accountPicker = new WeightedPicker(paretoWeights(setup, this.accountOrder.length));
    const span = this.today - this.firstDay;
    this.activeFrom = this.accountOrder.map(() => this.firstDay);
    this.activeTo = this.accountOrder.map(() => this.today);
    this.accountOrder.forEach((account, index) => {
      if (index < 3 || account.buyers.length + account.approvers.length > 0) return;
      const roll = setup.next();
      if (account.status === 'closed' || roll < 0.12) {
        this.activeTo[index] = this.today - setup.between(50, Math.max(60, Math.floor(span * 0.6)));
      } else if (roll < 0.22) {
        this.activeFrom[index] = this.firstDay + Math.floor(span * (0.2 + 0.5 * setup.next()));
      }
    });
    this.productOrder = shuffled(setup, world.products);
    this.productPicker = new WeightedPicker(zipfWeights(this.productOrder.length, 1.0));
  }

  /** Orders per day, oldest first, summing to exactly `options.orders`. */
  dailyCounts(): { day: number; count: number }[] {
    const random = new Random(this.options.seed ^ 0x5eed);
    const days: { day: number; weight: number }[] = [];
    const span = Math.max(1, this.today - this.firstDay);
    for (let day = this.firstDay; day <= this.today; day++) {
      const date = new Date(day * DAY_MS);
      const doy = (date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
      let weight = WEEKDAY_WEIGHT[this.calendar.weekday(day)] ?? 1;
      weight *=
        1 +
        0.18 * Math.cos((2 * Math.PI * (doy - 105)) / 365) +
        0.1 * Math.cos((4 * Math.PI * (doy - 280)) / 365);
      if (date.getUTCMonth() === 11 && date.getUTCDate() >= 18) weight *= 0.55;
      if (date.getUTCMonth() === 0 && date.getUTCDate() <= 6) weight *= 0.7;
      if (date.getUTCMonth() === 7) weight *= 0.9;
      if (this.calendar.isHoliday(day)) weight *= 0.15;
      weight *= 1 + 0.35 * ((day - this.firstDay) / span);
      weight *= Math.max(0.5, 1 + 0.07 * random.normal());
      if (day === this.today) weight *= (this.options.now - day * DAY_MS) / DAY_MS;
      days.push({ day, weight });
    }
    const total = days.reduce((sum, d) => sum + d.weight, 0);
    const exact = days.map((d) => (d.weight / total) * this.options.orders);
    const counts = exact.map(Math.floor);
    let left = this.options.orders - counts.reduce((sum, c) => sum + c, 0);
    const byRemainder = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
    byRemainder.sort((x, y) => y.rest - x.rest || x.index - y.index);
    for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) {
      const index = byRemainder[i]?.index ?? 0;
      counts[index] = (counts[index] ?? 0) + 1;
    }
    return days.map((d, index) => ({ day: d.day, count: counts[index] ?? 0 }));
  }

  /** Every order, oldest first. */
  *orders(): Generator<HistoryOrder> {
    let index = 0;
    for (const { day, count } of this.dailyCounts()) {
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(this.placementTime(day));
      times.sort((x, y) => x - y);
      for (const placedAt of times) yield this.order(index++, placedAt);
    }
  }

  private placementTime(day: number): number {
    const start = day * DAY_MS;
    const latest = Math.min(start + DAY_MS - 1, this.options.now - MINUTE_MS);
    // Mostly office hours (US central-ish, UTC−6), some around the clock (integrations, late buyers).
    const r = this.random.next();
    const minutes =
      r < 0.8
        ? 14 * 60 + Math.max(0, Math.min(10 * 60 - 1, 300 + 150 * this.random.normal()))
        : this.random.next() * 24 * 60;
    const at = start + Math.floor(minutes * MINUTE_MS + this.random.next() * MINUTE_MS);
    return Math.max(start, Math.min(at, latest));
  }

  private pickAccount(day: number): WorldAccount {
    for (let attempt = 0; attempt < 20; attempt++) {
      const index = this.accountPicker.pick(this.random);
      if (day >= (this.activeFrom[index] ?? 0) && day <= (this.activeTo[index] ?? 0)) {
        return this.accountOrder[index] as WorldAccount;
      }
    }
    return this.accountOrder[0] as WorldAccount;
  }

  private order(index: number, placedAt: number): HistoryOrder {
    const random = this.random;
    const day = dayOf(placedAt);
    const account = this.pickAccount(day);
    const warehouse =
      (account.warehouseCode && this.warehouses.get(account.warehouseCode)) || this.defaultWarehouse;
    const hasUsers = account.buyers.length + account.approvers.length > 0;
    const channel = this.channel(account, hasUsers);
    const customers = [...account.buyers, ...account.approvers];
    const placedBy =
      channel === 'portal' || channel === 'csv'
        ? customers.length > 0
          ? random.pick(customers)
          : null
        : channel === 'phone'
          ? account.managerId
          : null;
    const orderId = random.uuid(placedAt);
    const shipComplete = random.chance(0.25);

    // Promise: order day T0, first dispatch D0 (domain.md, availability).
    const local = placedAt + warehouse.utcOffsetMinutes * MINUTE_MS;
    const localDay = dayOf(local);
    const beforeCutoff = (local - localDay * DAY_MS) / MINUTE_MS < warehouse.cutoffMinutes;
    const t0 =
      this.calendar.isBusinessDay(localDay) && beforeCutoff
        ? localDay
        : this.calendar.nextBusinessDay(localDay);
    const d0 = this.calendar.addBusinessDays(t0, warehouse.handlingDays);

    const lines = this.lines(account, placedAt, t0, d0, warehouse);
    const subtotalCents = lines.reduce((sum, line) => sum + line.totalCents, 0);
    const latestDelivery = lines.reduce(
      (max, line) => (line.firstPromisedDate > max ? line.firstPromisedDate : max),
      '',
    );
    if (shipComplete) {
      for (const line of lines) {
        line.firstPromisedDate = latestDelivery;
        if (line.currentPromisedDate < latestDelivery) line.currentPromisedDate = latestDelivery;
      }
    }
    const requestedDeliveryDate = random.chance(0.08)
      ? this.calendar.iso(
          this.calendar.addBusinessDays(
            Date.parse(`${latestDelivery}T00:00:00Z`) / DAY_MS,
            random.between(0, 5),
          ),
        )
      : null;
    for (const line of lines) line.requestedDate = requestedDeliveryDate;

    const order: HistoryOrder = {
      id: orderId,
      index,
      account,
      placedBy,
      channel,
      externalRef:
        channel === 'api' || this.integrations.includes(channel)
          ? `${channel.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${(100000 + index).toString(36).toUpperCase()}${random.between(10, 99)}`
          : null,
      status: 'confirmed',
      poNumber: account.requiresPo || random.chance(0.35) ? `PO-${random.between(10000, 999999)}` : null,
      address: account.addresses.length > 0 ? random.pick(account.addresses) : FALLBACK_ADDRESS,
      requestedDeliveryDate,
      shipComplete,
      notes: random.chance(0.03) ? random.pick(NOTES) : null,
      warehouseCode: warehouse.code,
      subtotalCents,
      placedAt,
      paidAt: null,
      updatedAt: placedAt,
      lines,
      shipments: [],
      events: [],
      packages: [],
      rating: null,
    };
    this.lifecycle(order, warehouse, d0);
    return order;
  }

  private channel(account: WorldAccount, hasUsers: boolean): string {
    const r = this.random.next();
    const integration = this.integrations[hashCode(account.code) % this.integrations.length] ?? 'edi-gateway';
    if (hasUsers) {
      if (r < 0.64) return 'portal';
      if (r < 0.8) return 'phone';
      if (r < 0.87) return 'api';
      if (r < 0.92) return 'csv';
      return integration;
    }
    // No portal users today: their portal orders were placed by buyers since removed (placed_by is null).
    if (r < 0.5) return 'portal';
    if (r < 0.72) return 'phone';
    if (r < 0.82) return 'api';
    if (r < 0.87) return 'csv';
    return integration;
  }

  private lines(
    account: WorldAccount,
    placedAt: number,
    t0: number,
    d0: number,
    warehouse: WorldWarehouse,
  ): HistoryLine[] {
    const random = this.random;
    const wanted = Math.min(15, 1 + Math.floor(random.exponential(4.7)), this.productOrder.length);
    const chosen = new Set<number>();
    for (let attempt = 0; chosen.size < wanted && attempt < wanted * 10; attempt++) {
      chosen.add(this.productPicker.pick(random));
    }
    const pricingDate = new Date(placedAt).toISOString().slice(0, 10);
    let lineNo = 0;
    return [...chosen].map((productIndex) => {
      const product = this.productOrder[productIndex] as WorldProduct;
      const quantity = this.quantity(product);
      const unitCents = this.unitPrice(account, product, quantity, pricingDate);
      const splits = this.splits(product, quantity, t0, d0, warehouse);
      const firstPromisedDate = splits.reduce((max, s) => (s.deliveryDate > max ? s.deliveryDate : max), '');
      const late = splits.some((s) => s.source !== 'stock') && random.chance(0.3);
      const currentPromisedDate = late
        ? this.calendar.iso(this.calendar.addBusinessDays(isoDay(firstPromisedDate), random.between(1, 5)))
        : firstPromisedDate;
      return {
        id: random.uuid(placedAt),
        lineNo: ++lineNo,
        product,
        quantity,
        unitCents,
        totalCents: unitCents * quantity,
        splits,
        requestedDate: null,
        firstPromisedDate,
        currentPromisedDate,
        reservedQty: 0,
        backorderedQty: 0,
        shippedQty: 0,
      };
    });
  }

  /** Whole packs, at least the minimum; cheap things in larger quantities. */
  quantity(product: WorldProduct): number {
    const price = Number(product.listPriceCents) / 100;
    const typical = Math.min(120, Math.max(1, 150 / Math.pow(price + 2, 0.7)));
    const units = typical * Math.exp(0.8 * this.random.normal());
    const multiple = product.orderMultiple;
    const minPacks = Math.ceil(product.minOrderQty / multiple);
    return Math.max(minPacks, Math.round(units / multiple)) * multiple;
  }

  private unitPrice(account: WorldAccount, product: WorldProduct, quantity: number, date: string): number {
    const contracts = account.pricing.contracts.get(product.id) ?? [];
    // Without contract prices the price depends on the quantity alone (per account and product).
    const key = contracts.length > 0 ? null : `${account.id}|${product.id}|${quantity}`;
    const cached = key ? this.priceCache.get(key) : undefined;
    if (cached !== undefined) return cached;
    const tier = account.pricing.tier;
    const priced = priceLine({
      productId: product.id,
      listPrice: product.listPriceCents,
      quantity,
      date,
      tier: tier
        ? {
            discountPercent: tier.discountPercent,
            fixedPrice: tier.fixed.get(product.id) ?? null,
            breaks: tier.breaks,
          }
        : null,
      contractPrices: contracts,
    });
    const cents = Number(priced.unitPrice);
    if (key) this.priceCache.set(key, cents);
    return cents;
  }

  private splits(
    product: WorldProduct,
    quantity: number,
    t0: number,
    d0: number,
    warehouse: WorldWarehouse,
  ): PromiseSplit[] {
    const random = this.random;
    const split = (qty: number, ship: number, source: PromiseSplit['source']): PromiseSplit => ({
      qty,
      shipDate: this.calendar.iso(ship),
      deliveryDate: this.calendar.iso(this.calendar.addBusinessDays(ship, warehouse.transitDays)),
      source,
    });
    const r = random.next();
    if (r < 0.97 || quantity < 2) return [split(quantity, d0, 'stock')];
    const fromStock = random.chance(0.5) ? Math.floor(quantity * random.next()) : 0;
    const rest = quantity - fromStock;
    const later =
      r < 0.99
        ? split(rest, this.calendar.addBusinessDays(d0, random.between(2, 12)), 'inbound')
        : split(
            rest,
            Math.max(d0, this.calendar.addBusinessDays(t0, product.leadTimeDays + warehouse.handlingDays)),
            'supplier',
          );
    return fromStock > 0 ? [split(fromStock, d0, 'stock'), later] : [later];
  }

  /** Runs the order through its life, then keeps what happened by `now`. */
  private lifecycle(order: HistoryOrder, warehouse: WorldWarehouse, d0: number): void {
    const random = this.random;
    const { account } = order;
    const planned: PlannedEvent[] = [];
    const event = (
      at: number,
      kind: string,
      to: OrderStatus | null,
      actorId: string | null,
      reason: string | null = null,
      data: HistoryEvent['data'] = null,
    ) => planned.push({ at, kind, toStatus: to, actorId, reason, data });
    const staff = () =>
      this.world.warehouseStaff.length > 0 ? random.pick(this.world.warehouseStaff) : null;
    const approver = account.approvers.length > 0 ? random.pick(account.approvers) : null;
    const hours = (h: number) => Math.round(h * 3_600_000);

    let confirmedAt = order.placedAt;
    const path = random.next();
    if (path < 0.005) {
      event(order.placedAt, 'placed', 'pending_approval', order.placedBy, 'Above the buyer’s order limit');
      event(
        order.placedAt + hours(1 + random.exponential(12)),
        'rejected',
        'rejected',
        approver,
        random.pick(REJECT_REASONS),
      );
      return this.finish(order, planned);
    }
    if (path < 0.04) {
      event(order.placedAt, 'placed', 'pending_approval', order.placedBy, 'Above the buyer’s order limit');
      confirmedAt = order.placedAt + hours(1 + random.exponential(10));
      event(confirmedAt, 'approved', 'confirmed', approver);
    } else if (path < 0.055) {
      event(order.placedAt, 'placed', 'on_hold', order.placedBy, 'Credit limit exceeded');
      confirmedAt = order.placedAt + hours(2 + random.exponential(20));
      event(confirmedAt, 'hold_released', 'confirmed', account.managerId);
    } else {
      event(order.placedAt, 'placed', 'confirmed', order.placedBy);
    }

    // Dispatch: the promised first ship day, or after the approval or hold, sometimes a day or two late.
    const localDay = (ms: number) => dayOf(ms + warehouse.utcOffsetMinutes * MINUTE_MS);
    const atLocal = (day: number, hour: number) =>
      day * DAY_MS + Math.round((hour * 60 - warehouse.utcOffsetMinutes) * MINUTE_MS);
    let shipDay = Math.max(d0, this.calendar.addBusinessDays(localDay(confirmedAt), warehouse.handlingDays));
    if (!this.calendar.isBusinessDay(shipDay)) shipDay = this.calendar.nextBusinessDay(shipDay);
    const delay = random.next();
    if (delay < 0.02) shipDay = this.calendar.addBusinessDays(shipDay, 1);
    else if (delay < 0.027) shipDay = this.calendar.addBusinessDays(shipDay, random.between(2, 3));
    const pickAt = Math.max(
      confirmedAt + hours(0.2 + random.next()),
      atLocal(shipDay, 7 + 4 * random.next()),
    );

    if (random.chance(0.03)) {
      const cancelAt =
        order.placedAt +
        Math.min(hours(random.exponential(10)), Math.max(0, pickAt - order.placedAt - hours(0.1)));
      event(
        Math.max(cancelAt, confirmedAt + MINUTE_MS),
        'cancelled',
        'cancelled',
        random.chance(0.6) ? order.placedBy : account.managerId,
        random.pick(CANCEL_REASONS),
      );
      return this.finish(order, planned);
    }

    const packAt = pickAt + hours(0.5 + 2.5 * random.next());
    const packageCount = Math.min(8, 1 + Math.floor(random.exponential(order.lines.length / 4)));
    event(pickAt, 'picking', 'picking', staff());
    event(packAt, 'packed', 'packed', staff(), null, { packages: packageCount });
    const packages = Array.from(
      { length: packageCount },
      () => Math.round((0.5 + random.exponential(6)) * 1000) / 1000,
    );

    // What ships when: everything at once, or stock first and the rest when it arrives.
    const hasLater = order.lines.some((line) => line.splits.some((s) => s.source !== 'stock'));
    const repromiseDelay = (line: HistoryLine) =>
      line.currentPromisedDate > line.firstPromisedDate
        ? businessDaysBetween(this.calendar, isoDay(line.firstPromisedDate), isoDay(line.currentPromisedDate))
        : 0;
    const laterDay = hasLater
      ? Math.max(
          shipDay,
          ...order.lines.map((line) =>
            this.calendar.addBusinessDays(
              isoDay(line.splits[line.splits.length - 1]?.shipDate ?? ''),
              repromiseDelay(line),
            ),
          ),
        )
      : shipDay;
    const parcels: { day: number; lines: { line: HistoryLine; quantity: number }[] }[] = [];
    if (!hasLater || order.shipComplete) {
      parcels.push({
        day: order.shipComplete ? laterDay : shipDay,
        lines: order.lines.map((line) => ({ line, quantity: line.quantity })),
      });
    } else {
      const first = order.lines.flatMap((line) => {
        const qty = line.splits.filter((s) => s.source === 'stock').reduce((sum, s) => sum + s.qty, 0);
        return qty > 0 ? [{ line, quantity: qty }] : [];
      });
      const second = order.lines.flatMap((line) => {
        const qty = line.splits.filter((s) => s.source !== 'stock').reduce((sum, s) => sum + s.qty, 0);
        return qty > 0 ? [{ line, quantity: qty }] : [];
      });
      if (first.length > 0) parcels.push({ day: shipDay, lines: first });
      parcels.push({ day: Math.max(laterDay, shipDay + 1), lines: second });
    }

    let lastDelivered = 0;
    parcels.forEach((parcel, parcelIndex) => {
      const day = this.calendar.isBusinessDay(parcel.day)
        ? parcel.day
        : this.calendar.nextBusinessDay(parcel.day);
      const shippedAt = Math.max(
        packAt + hours(0.3 + 3 * random.next()),
        atLocal(day, 13 + 4.5 * random.next()),
      );
      const carrier = CARRIERS[this.carrierPicker.pick(random)] ?? 'UPS';
      let deliveryDay = this.calendar.addBusinessDays(localDay(shippedAt), warehouse.transitDays);
      const transit = random.next();
      if (transit < 0.045) deliveryDay = this.calendar.addBusinessDays(deliveryDay, random.between(1, 2));
      else if (transit < 0.12 && deliveryDay > localDay(shippedAt) + 1) deliveryDay -= 1;
      const deliveredAt = Math.max(shippedAt + hours(0.5), atLocal(deliveryDay, 8 + 7 * random.next()));
      lastDelivered = Math.max(lastDelivered, deliveredAt);
      const shipment: HistoryShipment = {
        id: random.uuid(order.placedAt),
        carrier,
        trackingNumber: trackingNumber(random, carrier),
        shippedAt,
        shippedBy: staff(),
        deliveredAt,
        lines: parcel.lines,
      };
      order.shipments.push(shipment);
      const last = parcelIndex === parcels.length - 1;
      event(shippedAt, 'shipment', last ? 'shipped' : 'partially_shipped', shipment.shippedBy, null, {
        shipmentId: shipment.id,
        carrier,
        trackingNumber: shipment.trackingNumber,
        lines: parcel.lines.map(({ line, quantity }) => ({
          orderLineId: line.id,
          quantity,
          sku: line.product.sku,
        })),
      });
      event(deliveredAt, 'delivered', null, staff(), null, { shipmentId: shipment.id });
    });

    // Payment by the account's terms, counted from the first shipment (prepaid: at once); a few never pay.
    const termsDays = TERMS_DAYS[account.paymentTerms] ?? 30;
    const firstShipped = order.shipments[0]?.shippedAt ?? order.placedAt;
    if (!random.chance(0.005)) {
      const paidAt =
        termsDays === 0
          ? order.placedAt + hours(0.1 + random.next())
          : firstShipped + Math.round(Math.max(1, termsDays + 6 * random.normal()) * DAY_MS);
      event(paidAt, 'paid', null, account.managerId);
      order.paidAt = paidAt;
    }

    order.packages = packages;
    this.finish(order, planned);

    if (order.status === 'delivered' && random.chance(0.2)) {
      const late = order.lines.some(
        (line) => this.calendar.iso(localDay(lastDelivered)) > line.firstPromisedDate,
      );
      const ratedAt = lastDelivered + Math.round(random.exponential(1.5) * DAY_MS);
      if (ratedAt <= this.options.now) {
        const score = late
          ? pickScore(random, [0.12, 0.18, 0.3, 0.25, 0.15])
          : pickScore(random, [0.02, 0.03, 0.1, 0.3, 0.55]);
        order.rating = {
          score,
          comment: random.chance(0.3) ? random.pick(score >= 4 ? GOOD_COMMENTS : BAD_COMMENTS) : null,
          ratedBy: order.placedBy && customersOf(account).includes(order.placedBy) ? order.placedBy : null,
          ratedAt,
        };
      }
    }
  }

  /**
   * Keeps the events at or before `now` in time order with their from/to
   * statuses, and derives what the order looks like now: its status, the
   * shipments that left (delivered or not), units shipped, reserved and
   * backordered, whether it is paid and packed.
   */
  private finish(order: HistoryOrder, planned: PlannedEvent[]): void {
    const now = this.options.now;
    planned.sort((x, y) => x.at - y.at);
    const shipmentCount = order.shipments.length;
    let status: OrderStatus | null = null;
    let shipped = 0;
    let delivered = 0;
    for (const step of planned) {
      if (step.at > now) break;
      let to: OrderStatus | null = step.toStatus ?? status;
      if (step.kind === 'shipment') shipped++;
      if (step.kind === 'delivered') {
        delivered++;
        to = shipped === shipmentCount && delivered === shipmentCount ? 'delivered' : status;
      }
      const next: OrderStatus = to ?? 'confirmed'; // the first event (placed) always names a status
      order.events.push({ ...step, fromStatus: status, toStatus: next });
      status = next;
    }
    order.status = status ?? 'confirmed';
    order.updatedAt = order.events[order.events.length - 1]?.at ?? order.placedAt;
    order.shipments = order.shipments.filter((s) => s.shippedAt <= now);
    for (const shipment of order.shipments) {
      if (shipment.deliveredAt !== null && shipment.deliveredAt > now) shipment.deliveredAt = null;
      for (const { line, quantity } of shipment.lines) line.shippedQty += quantity;
    }
    if (order.paidAt !== null && order.paidAt > now) order.paidAt = null;
    if (!order.events.some((e) => e.kind === 'packed')) order.packages = [];
    if (order.status === 'cancelled' || order.status === 'rejected') return;
    const today = this.calendar.iso(dayOf(now));
    for (const line of order.lines) {
      const open = line.quantity - line.shippedQty;
      const supplier = line.splits.find((s) => s.source === 'supplier' && s.shipDate > today);
      line.backorderedQty = supplier ? Math.min(open, supplier.qty) : 0;
      line.reservedQty = open - line.backorderedQty;
    }
  }
}

const TERMS_DAYS: Record<string, number> = { prepaid: 0, net_15: 15, net_30: 30, net_45: 45, net_60: 60 };

const FALLBACK_ADDRESS = {
  id: null,
  label: 'Head office',
  line1: '1 Main Street',
  line2: null,
  city: 'Springfield',
  region: null,
  postcode: '00000',
  country: 'US',
};

function customersOf(account: WorldAccount): string[] {
  return [...account.buyers, ...account.approvers];
}

function pickScore(random: Random, weights: number[]): number {
  let r = random.next();
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i + 1;
  }
  return weights.length;
}

function trackingNumber(random: Random, carrier: string): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(10)).join('');
  switch (carrier) {
    case 'UPS':
      return `1Z${Array.from({ length: 16 }, () => '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'[random.int(33)]).join('')}`;
    case 'FedEx':
      return digits(12);
    case 'USPS':
      return `94${digits(20)}`;
    case 'DHL':
      return digits(10);
    default:
      return `PRO${digits(9)}`;
  }
}

function isoDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function businessDaysBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let count = 0;
  for (let day = from; day < to; day++) if (calendar.isBusinessDay(day + 1)) count++;
  return count;
}

function hashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash;
}

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}
