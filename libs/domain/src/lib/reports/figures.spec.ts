import {
  averageOrderValue,
  meanRating,
  moneyChange,
  percentileOfHistogram,
  periodChange,
  share,
} from './figures';

describe('report figures', () => {
  it('averages order value to the cent, halves away from zero', () => {
    // 100.00 over 3 orders = 33.333… → 33.33; 100.01 over 2 = 50.005 → 50.01
    expect(averageOrderValue(10_000n, 3)).toBe(3_333n);
    expect(averageOrderValue(10_001n, 2)).toBe(5_001n);
    expect(averageOrderValue(-10_001n, 2)).toBe(-5_001n);
    expect(averageOrderValue(0n, 0)).toBeNull();
    expect(() => averageOrderValue(1n, -1)).toThrow(RangeError);
  });

  it('gives shares from 0 to 1, none for nothing measured', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 0)).toBeNull();
    expect(() => share(5, 4)).toThrow(RangeError);
  });

  it('compares a period with the one before', () => {
    expect(periodChange(120, 100)).toEqual({ current: 120, previous: 100, difference: 20, relative: 0.2 });
    expect(periodChange(5, 0).relative).toBeNull();
    expect(periodChange(null, 4)).toEqual({ current: null, previous: 4, difference: null, relative: null });
    expect(moneyChange(15_000n, 12_000n)).toEqual({
      current: 15_000n,
      previous: 12_000n,
      difference: 3_000n,
      relative: 0.25,
    });
    expect(moneyChange(1n, 0n).relative).toBeNull();
  });

  it('takes percentiles of a histogram as percentile_cont takes them of the values', () => {
    // Values 1, 2, 2, 3, 10 (hours): median 2; p90 rank 0.9 × 4 = 3.6 → 3 + 0.6 × (10 − 3) = 7.2
    const hours = new Map([
      [2, 2],
      [10, 1],
      [1, 1],
      [3, 1],
    ]);
    expect(percentileOfHistogram(hours, 0.5)).toBe(2);
    expect(percentileOfHistogram(hours, 0.9)).toBeCloseTo(7.2, 10);
    expect(percentileOfHistogram(hours, 0)).toBe(1);
    expect(percentileOfHistogram(hours, 1)).toBe(10);
    expect(percentileOfHistogram(new Map([[4, 1]]), 0.9)).toBe(4);
    expect(percentileOfHistogram(new Map(), 0.5)).toBeNull();
    // An even count: 1, 2, 3, 4 → median 2.5
    expect(
      percentileOfHistogram(
        new Map([
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
        ]),
        0.5,
      ),
    ).toBe(2.5);
  });
});

describe('meanRating', () => {
  it('averages to two decimals, null without ratings', () => {
    expect(meanRating(14, 3)).toBe(4.67);
    expect(meanRating(10, 2)).toBe(5);
    expect(meanRating(0, 0)).toBeNull();
    expect(() => meanRating(3, -1)).toThrow(RangeError);
  });
});
