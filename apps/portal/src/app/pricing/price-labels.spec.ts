import { formatIsoDate, formatPercent, withReadableDates } from './price-labels';

describe('formatIsoDate', () => {
  it('shows a calendar date as the tables do, whatever the time zone', () => {
    expect(formatIsoDate('2027-03-31')).toBe('31 Mar 2027');
    expect(formatIsoDate('2027-01-01')).toBe('1 Jan 2027');
  });

  it('leaves what is not a date alone', () => {
    expect(formatIsoDate('open-ended')).toBe('open-ended');
    expect(formatIsoDate('2027-02-30x')).toBe('2027-02-30x');
  });
});

describe('withReadableDates', () => {
  it('rewrites every ISO date of a server message', () => {
    expect(withReadableDates('This window overlaps the contract price valid 2027-01-01 to 2027-06-30')).toBe(
      'This window overlaps the contract price valid 1 Jan 2027 to 30 Jun 2027',
    );
    expect(withReadableDates('valid 2027-01-01 to open-ended')).toBe('valid 1 Jan 2027 to open-ended');
  });
});

describe('formatPercent', () => {
  it('drops trailing zeros', () => {
    expect(formatPercent('12.50')).toBe('12.5');
    expect(formatPercent('10.00')).toBe('10');
  });
});
