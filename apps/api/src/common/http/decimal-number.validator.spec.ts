import { hasAtMostDecimalPlaces } from './decimal-number.validator';

describe('hasAtMostDecimalPlaces', () => {
  it.each([12.5, 0.001, 999_999, 1e21, 0])('accepts %p to 3 places', (value) => {
    expect(hasAtMostDecimalPlaces(value, 3)).toBe(true);
  });

  it.each([1e-7, 5e-324, 0.0005, 1.2345, Number.NaN, Number.POSITIVE_INFINITY, '1.5', null])(
    'refuses %p to 3 places without throwing',
    (value) => {
      expect(hasAtMostDecimalPlaces(value, 3)).toBe(false);
    },
  );
});
