import fc from 'fast-check';
import { formatMoney, isMoneyString, normaliseMoney, parseMoney, sumMoney } from './money';

describe('money', () => {
  it('parses decimal strings into exact cents', () => {
    expect(parseMoney('1234.50')).toBe(123450n);
    expect(parseMoney('0.99')).toBe(99n);
    expect(parseMoney('12')).toBe(1200n);
    expect(parseMoney('12.5')).toBe(1250n);
    expect(parseMoney('-3.10')).toBe(-310n);
  });

  it('refuses what is not a two-decimal amount', () => {
    for (const bad of ['', '1e3', '12.345', ' 1', '1,000.00', 'NaN', '.5', '1.', '--1', '12345678901234']) {
      expect(isMoneyString(bad)).toBe(false);
      expect(() => parseMoney(bad)).toThrow(RangeError);
    }
  });

  it('formats with two decimals and no float drift', () => {
    expect(formatMoney(123450n)).toBe('1234.50');
    expect(formatMoney(5n)).toBe('0.05');
    expect(formatMoney(-5n)).toBe('-0.05');
    expect(formatMoney(0n)).toBe('0.00');
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is exact.
    expect(formatMoney(sumMoney([parseMoney('0.10'), parseMoney('0.20')]))).toBe('0.30');
  });

  it('normalises accepted forms', () => {
    expect(normaliseMoney('7')).toBe('7.00');
    expect(normaliseMoney('7.1')).toBe('7.10');
  });

  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (cents) => {
        expect(parseMoney(formatMoney(cents))).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });
});
