import fc from 'fast-check';
import { addCalendarDays, calendarDaysBetween } from '../availability/calendar';
import {
  firstScheduledDate,
  isoWeekday,
  isScheduledDate,
  scheduledDateOnOrAfter,
  scheduleProblems,
  StandingSchedule,
} from './schedule';

/** Consecutive schedule dates from the start, by stepping one day past each. */
function runs(schedule: StandingSchedule, startDate: string, count: number): string[] {
  const dates: string[] = [];
  let from = startDate;
  while (dates.length < count) {
    const date = scheduledDateOnOrAfter(schedule, startDate, from);
    dates.push(date);
    from = addCalendarDays(date, 1);
  }
  return dates;
}

const anyDate = fc.integer({ min: 0, max: 365 * 40 }).map((offset) => addCalendarDays('2000-01-01', offset));
const weekly = fc.record({
  every: fc.constant('week' as const),
  interval: fc.integer({ min: 1, max: 52 }),
  weekday: fc.integer({ min: 1, max: 7 }),
});
const monthly = fc.record({
  every: fc.constant('month' as const),
  interval: fc.integer({ min: 1, max: 12 }),
  dayOfMonth: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant('last' as const)),
});

describe('weekly schedules', () => {
  it('run on the first weekday on or after the start, then every interval weeks', () => {
    // 2027-03-03 is a Wednesday; Monday (1) first comes on 03-08, then every 2 weeks.
    const schedule: StandingSchedule = { every: 'week', interval: 2, weekday: 1 };
    expect(runs(schedule, '2027-03-03', 3)).toEqual(['2027-03-08', '2027-03-22', '2027-04-05']);
  });

  it('start on the start date itself when it is the weekday', () => {
    expect(firstScheduledDate({ every: 'week', interval: 1, weekday: 3 }, '2027-03-03')).toBe('2027-03-03');
  });

  it('are interval × 7 days apart, on the weekday, strictly increasing (property)', () => {
    fc.assert(
      fc.property(weekly, anyDate, (schedule, start) => {
        const dates = runs(schedule, start, 6);
        dates.forEach((date, index) => {
          expect(isoWeekday(date)).toBe(schedule.weekday);
          expect(date >= start).toBe(true);
          if (index > 0)
            expect(calendarDaysBetween(dates[index - 1] ?? '', date)).toBe(schedule.interval * 7);
        });
        // The first run is within the first week.
        expect(calendarDaysBetween(start, dates[0] ?? '')).toBeLessThan(7);
      }),
    );
  });
});

describe('monthly schedules', () => {
  it('run on the day each interval months', () => {
    // Start 2027-01-20, day 15: January's 15th has passed, so February, then every 3 months.
    const schedule: StandingSchedule = { every: 'month', interval: 3, dayOfMonth: 15 };
    expect(runs(schedule, '2027-01-20', 3)).toEqual(['2027-02-15', '2027-05-15', '2027-08-15']);
  });

  it('run on the last day of each month with "last", leap years included', () => {
    const schedule: StandingSchedule = { every: 'month', interval: 1, dayOfMonth: 'last' };
    expect(runs(schedule, '2028-01-31', 4)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
    expect(runs(schedule, '2027-02-01', 1)).toEqual(['2027-02-28']);
  });

  it('never skip a month and keep their day (property)', () => {
    fc.assert(
      fc.property(monthly, anyDate, (schedule, start) => {
        const dates = runs(schedule, start, 8);
        dates.forEach((date, index) => {
          const [year, month, day] = date.split('-').map(Number) as [number, number, number];
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          expect(day).toBe(schedule.dayOfMonth === 'last' ? last : schedule.dayOfMonth);
          if (index > 0) {
            const [py, pm] = (dates[index - 1] ?? '').split('-').map(Number) as [number, number];
            expect(year * 12 + month - (py * 12 + pm)).toBe(schedule.interval);
          }
        });
        expect(dates[0] && dates[0] >= start).toBe(true);
      }),
    );
  });
});

describe('scheduledDateOnOrAfter', () => {
  it('is the least schedule date not before the given day, and a schedule date (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(weekly, monthly),
        anyDate,
        fc.integer({ min: 0, max: 900 }),
        (schedule, start, ahead) => {
          const from = addCalendarDays(start, ahead);
          const date = scheduledDateOnOrAfter(schedule, start, from);
          expect(date >= from).toBe(true);
          expect(isScheduledDate(schedule, start, date)).toBe(true);
          // No schedule date lies between `from` and it.
          for (let day = from; day < date; day = addCalendarDays(day, 1)) {
            expect(isScheduledDate(schedule, start, day)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('scheduleProblems', () => {
  it('accepts sound schedules', () => {
    expect(scheduleProblems({ every: 'week', interval: 1, weekday: 5 })).toEqual([]);
    expect(scheduleProblems({ every: 'month', interval: 12, dayOfMonth: 'last' })).toEqual([]);
  });

  it('names each bad field', () => {
    expect(scheduleProblems({ every: 'month', interval: 0, dayOfMonth: 29 }).map((p) => p.field)).toEqual([
      'schedule.interval',
      'schedule.dayOfMonth',
    ]);
    expect(
      scheduleProblems({ every: 'week', interval: 1, weekday: 0, dayOfMonth: 3 }).map((p) => p.field),
    ).toEqual(['schedule.weekday', 'schedule.dayOfMonth']);
    expect(scheduleProblems({ every: 'day' })).toEqual([
      { field: 'schedule.every', message: 'must be "week" or "month"' },
    ]);
  });
});
