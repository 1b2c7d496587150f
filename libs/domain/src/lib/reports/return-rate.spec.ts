import fc from 'fast-check';
import { compareRates, flaggedReturnRates, returnRate, type ReturnRateCounts } from './return-rate';

const counts = (key: string, returnedUnits: number, deliveredUnits: number): ReturnRateCounts => ({
  key,
  returnedUnits,
  deliveredUnits,
});

describe('return rate', () => {
  it('is returned ÷ delivered to 4 places, half up, null without deliveries', () => {
    expect(returnRate(1, 40)).toBe('0.0250');
    expect(returnRate(0, 7)).toBe('0.0000');
    expect(returnRate(7, 7)).toBe('1.0000');
    // 1 ÷ 3 = 0.33333 → 0.3333; 2 ÷ 3 = 0.66666 → 0.6667; 1 ÷ 20000 = 0.00005 → 0.0001 (half up)
    expect(returnRate(1, 3)).toBe('0.3333');
    expect(returnRate(2, 3)).toBe('0.6667');
    expect(returnRate(1, 20_000)).toBe('0.0001');
    expect(returnRate(1, 20_001)).toBe('0.0000');
    // Returns of earlier deliveries can outnumber this period's.
    expect(returnRate(5, 2)).toBe('2.5000');
    expect(returnRate(3, 0)).toBeNull();
    expect(returnRate(0, 0)).toBeNull();
  });

  it('refuses counts that are not whole units', () => {
    expect(() => returnRate(-1, 3)).toThrow(RangeError);
    expect(() => returnRate(1.5, 3)).toThrow(RangeError);
    expect(() => returnRate(1, Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
  });

  it('is exact: within half a ten-thousandth of the true ratio, at any size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (returned, delivered) => {
          const rate = returnRate(returned, delivered);
          expect(rate).toMatch(/^\d+\.\d{4}$/);
          // |rate × 10⁴ × delivered − returned × 10⁴| ≤ delivered ÷ 2, in integers.
          const scaled = BigInt((rate ?? '').replace('.', ''));
          const error = scaled * BigInt(delivered) - BigInt(returned) * 10_000n;
          const abs = error < 0n ? -error : error;
          expect(abs * 2n <= BigInt(delivered)).toBe(true);
          // Half up: an exact half is rounded away from zero.
          if (abs * 2n === BigInt(delivered)) expect(error > 0n).toBe(true);
        },
      ),
    );
  });

  it('orders the same way as the rates it rounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (r1, d1, r2, d2) => {
          const order = compareRates(counts('a', r1, d1), counts('b', r2, d2));
          const a = Number(returnRate(r1, d1));
          const b = Number(returnRate(r2, d2));
          if (order > 0) expect(a).toBeGreaterThanOrEqual(b);
          if (order < 0) expect(a).toBeLessThanOrEqual(b);
          if (order === 0) expect(a).toBe(b);
          expect(compareRates(counts('b', r2, d2), counts('a', r1, d1))).toBe(-order);
        },
      ),
    );
  });
});

describe('flagged return rates', () => {
  it('flags the top decile by rate among products with a rate, with at least 5 returned units', () => {
    // 20 products: the decile is the top 2.
    const rows = [
      counts('worst', 6, 20), // 0.30
      counts('few-returns', 4, 10), // 0.40, highest, but only 4 returned units
      counts('third', 10, 50), // 0.20, outside the top 2
      ...Array.from({ length: 17 }, (_, i) => counts(`p${i}`, 1, 100)),
    ];
    expect(flaggedReturnRates(rows)).toEqual(new Set(['worst']));
  });

  it('keeps ties with the last of the decile and leaves out products without deliveries', () => {
    const rows = [
      counts('a', 5, 10),
      counts('b', 10, 20), // ties with a
      counts('c', 1, 10),
      counts('no-deliveries', 9, 0),
    ];
    // 3 rated products: the decile is 1, and b ties with it.
    expect(flaggedReturnRates(rows)).toEqual(new Set(['a', 'b']));
    expect(flaggedReturnRates([])).toEqual(new Set());
    expect(flaggedReturnRates([counts('x', 9, 0)])).toEqual(new Set());
  });

  it('flags no more than a tenth plus ties, never under 5 returned units, always the highest eligible when it leads', () => {
    const row = fc.record({
      returnedUnits: fc.integer({ min: 0, max: 50 }),
      deliveredUnits: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (raw) => {
        const rows = raw.map((r, i) => ({ key: `k${i}`, ...r }));
        const flagged = flaggedReturnRates(rows);
        const rated = rows.filter((r) => r.deliveredUnits > 0);
        for (const key of flagged) {
          const r = rows.find((x) => x.key === key);
          expect(r && r.returnedUnits >= 5 && r.deliveredUnits > 0).toBe(true);
          // Fewer than a tenth of the rated products rate strictly higher.
          const higher = rated.filter((x) => r && compareRates(x, r) > 0).length;
          expect(higher).toBeLessThan(Math.ceil(rated.length / 10));
        }
        // Any eligible product rated at least as high as a flagged one is flagged too.
        for (const r of rated) {
          const beatsFlagged = [...flagged].some((key) => {
            const f = rows.find((x) => x.key === key);
            return f !== undefined && compareRates(r, f) >= 0;
          });
          if (beatsFlagged && r.returnedUnits >= 5) expect(flagged.has(r.key)).toBe(true);
        }
      }),
    );
  });
});
