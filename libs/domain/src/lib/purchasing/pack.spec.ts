import fc from 'fast-check';
import { ceilDiv, roundUpToPack } from './pack';

describe('rounding up to the supplier pack', () => {
  it('buys whole packs, never fewer units than needed', () => {
    expect(roundUpToPack(0, 12)).toBe(0); // nothing needed, nothing bought
    expect(roundUpToPack(1, 12)).toBe(12); // one unit short still buys a pack
    expect(roundUpToPack(12, 12)).toBe(12); // exactly a pack
    expect(roundUpToPack(13, 12)).toBe(24); // 13 = 12 + 1: a second pack
    expect(roundUpToPack(7, 1)).toBe(7);
    expect(roundUpToPack(7, null)).toBe(7); // no supply, no pack: units
  });

  it('refuses what is not a quantity or a pack', () => {
    expect(() => roundUpToPack(-1, 5)).toThrow(RangeError);
    expect(() => roundUpToPack(1.5, 5)).toThrow(RangeError);
    expect(() => roundUpToPack(3, 0)).toThrow(RangeError);
  });

  it('is the smallest multiple of the pack at or above the quantity', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 500 }), (qty, pack) => {
        const bought = roundUpToPack(qty, pack);
        expect(bought % pack).toBe(0);
        expect(bought).toBeGreaterThanOrEqual(qty);
        expect(bought - qty).toBeLessThan(pack);
      }),
    );
  });

  it('divides rounding up, exactly, even near the largest safe integers', () => {
    expect(ceilDiv(0, 90)).toBe(0);
    expect(ceilDiv(1, 90)).toBe(1);
    expect(ceilDiv(180, 90)).toBe(2);
    expect(ceilDiv(181, 90)).toBe(3);
    // 2^53 − 1 = 9007199254740991 = 90 × 100079991719344 + 31: one more than the quotient.
    expect(ceilDiv(Number.MAX_SAFE_INTEGER, 90)).toBe(100079991719345);
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        const q = ceilDiv(a, b);
        expect(q * b).toBeGreaterThanOrEqual(a);
        expect((q - 1) * b).toBeLessThan(a === 0 ? 1 : a);
      }),
    );
  });
});
