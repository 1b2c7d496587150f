import { formatPercent, isPercentString, parsePercent } from './percent';

describe('percent', () => {
  it('parses into hundredths of a percent', () => {
    expect(parsePercent('12.5')).toBe(1250n);
    expect(parsePercent('3.75')).toBe(375n);
    expect(parsePercent('100')).toBe(10_000n);
    expect(parsePercent('0')).toBe(0n);
  });

  it('accepts 0 to 100 with at most two decimals', () => {
    for (const good of ['0', '5', '12.5', '99.99', '100', '100.00']) expect(isPercentString(good)).toBe(true);
    for (const bad of ['-1', '100.01', '101', '1.234', '', 'ten', '1e2'])
      expect(isPercentString(bad)).toBe(false);
  });

  it('formats without trailing zeros', () => {
    expect(formatPercent(1250n)).toBe('12.5');
    expect(formatPercent(1000n)).toBe('10');
    expect(formatPercent(375n)).toBe('3.75');
  });
});
