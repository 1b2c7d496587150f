import { formatMoneyDisplay, subtractMoney, toMoneyString } from './money-format';

describe('formatMoneyDisplay', () => {
  it.each([
    ['0', '$0.00'],
    ['1234.5', '$1,234.50'],
    ['1234567.89', '$1,234,567.89'],
    ['999.99', '$999.99'],
    ['-1000', '-$1,000.00'],
    // The largest amount the API carries keeps every cent.
    ['9999999999999.99', '$9,999,999,999,999.99'],
  ])('%s → %s', (input, shown) => {
    expect(formatMoneyDisplay(input)).toBe(shown);
  });

  it('shows the placeholder for a missing amount and passes odd text through', () => {
    expect(formatMoneyDisplay(null)).toBe('—');
    expect(formatMoneyDisplay('', 'No limit')).toBe('No limit');
    expect(formatMoneyDisplay('n/a')).toBe('n/a');
  });
});

describe('subtractMoney', () => {
  it('is exact where binary floats are not (0.3 − 0.1)', () => {
    expect(subtractMoney('0.30', '0.10')).toBe('0.20');
    expect(subtractMoney('50000.00', '50000.01')).toBe('-0.01');
  });
});

describe('toMoneyString', () => {
  it('normalises to two decimals', () => {
    expect(toMoneyString('12.5')).toBe('12.50');
    expect(toMoneyString(' 7 ')).toBe('7.00');
  });
});
