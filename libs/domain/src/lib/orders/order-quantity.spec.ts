import fc from 'fast-check';
import { nearestOrderable, quantityProblem } from './order-quantity';

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
          const suggestion = nearestOrderable(quantity, rules);
          expect(quantityProblem(suggestion, rules)).toBeNull();
          expect(suggestion).toBeGreaterThanOrEqual(quantity);
          expect(suggestion - Math.max(quantity, rules.minOrderQty)).toBeLessThan(multiple);
        },
      ),
    );
  });
});
