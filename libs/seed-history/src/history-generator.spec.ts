import { HistoryGenerator, HistoryOrder } from './history-generator';
import type { HistoryWorld, WorldAccount, WorldProduct } from './history-world';
import { Random, WeightedPicker } from './random';

const NOW = Date.parse('2026-06-15T15:30:00Z');

function world(): HistoryWorld {
  const random = new Random(7);
  const products: WorldProduct[] = Array.from({ length: 120 }, (_, i) => ({
    id: random.uuid(),
    sku: `SKU-${String(i).padStart(3, '0')}`,
    name: `Product ${i}`,
    listPriceCents: BigInt(100 + ((i * 7919) % 20000)),
    minOrderQty: [1, 1, 5, 10, 12][i % 5] ?? 1,
    orderMultiple: [1, 5, 5, 10, 6][i % 5] ?? 1,
    leadTimeDays: 5 + (i % 10),
  }));
  const accounts: WorldAccount[] = Array.from({ length: 30 }, (_, i) => ({
    id: random.uuid(),
    code: `ACC${i}`,
    status: 'active',
    managerId: random.uuid(),
    warehouseCode: i % 2 ? 'RNO' : null,
    creditLimitCents: 5_000_000,
    paymentTerms: ['net_30', 'net_15', 'prepaid', 'net_60'][i % 4] ?? 'net_30',
    requiresPo: i % 5 === 0,
    addresses: [
      {
        id: random.uuid(),
        label: 'Head office',
        line1: '1 Way',
        line2: null,
        city: 'Town',
        region: null,
        postcode: '1',
        country: 'US',
      },
    ],
    buyers: i < 3 ? [random.uuid()] : [],
    approvers: i < 2 ? [random.uuid()] : [],
    pricing: { tier: null, contracts: new Map() },
  }));
  return {
    accounts,
    products,
    warehouses: [
      {
        code: 'CHI',
        isDefault: true,
        handlingDays: 1,
        transitDays: 2,
        cutoffMinutes: 14 * 60,
        utcOffsetMinutes: -360,
        timeZone: 'America/Chicago',
      },
      {
        code: 'RNO',
        isDefault: false,
        handlingDays: 1,
        transitDays: 3,
        cutoffMinutes: 15 * 60,
        utcOffsetMinutes: -480,
        timeZone: 'America/Los_Angeles',
      },
    ],
    holidays: new Set(['2025-12-25', '2026-01-01', '2026-05-25']),
    warehouseStaff: [random.uuid(), random.uuid()],
    integrations: [],
    currency: 'USD',
  };
}

function generate(orders: number, seed = 42, w = world()): HistoryOrder[] {
  return [...new HistoryGenerator(w, { orders, seed, months: 12, now: NOW }).orders()];
}

const share = (orders: HistoryOrder[], test: (o: HistoryOrder) => boolean) =>
  orders.filter(test).length / orders.length;

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, () => new Random(seed)).map((r) => r.uint32());
    expect(draw(42)).toEqual(draw(42));
    const a = new Random(42);
    const b = new Random(43);
    expect([a.uint32(), a.uint32()]).not.toEqual([b.uint32(), b.uint32()]);
  });

  it('makes v4-shaped UUIDs, time-prefixed ones sorting by time', () => {
    const random = new Random(1);
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(random.uuid()).toMatch(shape);
    const early = random.uuid(NOW - 86_400_000);
    const late = random.uuid(NOW);
    expect(early).toMatch(shape);
    expect(late).toMatch(shape);
    expect(early < late).toBe(true);
  });

  it('picks by weight', () => {
    const random = new Random(3);
    const picker = new WeightedPicker([1, 3]);
    const ones = Array.from({ length: 10_000 }, () => picker.pick(random)).filter((i) => i === 1).length;
    expect(ones / 10_000).toBeGreaterThan(0.72);
    expect(ones / 10_000).toBeLessThan(0.78);
  });
});

describe('HistoryGenerator', () => {
  const orders = generate(4000);

  it('is deterministic for a seed, ids included', () => {
    const strip = (list: HistoryOrder[]) =>
      JSON.stringify(
        list.map((o) => ({ ...o, account: o.account.id })),
        (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
      );
    expect(strip(generate(300))).toEqual(strip(generate(300)));
    expect(generate(50, 1)[0]?.id).not.toEqual(generate(50, 2)[0]?.id);
  });

  it('spreads exactly the orders asked for over the months, weekdays busier, oldest first', () => {
    expect(orders).toHaveLength(4000);
    const times = orders.map((o) => o.placedAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 366 * 86_400_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    const weekend = share(orders, (o) => [0, 6].includes(new Date(o.placedAt).getUTCDay()));
    expect(weekend).toBeLessThan(0.08);
  });

  it('has a few big accounts and a long tail, Zipf-like products', () => {
    const perAccount = new Map<string, number>();
    for (const o of orders) perAccount.set(o.account.id, (perAccount.get(o.account.id) ?? 0) + 1);
    const counts = [...perAccount.values()].sort((a, b) => b - a);
    const top5 = counts.slice(0, 5).reduce((s, c) => s + c, 0);
    expect(top5 / orders.length).toBeGreaterThan(0.45);
    const perProduct = new Map<string, number>();
    for (const line of orders.flatMap((o) => o.lines)) {
      perProduct.set(line.product.id, (perProduct.get(line.product.id) ?? 0) + 1);
    }
    const products = [...perProduct.values()].sort((a, b) => b - a);
    expect((products[0] ?? 0) / (products[products.length - 1] ?? 1)).toBeGreaterThan(10);
  });

  it('has 1–15 lines an order, about 5 on average, one line per product', () => {
    const lines = orders.map((o) => o.lines.length);
    expect(Math.min(...lines)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...lines)).toBeLessThanOrEqual(15);
    const mean = lines.reduce((s, n) => s + n, 0) / lines.length;
    expect(mean).toBeGreaterThan(4.5);
    expect(mean).toBeLessThan(5.5);
    for (const o of orders) expect(new Set(o.lines.map((l) => l.product.id)).size).toBe(o.lines.length);
  });

  // Plain checks collected into one list: an expect per line would make this spec slow.
  it('orders whole packs of at least the minimum, at list price without a tier, totals exact', () => {
    const problems: string[] = [];
    for (const o of orders) {
      for (const line of o.lines) {
        const { minOrderQty, orderMultiple, listPriceCents } = line.product;
        if (line.quantity < minOrderQty || line.quantity % orderMultiple !== 0) {
          problems.push(`${line.quantity} of min ${minOrderQty} in packs of ${orderMultiple}`);
        }
        if (line.unitCents !== Number(listPriceCents)) problems.push(`unit ${line.unitCents}`);
        if (line.totalCents !== line.unitCents * line.quantity) problems.push(`total ${line.totalCents}`);
        if (line.splits.reduce((s, split) => s + split.qty, 0) !== line.quantity) problems.push('splits');
      }
      if (o.subtotalCents !== o.lines.reduce((s, l) => s + l.totalCents, 0)) problems.push('subtotal');
    }
    expect(problems).toEqual([]);
  });

  it('never ships more than ordered; shipped and delivered orders shipped everything', () => {
    const problems: string[] = [];
    for (const o of orders) {
      for (const line of o.lines) {
        const shipped = o.shipments.flatMap((s) => s.lines).filter((x) => x.line === line);
        const held = line.shippedQty + line.reservedQty + line.backorderedQty;
        if (shipped.reduce((s, x) => s + x.quantity, 0) !== line.shippedQty) problems.push('shipment lines');
        if (line.shippedQty > line.quantity) problems.push('over-shipped');
        if ((o.status === 'shipped' || o.status === 'delivered') && line.shippedQty !== line.quantity) {
          problems.push(`${o.status} short`);
        }
        const ended = o.status === 'cancelled' || o.status === 'rejected';
        if (held !== (ended ? 0 : line.quantity))
          problems.push(`${o.status} holds ${held} of ${line.quantity}`);
      }
      if (o.shipments.length > 2) problems.push('more than two shipments');
      for (const s of o.shipments) {
        if (s.shippedAt > NOW) problems.push('shipped in the future');
        if (s.deliveredAt !== null && s.deliveredAt < s.shippedAt) problems.push('delivered before shipped');
      }
    }
    expect(problems).toEqual([]);
  });

  it('records every status step in time order, chained from one status to the next, up to now', () => {
    const problems: string[] = [];
    for (const o of orders) {
      if (o.events[0]?.kind !== 'placed' || o.events[0]?.fromStatus !== null) problems.push('first event');
      o.events.forEach((e, i) => {
        const before = o.events[i - 1];
        if (e.at > NOW) problems.push('event in the future');
        if (before && (e.at < before.at || e.fromStatus !== before.toStatus))
          problems.push(`${e.kind} out of step`);
      });
      if (o.events[o.events.length - 1]?.toStatus !== o.status) problems.push('last event is not the status');
    }
    expect(problems).toEqual([]);
  });

  it('ages orders: old ones mostly delivered, some cancelled or rejected, recent ones still open', () => {
    const old = orders.filter((o) => o.placedAt < NOW - 60 * 86_400_000);
    expect(share(old, (o) => o.status === 'delivered')).toBeGreaterThan(0.93);
    expect(share(orders, (o) => o.status === 'cancelled')).toBeGreaterThan(0.015);
    expect(share(orders, (o) => o.status === 'cancelled')).toBeLessThan(0.045);
    expect(share(orders, (o) => o.status === 'rejected')).toBeLessThan(0.012);
    const recent = orders.filter((o) => o.placedAt > NOW - 2 * 86_400_000);
    expect(share(recent, (o) => o.status !== 'delivered')).toBeGreaterThan(0.5);
    const partial = share(orders, (o) => o.shipments.length === 2);
    expect(partial).toBeGreaterThan(0.05);
    expect(partial).toBeLessThan(0.16);
  });

  it('delivers some lines later than first promised (about a tenth) and rates a fifth of delivered orders', () => {
    const delivered = orders.filter((o) => o.status === 'delivered');
    const lines = delivered.flatMap((o) =>
      o.shipments.flatMap((s) =>
        s.lines.map(
          ({ line }) => new Date(s.deliveredAt ?? 0).toISOString().slice(0, 10) > line.firstPromisedDate,
        ),
      ),
    );
    const late = lines.filter(Boolean).length / lines.length;
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.15);
    const rated = share(delivered, (o) => o.rating !== null);
    expect(rated).toBeGreaterThan(0.15);
    expect(rated).toBeLessThan(0.25);
  });
});
