import fc from 'fast-check';
import { IsoDate } from './calendar';
import {
  consumeSupply,
  firstUnitDates,
  InboundSupply,
  LinePromise,
  ProductSupply,
  promiseDays,
  PromiseSettings,
  promiseLine,
  promiseLines,
} from './promise';

// domain.md's worked example: cut-off 14:00, handling 1, transit 2, holiday Wed 2027-03-03.
// New York is UTC−5 until Sun 2027-03-14, UTC−4 after.
const example: PromiseSettings = {
  timeZone: 'America/New_York',
  cutoffTime: '14:00',
  handlingDays: 1,
  transitDays: 2,
  holidays: new Set(['2027-03-03']),
};
const exampleSupply: ProductSupply = {
  available: 5,
  inbound: [{ id: 'po-1', expectedDate: '2027-03-10', unpromised: 10 }],
  leadTimeDays: 10,
};
const at = (iso: string) => new Date(iso);
const promiseAt = (instant: string, quantity: number, supply = exampleSupply, settings = example) =>
  promiseLine(quantity, supply, settings, promiseDays(at(instant), settings));

describe("domain.md's worked example", () => {
  it('splits 20 ordered Mon 2027-03-01 10:00 into stock, inbound and supplier', () => {
    // T0 = Mon 03-01 (before cut-off); D0 = T0 + 1 = Tue 03-02.
    // 5 from stock ship D0, deliver Tue + 2 over the Wed holiday = Fri 03-05.
    // 10 inbound expected Wed 03-10 ship 1 business day later: Thu 03-11, deliver Mon 03-15.
    // 5 from the supplier: T0 + (10 + 1) business days over the holiday = Wed 03-17, deliver Fri 03-19.
    const promise = promiseAt('2027-03-01T15:00:00Z', 20);
    expect(promise.splits).toEqual([
      { qty: 5, shipDate: '2027-03-02', deliveryDate: '2027-03-05', source: 'stock' },
      { qty: 10, shipDate: '2027-03-11', deliveryDate: '2027-03-15', source: 'inbound' },
      { qty: 5, shipDate: '2027-03-17', deliveryDate: '2027-03-19', source: 'supplier' },
    ]);
    expect(promise.fromStock).toBe(5);
    expect(promise.allocations).toEqual([{ inboundId: 'po-1', qty: 10 }]);
    expect(promise.fromSupplier).toBe(5);
  });

  it('ships a stocked unit ordered Fri 2027-03-05 15:00 on Tue 03-09', () => {
    // After the cut-off on a Friday: T0 = Mon 03-08, D0 = Tue 03-09.
    const promise = promiseAt('2027-03-05T20:00:00Z', 1);
    expect(promise.splits).toEqual([
      { qty: 1, shipDate: '2027-03-09', deliveryDate: '2027-03-11', source: 'stock' },
    ]);
  });

  it('gives the ship-complete date as the latest split', () => {
    const order = promiseLines(
      [{ key: 'p', quantity: 20 }],
      () => exampleSupply,
      example,
      at('2027-03-01T15:00:00Z'),
    );
    expect(order.days).toEqual({ orderDate: '2027-03-01', firstDispatchDate: '2027-03-02' });
    expect(order.shipComplete).toEqual({ shipDate: '2027-03-17', deliveryDate: '2027-03-19' });
  });
});

describe('the order day and the cut-off', () => {
  const t0 = (instant: string, settings = example) => promiseDays(at(instant), settings);

  it('13:59 counts today, 14:00 counts from the next business day', () => {
    expect(t0('2027-03-01T18:59:00Z')).toEqual({ orderDate: '2027-03-01', firstDispatchDate: '2027-03-02' });
    expect(t0('2027-03-01T19:00:00Z')).toEqual({ orderDate: '2027-03-02', firstDispatchDate: '2027-03-04' });
  });

  it('Friday evening counts from Monday', () => {
    expect(t0('2027-03-05T23:30:00Z').orderDate).toBe('2027-03-08'); // Fri 18:30 local
    expect(t0('2027-03-06T15:00:00Z').orderDate).toBe('2027-03-08'); // Saturday morning
  });

  it('the day before a holiday, after the cut-off, skips the holiday', () => {
    // Tue 03-02 15:00 local: T0 is Thu 03-04 (Wed is a holiday), D0 Fri 03-05.
    expect(t0('2027-03-02T20:00:00Z')).toEqual({ orderDate: '2027-03-04', firstDispatchDate: '2027-03-05' });
    // On the holiday itself, even at 09:00.
    expect(t0('2027-03-03T14:00:00Z').orderDate).toBe('2027-03-04');
  });

  it('keeps the cut-off on the local clock across a DST change', () => {
    // Sun 2027-03-14 New York moves to UTC−4: 14:00 local is 19:00Z before, 18:00Z after.
    expect(t0('2027-03-12T18:59:00Z').orderDate).toBe('2027-03-12'); // Fri 13:59 EST
    expect(t0('2027-03-12T19:00:00Z').orderDate).toBe('2027-03-15'); // Fri 14:00 EST
    expect(t0('2027-03-15T17:59:00Z').orderDate).toBe('2027-03-15'); // Mon 13:59 EDT
    expect(t0('2027-03-15T18:00:00Z').orderDate).toBe('2027-03-16'); // Mon 14:00 EDT
    // And back in November (UTC−5 again from Sun 2027-11-07).
    expect(t0('2027-11-08T18:59:00Z').orderDate).toBe('2027-11-08');
    expect(t0('2027-11-08T19:00:00Z').orderDate).toBe('2027-11-09');
  });

  it('reads the local date, not the UTC one', () => {
    // 03:00Z Tue is still Mon 22:00 in New York: after the cut-off, so Tue.
    expect(t0('2027-03-02T03:00:00Z').orderDate).toBe('2027-03-02');
    // 23:00Z Mon is already Tue 08:00 in Tokyo: before the cut-off.
    expect(t0('2027-03-01T23:00:00Z', { ...example, timeZone: 'Asia/Tokyo' }).orderDate).toBe('2027-03-02');
  });
});

describe('promise rules', () => {
  const monday = '2027-03-01T15:00:00Z';

  it('ships everything on D0 when stock covers it', () => {
    expect(promiseAt(monday, 5).splits).toEqual([
      { qty: 5, shipDate: '2027-03-02', deliveryDate: '2027-03-05', source: 'stock' },
    ]);
  });

  it('ships the inbound part after the receipt that completes it', () => {
    const supply: ProductSupply = {
      available: 0,
      inbound: [
        { id: 'late', expectedDate: '2027-03-24', unpromised: 10 },
        { id: 'early', expectedDate: '2027-03-10', unpromised: 4 },
      ],
      leadTimeDays: 30,
    };
    const promise = promiseAt(monday, 8, supply);
    // 4 from 'early', 4 from 'late': the shortfall is complete once 'late' lands (Wed 03-24), ships Thu 03-25.
    expect(promise.allocations).toEqual([
      { inboundId: 'early', qty: 4 },
      { inboundId: 'late', qty: 4 },
    ]);
    expect(promise.splits).toEqual([
      { qty: 8, shipDate: '2027-03-25', deliveryDate: '2027-03-29', source: 'inbound' },
    ]);
  });

  it('never ships an overdue receipt before D0', () => {
    const supply: ProductSupply = {
      available: 0,
      inbound: [{ id: 'overdue', expectedDate: '2027-02-20', unpromised: 5 }],
      leadTimeDays: 0,
    };
    expect(promiseAt(monday, 7, supply).splits).toEqual([
      { qty: 5, shipDate: '2027-03-02', deliveryDate: '2027-03-05', source: 'inbound' },
      { qty: 2, shipDate: '2027-03-02', deliveryDate: '2027-03-05', source: 'supplier' },
    ]);
  });

  it('treats reserved beyond on hand as nothing available', () => {
    const promise = promiseAt(monday, 3, { available: -4, inbound: [], leadTimeDays: 2 });
    expect(promise.fromStock).toBe(0);
    // Supplier: T0 Mon + (2 + 1) business days over Wed's holiday = Fri 03-05; + 2 = Tue 03-09.
    expect(promise.splits).toEqual([
      { qty: 3, shipDate: '2027-03-05', deliveryDate: '2027-03-09', source: 'supplier' },
    ]);
  });

  it('lets lines of one product share supply without double-promising', () => {
    const order = promiseLines(
      [
        { key: 'p', quantity: 4 },
        { key: 'p', quantity: 4 },
      ],
      () => exampleSupply,
      example,
      at(monday),
    );
    expect(order.lines[0].splits.map((s) => [s.qty, s.source])).toEqual([[4, 'stock']]);
    expect(order.lines[1].splits.map((s) => [s.qty, s.source])).toEqual([
      [1, 'stock'],
      [3, 'inbound'],
    ]);
  });

  it("gives the catalog's first-unit dates", () => {
    const days = promiseDays(at(monday), example);
    expect(firstUnitDates(exampleSupply, example, days)).toEqual({
      shipDate: '2027-03-02',
      deliveryDate: '2027-03-05',
    });
    expect(firstUnitDates({ ...exampleSupply, available: 0 }, example, days).shipDate).toBe('2027-03-11');
    expect(firstUnitDates({ available: 0, inbound: [], leadTimeDays: 10 }, example, days).shipDate).toBe(
      '2027-03-17',
    );
  });

  it('refuses a quantity that is not a positive integer', () => {
    expect(() => promiseAt(monday, 0)).toThrow(RangeError);
    expect(() => promiseAt(monday, 1.5)).toThrow(RangeError);
  });
});

// ---- properties ---------------------------------------------------------------

const zones = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Sydney',
  'UTC',
];
const dayMs = 86_400_000;
const base = Date.UTC(2026, 0, 1);
const dateAt = (offset: number): IsoDate => new Date(base + offset * dayMs).toISOString().slice(0, 10);

const settingsArb = fc.record({
  timeZone: fc.constantFrom(...zones),
  cutoffTime: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  handlingDays: fc.integer({ min: 0, max: 5 }),
  transitDays: fc.integer({ min: 0, max: 7 }),
  holidays: fc
    .uniqueArray(fc.integer({ min: 0, max: 800 }), { maxLength: 30 })
    .map((o) => new Set(o.map(dateAt))),
});
const inboundArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    expectedDate: fc.integer({ min: 0, max: 700 }).map(dateAt),
    unpromised: fc.integer({ min: 0, max: 40 }),
  }),
  { maxLength: 6, selector: (receipt) => receipt.id },
);
const supplyArb = fc.record({
  available: fc.integer({ min: -5, max: 60 }),
  inbound: inboundArb,
  leadTimeDays: fc.integer({ min: 0, max: 40 }),
});
const instantArb = fc
  .integer({ min: 0, max: 365 * 24 * 60 })
  .map((minutes) => new Date(base + minutes * 60_000));

describe('promise invariants', () => {
  it('splits sum to the quantity, never ship before D0, deliver after shipping, in date order', () => {
    fc.assert(
      fc.property(
        settingsArb,
        supplyArb,
        instantArb,
        fc.integer({ min: 1, max: 200 }),
        (settings, supply, instant, qty) => {
          const days = promiseDays(instant, settings);
          const promise = promiseLine(qty, supply, settings, days);
          expect(promise.splits.reduce((sum, split) => sum + split.qty, 0)).toBe(qty);
          expect(
            promise.fromStock + promise.allocations.reduce((s, a) => s + a.qty, 0) + promise.fromSupplier,
          ).toBe(qty);
          for (const split of promise.splits) {
            expect(split.qty).toBeGreaterThan(0);
            expect(split.shipDate >= days.firstDispatchDate).toBe(true);
            expect(split.deliveryDate >= split.shipDate).toBe(true);
          }
          const dates = promise.splits.map((split) => split.shipDate);
          expect([...dates].sort()).toEqual(dates);
          expect(days.firstDispatchDate >= days.orderDate).toBe(true);
          expect(days.orderDate >= new Date(instant.getTime() - dayMs).toISOString().slice(0, 10)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never promises more stock than is available nor more of a receipt than is unpromised', () => {
    fc.assert(
      fc.property(
        settingsArb,
        supplyArb,
        instantArb,
        fc.integer({ min: 1, max: 200 }),
        (settings, supply, instant, qty) => {
          const promise = promiseLine(qty, supply, settings, promiseDays(instant, settings));
          expect(promise.fromStock).toBeLessThanOrEqual(Math.max(0, supply.available));
          for (const allocation of promise.allocations) {
            const receipt = supply.inbound.find((r) => r.id === allocation.inboundId) as InboundSupply;
            expect(allocation.qty).toBeGreaterThan(0);
            expect(allocation.qty).toBeLessThanOrEqual(receipt.unpromised);
          }
          // Backorder only once stock and every receipt are exhausted.
          if (promise.fromSupplier > 0) {
            expect(promise.fromStock).toBe(Math.max(0, supply.available));
            const inboundTotal = supply.inbound.reduce((s, r) => s + r.unpromised, 0);
            expect(promise.allocations.reduce((s, a) => s + a.qty, 0)).toBe(inboundTotal);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('over any sequence of promises, no unit is ever promised twice', () => {
    // The ledger: start from real stock and receipts; each step promises a new
    // order against what is left. At every step, what is promised plus what is
    // left must equal what exists, per unit source. (Cancelling gives units back
    // in the database, which the API's specs check.)
    const stepArb = fc.record({ qty: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(
        settingsArb,
        supplyArb,
        instantArb,
        fc.array(stepArb, { maxLength: 40 }),
        (settings, start, instant, steps) => {
          const initial: ProductSupply = { ...start, available: Math.max(0, start.available) };
          const days = promiseDays(instant, settings);
          let supply = initial;
          const open: LinePromise[] = [];
          for (const step of steps) {
            const promise = promiseLine(step.qty, supply, settings, days);
            open.push(promise);
            supply = consumeSupply(supply, promise);
            const reservedStock = open.reduce((s, p) => s + p.fromStock, 0);
            expect(supply.available).toBeGreaterThanOrEqual(0);
            expect(reservedStock + supply.available).toBe(initial.available);
            for (const receipt of initial.inbound) {
              const allocated = open
                .flatMap((p) => p.allocations)
                .filter((a) => a.inboundId === receipt.id)
                .reduce((s, a) => s + a.qty, 0);
              const left = supply.inbound.find((r) => r.id === receipt.id) as InboundSupply;
              expect(left.unpromised).toBeGreaterThanOrEqual(0);
              expect(allocated + left.unpromised).toBe(receipt.unpromised);
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('is deterministic and a later order never ships earlier for the same supply', () => {
    fc.assert(
      fc.property(
        settingsArb,
        supplyArb,
        instantArb,
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        fc.integer({ min: 1, max: 100 }),
        (settings, supply, instant, delayMinutes, qty) => {
          const early = promiseLine(qty, supply, settings, promiseDays(instant, settings));
          expect(promiseLine(qty, supply, settings, promiseDays(instant, settings))).toEqual(early);
          const later = promiseLine(
            qty,
            supply,
            settings,
            promiseDays(new Date(instant.getTime() + delayMinutes * 60_000), settings),
          );
          const last = (p: LinePromise) => p.splits[p.splits.length - 1].shipDate;
          expect(last(later) >= last(early)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
