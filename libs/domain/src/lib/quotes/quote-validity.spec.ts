import fc from 'fast-check';
import { addCalendarDays } from '../availability/calendar';
import {
  defaultValidUntil,
  expiryNoticeDue,
  quoteStillValid,
  quoteToday,
  validUntilProblem,
} from './quote-validity';

const ZONES = [
  'America/Chicago',
  'Europe/Berlin',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'UTC',
  'America/St_Johns',
];

describe('quote validity', () => {
  it('holds to the end of validUntil in the deployment time zone', () => {
    // 2027-03-10 23:59:59 in Chicago (CST, UTC−6) is 05:59:59 UTC on the 11th.
    expect(quoteStillValid('2027-03-10', new Date('2027-03-11T05:59:59.999Z'), 'America/Chicago')).toBe(true);
    expect(quoteStillValid('2027-03-10', new Date('2027-03-11T06:00:00.000Z'), 'America/Chicago')).toBe(
      false,
    );
    // The same instant in Berlin is already the 11th.
    expect(quoteStillValid('2027-03-10', new Date('2027-03-10T23:00:00.000Z'), 'Europe/Berlin')).toBe(false);
  });

  it('holds across the DST change at the end of the day (property over zones and instants)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -5, max: 5 }),
        (zone, now, offset) => {
          const today = quoteToday(now, zone);
          const validUntil = addCalendarDays(today, offset);
          expect(quoteStillValid(validUntil, now, zone)).toBe(offset >= 0);
        },
      ),
    );
  });

  it('is valid the last millisecond of its day and not the next (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (zone, now) => {
          const day = quoteToday(now, zone);
          // Walk forward a minute at a time is too slow; find the first instant of the next local day by bisection.
          let low = now.getTime();
          let high = now.getTime() + 27 * 3_600_000;
          while (high - low > 1) {
            const mid = Math.floor((low + high) / 2);
            if (quoteToday(new Date(mid), zone) === day) low = mid;
            else high = mid;
          }
          expect(quoteStillValid(day, new Date(low), zone)).toBe(true);
          expect(quoteStillValid(day, new Date(high), zone)).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('defaults to 30 days', () => {
    expect(defaultValidUntil('2027-01-15')).toBe('2027-02-14');
  });

  it('refuses a date in the past, too far ahead, or not a date', () => {
    expect(validUntilProblem('2027-01-14', '2027-01-15')).toMatch(/before today/);
    expect(validUntilProblem('2027-01-15', '2027-01-15')).toBeNull();
    expect(validUntilProblem('2028-02-01', '2027-01-15')).toMatch(/at most/);
    expect(validUntilProblem('2027-02-30', '2027-01-15')).toMatch(/date/);
  });

  it('is due the expiry notice in the last 3 days while the prices hold', () => {
    expect(expiryNoticeDue('2027-01-20', '2027-01-16')).toBe(false);
    expect(expiryNoticeDue('2027-01-20', '2027-01-17')).toBe(true);
    expect(expiryNoticeDue('2027-01-20', '2027-01-20')).toBe(true);
    expect(expiryNoticeDue('2027-01-20', '2027-01-21')).toBe(false);
  });
});
