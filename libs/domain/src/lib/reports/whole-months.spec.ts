import { addCalendarDays } from '../availability/calendar';
import { periodByMonths } from './whole-months';

/** Every day of the period, once: each month's days and the edge days, expanded. */
function coveredDays(from: string, to: string): string[] {
  const { months, days } = periodByMonths(from, to);
  const covered: string[] = [];
  const range = (first: string, last: string) => {
    for (let day = first; day <= last; day = addCalendarDays(day, 1)) covered.push(day);
  };
  if (months) {
    for (let month = months.from; month <= months.to; month = `${addCalendarDays(month, 31).slice(0, 8)}01`) {
      range(month, addCalendarDays(`${addCalendarDays(month, 31).slice(0, 8)}01`, -1));
    }
  }
  for (const edge of days) range(edge.from, edge.to);
  return covered.sort();
}

describe('periodByMonths', () => {
  it('splits a period into whole months and edge days', () => {
    expect(periodByMonths('2027-01-15', '2027-04-10')).toEqual({
      months: { from: '2027-02-01', to: '2027-03-01' },
      days: [
        { from: '2027-01-15', to: '2027-01-31' },
        { from: '2027-04-01', to: '2027-04-10' },
      ],
    });
    expect(periodByMonths('2027-01-01', '2027-12-31')).toEqual({
      months: { from: '2027-01-01', to: '2027-12-01' },
      days: [],
    });
    expect(periodByMonths('2028-02-01', '2028-02-29')).toEqual({
      months: { from: '2028-02-01', to: '2028-02-01' },
      days: [],
    });
  });

  it('keeps days only when no whole month fits', () => {
    expect(periodByMonths('2027-01-02', '2027-01-31')).toEqual({
      months: null,
      days: [{ from: '2027-01-02', to: '2027-01-31' }],
    });
    expect(periodByMonths('2027-01-20', '2027-02-27')).toEqual({
      months: null,
      days: [{ from: '2027-01-20', to: '2027-02-27' }],
    });
    expect(periodByMonths('2027-03-09', '2027-03-09').months).toBeNull();
  });

  it('covers every day of any period exactly once', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
    for (let i = 0; i < 300; i++) {
      const from = addCalendarDays('2026-11-20', random(500));
      const to = addCalendarDays(from, random(400));
      const expected: string[] = [];
      for (let day = from; day <= to; day = addCalendarDays(day, 1)) expected.push(day);
      expect(coveredDays(from, to)).toEqual(expected);
    }
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => periodByMonths('2027-02-02', '2027-02-01')).toThrow(RangeError);
  });
});
