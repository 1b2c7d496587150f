import fc from 'fast-check';
import { MAX_LINE_QUANTITY, nearestOrderable, quantityProblem } from './order-quantity';

const cases = { minOrderQty: 12, orderMultiple: 6 };

describe('order quantities', () => {
  it('accepts whole packs at or above the minimum', () => {
    expect(quantityProblem(12, cases)).toBeNull();
    expect(quantityProblem(18, cases)).toBeNull();
  });

  it('explains every refusal', () => {
    expect(quantityProblem(0, cases)).toBe('must be a positive whole number');
    expect(quantityProblem(-1, cases)).toBe('must be a positive whole number');
    expect(quantityProblem(1.5, cases)).toBe('must be a positive whole number');
    expect(quantityProblem('12', cases)).toBe('must be a positive whole number');
    expect(quantityProblem(null, cases)).toBe('must be a positive whole number');
    expect(quantityProblem(Number.NaN, cases)).toBe('must be a positive whole number');
    expect(quantityProblem(1e9, cases)).toBe('must be at most 1000000');
    expect(quantityProblem(6, cases)).toBe('must be at least 12 (the minimum order)');
    expect(quantityProblem(15, cases)).toBe('must be a multiple of 6 (sold in packs of 6)');
  });

  it('suggests the nearest orderable quantity, which is always orderable', () => {
    expect(nearestOrderable(15, cases)).toBe(18);
    expect(nearestOrderable(1, cases)).toBe(12);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        (quantity, packs, multiple) => {
          const rules = { minOrderQty: packs * multiple, orderMultiple: multiple };
          const suggestion = nearestOrderable(quantity, rules) ?? Number.NaN;
          expect(quantityProblem(suggestion, rules)).toBeNull();
          expect(suggestion).toBeGreaterThanOrEqual(quantity);
          expect(suggestion - Math.max(quantity, rules.minOrderQty)).toBeLessThan(multiple);
        },
      ),
    );
  });

  it('never suggests more than the maximum: a huge quantity gets the largest whole pack within it', () => {
    expect(nearestOrderable(10_000_000, { minOrderQty: 1, orderMultiple: 1 })).toBe(1_000_000);
    expect(nearestOrderable(9_999_999, { minOrderQty: 10, orderMultiple: 10 })).toBe(1_000_000);
    expect(nearestOrderable(999_999, { minOrderQty: 7, orderMultiple: 7 })).toBe(999_999);
    expect(nearestOrderable(1_000_000, { minOrderQty: 6, orderMultiple: 6 })).toBe(999_996);
    expect(nearestOrderable(5, { minOrderQty: 2_000_000, orderMultiple: 1 })).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (quantity, packs, multiple) => {
          const rules = { minOrderQty: packs * multiple, orderMultiple: multiple };
          const suggestion = nearestOrderable(quantity, rules);
          if (suggestion === null) return;
          expect(quantityProblem(suggestion, rules)).toBeNull();
          expect(suggestion).toBeLessThanOrEqual(MAX_LINE_QUANTITY);
        },
      ),
    );
  });
});
