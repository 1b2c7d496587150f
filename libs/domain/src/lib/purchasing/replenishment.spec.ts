import fc from 'fast-check';
import { averageDailyDemand, demandOver, replenishment, replenishmentLeadTime } from './replenishment';

const base = { leadTimeDays: 10, safetyDays: 5, reviewDays: 10, available: 20, onOrder: 10, packSize: 12 };

describe('replenishment', () => {
  it('suggests up to the order-up-to level, in whole packs, at the reorder point', () => {
    // 270 units in 90 days: d = 3.00 a day.
    // Reorder point: 3 × (10 lead + 5 safety) = 45. Order-up-to: 3 × (10 + 5 + 10) = 75.
    // Position: 20 available + 10 on order = 30 ≤ 45, so buy 75 − 30 = 45, in packs of 12: 48.
    expect(replenishment({ ...base, unitsOrdered: 270 })).toEqual({
      averageDailyDemand: '3.00',
      reorderPoint: 45,
      orderUpTo: 75,
      suggestedQty: 48,
    });
  });

  it('rounds each level up to whole units, from units × days ÷ 90', () => {
    // 100 units: d = 1.111… shown as 1.11.
    // Reorder point: ⌈100 × 15 ÷ 90⌉ = ⌈16.67⌉ = 17, from the units, not from the rounded 1.11.
    // Order-up-to: ⌈100 × 25 ÷ 90⌉ = ⌈27.78⌉ = 28. Position 30 > 17: nothing to buy.
    expect(replenishment({ ...base, unitsOrdered: 100 })).toEqual({
      averageDailyDemand: '1.11',
      reorderPoint: 17,
      orderUpTo: 28,
      suggestedQty: 0,
    });
  });

  it('suggests when the position equals the reorder point, not above it', () => {
    // 90 units: d = 1, reorder point 15, order-up-to 25.
    const at = (available: number) =>
      replenishment({ ...base, unitsOrdered: 90, available, onOrder: 0, packSize: null }).suggestedQty;
    expect(at(15)).toBe(10); // 25 − 15
    expect(at(16)).toBe(0);
  });

  it('counts negative availability (more reserved than on hand) as none', () => {
    // 90 units: order-up-to 25; position max(0, −4) + 0 = 0.
    expect(
      replenishment({ ...base, unitsOrdered: 90, available: -4, onOrder: 0, packSize: null }).suggestedQty,
    ).toBe(25);
  });

  it('suggests nothing without demand, even with nothing in stock', () => {
    expect(replenishment({ ...base, unitsOrdered: 0, available: 0, onOrder: 0 })).toEqual({
      averageDailyDemand: '0.00',
      reorderPoint: 0,
      orderUpTo: 0,
      suggestedQty: 0,
    });
  });

  it('shows d to the hundredth, halves up', () => {
    expect(averageDailyDemand(1)).toBe('0.01'); // 0.0111…
    expect(averageDailyDemand(4)).toBe('0.04'); // 0.0444…
    expect(averageDailyDemand(5)).toBe('0.06'); // 0.0555… → 0.06
    expect(averageDailyDemand(294)).toBe('3.27'); // 3.2666…
    expect(averageDailyDemand(9000)).toBe('100.00');
  });

  it('takes the primary supplier lead time, else the product one', () => {
    expect(replenishmentLeadTime(7, 20)).toBe(7);
    expect(replenishmentLeadTime(0, 20)).toBe(0);
    expect(replenishmentLeadTime(null, 20)).toBe(20);
  });

  it('refuses inputs that are not whole numbers', () => {
    expect(() => replenishment({ ...base, unitsOrdered: -1 })).toThrow(RangeError);
    expect(() => replenishment({ ...base, unitsOrdered: 10, safetyDays: 1.5 })).toThrow(RangeError);
    expect(() => replenishment({ ...base, unitsOrdered: 10, available: 0.5 })).toThrow(RangeError);
  });

  it('keeps each level the least whole number at or above d × days', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(400), (units, days) => {
        const level = demandOver(units, days);
        // level ≥ units × days ÷ 90 > level − 1, checked in whole numbers.
        expect(level * 90).toBeGreaterThanOrEqual(units * days);
        expect((level - 1) * 90).toBeLessThan(units * days === 0 ? 1 : units * days);
      }),
    );
  });

  it('brings a due position to the order-up-to level, less than a pack beyond it, and buys less the more is on order', () => {
    const input = fc.record({
      unitsOrdered: fc.nat(50_000),
      leadTimeDays: fc.nat(60),
      safetyDays: fc.nat(30),
      reviewDays: fc.nat(30),
      available: fc.integer({ min: -50, max: 5_000 }),
      onOrder: fc.nat(5_000),
      packSize: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    });
    fc.assert(
      fc.property(input, fc.nat(200), (i, more) => {
        const r = replenishment(i);
        const position = Math.max(0, i.available) + i.onOrder;
        expect(r.reorderPoint).toBeLessThanOrEqual(r.orderUpTo);
        if (r.suggestedQty > 0) {
          expect(position).toBeLessThanOrEqual(r.reorderPoint);
          expect(position + r.suggestedQty).toBeGreaterThanOrEqual(r.orderUpTo);
          expect(position + r.suggestedQty - r.orderUpTo).toBeLessThan(i.packSize ?? 1);
          if (i.packSize !== null) expect(r.suggestedQty % i.packSize).toBe(0);
        }
        expect(replenishment({ ...i, onOrder: i.onOrder + more }).suggestedQty).toBeLessThanOrEqual(
          r.suggestedQty,
        );
      }),
    );
  });
});
