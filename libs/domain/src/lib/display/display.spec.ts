import { channelDisplayName } from './channels';
import {
  formatDisplayDate,
  formatDisplayDateTime,
  formatDisplayMonth,
  timeGroupLabel,
  withDisplayDates,
} from './dates';
import { formatMoneyForDisplay } from './money-display';
import { formatFixed, formatShareAsPercent, formatShareNumber } from './numbers';

describe('dates in the one display style', () => {
  it('shows calendar dates as "6 Dec 2026", never shifted by a time zone', () => {
    expect(formatDisplayDate('2026-12-06')).toBe('6 Dec 2026');
    expect(formatDisplayDate('2027-01-01')).toBe('1 Jan 2027');
    expect(formatDisplayDate('2027-02-30')).toBe('2027-02-30');
    expect(formatDisplayDate('soon')).toBe('soon');
  });

  it('shows months and instants', () => {
    expect(formatDisplayMonth('2026-12')).toBe('Dec 2026');
    expect(formatDisplayDateTime('2026-12-06T14:05:09Z', { timeZone: 'UTC' })).toBe('6 Dec 2026, 14:05');
    expect(formatDisplayDateTime('2026-12-06T23:30:00Z', { timeZone: 'Europe/Berlin' })).toBe(
      '7 Dec 2026, 00:30',
    );
    expect(formatDisplayDateTime('2026-12-06T14:05:09Z', { timeZone: 'UTC', seconds: true })).toBe(
      '6 Dec 2026, 14:05:09',
    );
    expect(formatDisplayDateTime('not a time')).toBe('not a time');
  });

  it('follows a locale when given one', () => {
    expect(formatDisplayDate('2026-12-06', 'en-US')).toBe('Dec 6, 2026');
  });

  it('labels report groups and the dates inside a message', () => {
    expect(timeGroupLabel('day', '2026-12-06')).toBe('6 Dec 2026');
    expect(timeGroupLabel('week', '2026-11-30')).toBe('Week of 30 Nov 2026');
    expect(timeGroupLabel('month', '2026-12')).toBe('Dec 2026');
    expect(withDisplayDates('SKU-1: 2026-12-10 → 2026-12-14')).toBe('SKU-1: 10 Dec 2026 → 14 Dec 2026');
  });
});

describe('money in the one display style', () => {
  it('groups thousands and keeps every cent, by string work only', () => {
    expect(formatMoneyForDisplay('5308.9')).toBe('$5,308.90');
    expect(formatMoneyForDisplay('-1234567.05', 'USD')).toBe('-$1,234,567.05');
    expect(formatMoneyForDisplay('0.10', 'EUR')).toBe('€0.10');
    expect(formatMoneyForDisplay('12.00', 'CHF')).toBe('CHF 12.00');
    expect(formatMoneyForDisplay('about 3')).toBe('about 3');
  });
});

describe('fixed decimals', () => {
  it('drops the float noise of divisions', () => {
    expect(formatFixed(166.89999999999998, 1)).toBe('166.9');
    expect(formatFixed(1.005, 2)).toBe('1.01');
    expect(formatFixed(-0.04, 1)).toBe('0.0');
    expect(formatFixed(-2.25, 1)).toBe('-2.3');
    expect(() => formatFixed(Number.NaN, 1)).toThrow(RangeError);
  });

  it('shows shares as percentages', () => {
    expect(formatShareNumber(0.8991467950120324)).toBe('89.9');
    expect(formatShareNumber(1799 / 2000, 2)).toBe('89.95');
    expect(formatShareNumber(1799 / 2000)).toBe('90.0');
    expect(formatShareAsPercent(0.5)).toBe('50.0%');
    expect(formatShareAsPercent(null)).toBe('—');
  });
});

describe('channel names', () => {
  it('names the built-in channels and integrations', () => {
    expect(channelDisplayName('api')).toBe('API');
    expect(channelDisplayName('portal')).toBe('Portal');
    expect(channelDisplayName('standing')).toBe('Standing order');
    expect(channelDisplayName('acme-edi_feed')).toBe('Acme Edi Feed');
  });
});
