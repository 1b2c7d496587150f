import fc from 'fast-check';
import { aisleOf, compareBins, normalizeBin } from './bins';

describe('bins', () => {
  it('sorts naturally: digits as numbers, no bin last', () => {
    const bins = ['B-1', 'A-10', null, 'A-2', 'A-02-10', 'A-02-9', 'AA-1'];
    expect([...bins].sort(compareBins)).toEqual(['A-2', 'A-02-9', 'A-02-10', 'A-10', 'AA-1', 'B-1', null]);
  });

  it('is a total order: antisymmetric, transitive, and 0 only for equal bins', () => {
    const bin = fc.option(fc.stringMatching(/^[A-C0-9]{1,3}(-[A-C0-9]{1,3}){0,2}$/), { nil: null });
    fc.assert(
      fc.property(bin, bin, (a, b) => {
        expect(Math.sign(compareBins(a, b)) + Math.sign(compareBins(b, a))).toBe(0);
        expect(compareBins(a, b) === 0).toBe(a === b);
      }),
    );
    fc.assert(
      fc.property(bin, bin, bin, (a, b, c) => {
        if (compareBins(a, b) <= 0 && compareBins(b, c) <= 0)
          expect(compareBins(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('normalizes: trimmed, upper-cased, empty clears, bad shapes refused', () => {
    expect(normalizeBin(' a-01-03 ')).toEqual({ bin: 'A-01-03' });
    expect(normalizeBin('')).toEqual({ bin: null });
    expect(normalizeBin(null)).toEqual({ bin: null });
    expect(normalizeBin('A--1')).toHaveProperty('error');
    expect(normalizeBin('A 1')).toHaveProperty('error');
    expect(normalizeBin('-A')).toHaveProperty('error');
    expect(normalizeBin('A'.repeat(21))).toHaveProperty('error');
    expect(normalizeBin('A'.repeat(20))).toEqual({ bin: 'A'.repeat(20) });
  });

  it('names the aisle by the first segment', () => {
    expect(aisleOf('B-03-2')).toBe('B');
    expect(aisleOf('C')).toBe('C');
    expect(aisleOf(null)).toBeNull();
  });
});
