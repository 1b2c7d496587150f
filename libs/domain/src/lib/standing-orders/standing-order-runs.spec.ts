import fc from 'fast-check';
import { addCalendarDays, isBusinessDay } from '../availability/calendar';
import {
  isPreviewDue,
  isRunOfSchedule,
  lateRunDecision,
  nextRunDate,
  previewDate,
  StandingOrderTimeline,
  upcomingRuns,
} from './standing-order-runs';

/** Every Monday from Monday 2027-03-01. */
const weeklyMondays: StandingOrderTimeline = {
  schedule: { every: 'week', interval: 1, weekday: 1 },
  startDate: '2027-03-01',
  endDate: null,
  status: 'active',
  resumeOn: null,
  skippedDates: new Set(),
};

describe('upcomingRuns', () => {
  it('lists the schedule dates from a day on', () => {
    expect(upcomingRuns(weeklyMondays, '2027-03-02', 3)).toEqual(['2027-03-08', '2027-03-15', '2027-03-22']);
  });

  it('leaves skipped dates out', () => {
    const timeline = { ...weeklyMondays, skippedDates: new Set(['2027-03-08']) };
    expect(upcomingRuns(timeline, '2027-03-02', 2)).toEqual(['2027-03-15', '2027-03-22']);
    expect(nextRunDate(timeline, '2027-03-02')).toBe('2027-03-15');
  });

  it('stops at the end date', () => {
    expect(upcomingRuns({ ...weeklyMondays, endDate: '2027-03-15' }, '2027-03-01', 5)).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-15',
    ]);
  });

  it('has none while paused, and resumes on the first run from resumeOn', () => {
    expect(nextRunDate({ ...weeklyMondays, status: 'paused' }, '2027-03-02')).toBeNull();
    expect(nextRunDate({ ...weeklyMondays, status: 'paused', resumeOn: '2027-03-16' }, '2027-03-02')).toBe(
      '2027-03-22',
    );
    // A resume date already past does not bring back runs before the day asked.
    expect(nextRunDate({ ...weeklyMondays, status: 'paused', resumeOn: '2027-02-01' }, '2027-03-09')).toBe(
      '2027-03-15',
    );
  });

  it('does not move a run for a holiday (the promise handles it)', () => {
    // 2027-03-08 might be a holiday; the run stays on it: the timeline has no calendar at all.
    expect(nextRunDate(weeklyMondays, '2027-03-08')).toBe('2027-03-08');
  });

  it('strictly increases, never skips past a skip-free schedule date, and honours every rule (property)', () => {
    const timeline = fc.record({
      interval: fc.integer({ min: 1, max: 4 }),
      weekday: fc.integer({ min: 1, max: 7 }),
      start: fc.integer({ min: 0, max: 3000 }),
      endAfter: fc.option(fc.integer({ min: 0, max: 400 })),
      skips: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 8 }),
      paused: fc.boolean(),
      resumeAfter: fc.option(fc.integer({ min: 0, max: 200 })),
    });
    fc.assert(
      fc.property(timeline, fc.integer({ min: 0, max: 300 }), (t, fromAfter) => {
        const startDate = addCalendarDays('2020-01-01', t.start);
        const subject: StandingOrderTimeline = {
          schedule: { every: 'week', interval: t.interval, weekday: t.weekday },
          startDate,
          endDate: t.endAfter === null ? null : addCalendarDays(startDate, t.endAfter),
          status: t.paused ? 'paused' : 'active',
          resumeOn: t.resumeAfter === null ? null : addCalendarDays(startDate, t.resumeAfter),
          skippedDates: new Set(t.skips.map((days) => addCalendarDays(startDate, days))),
        };
        const from = addCalendarDays(startDate, fromAfter);
        const dates = upcomingRuns(subject, from, 10);
        dates.forEach((date, index) => {
          if (index > 0) expect(date > (dates[index - 1] ?? '')).toBe(true);
          expect(date >= from).toBe(true);
          expect(isRunOfSchedule(subject, date)).toBe(true);
          expect(subject.skippedDates.has(date)).toBe(false);
          if (subject.endDate) expect(date <= subject.endDate).toBe(true);
          if (subject.status === 'paused') {
            expect(subject.resumeOn).not.toBeNull();
            expect(date >= (subject.resumeOn ?? '')).toBe(true);
          }
        });
      }),
    );
  });
});

describe('isRunOfSchedule', () => {
  it('is true for schedule dates within start and end only', () => {
    expect(isRunOfSchedule(weeklyMondays, '2027-03-08')).toBe(true);
    expect(isRunOfSchedule(weeklyMondays, '2027-03-09')).toBe(false);
    expect(isRunOfSchedule(weeklyMondays, '2027-02-22')).toBe(false);
    expect(isRunOfSchedule({ ...weeklyMondays, endDate: '2027-03-10' }, '2027-03-15')).toBe(false);
  });
});

describe('lateRunDecision', () => {
  it('places a run up to 2 days late, and reports it missed after', () => {
    expect(lateRunDecision('2027-03-08', '2027-03-07')).toBe('not_due');
    expect(lateRunDecision('2027-03-08', '2027-03-08')).toBe('place');
    expect(lateRunDecision('2027-03-08', '2027-03-10')).toBe('place');
    expect(lateRunDecision('2027-03-08', '2027-03-11')).toBe('missed');
  });
});

describe('previews', () => {
  const holidays = new Set(['2027-03-03']);

  it('come 3 business days before the run, holidays and weekends not counted', () => {
    // Run Monday 03-08: back over Fri 03-05, Thu 03-04, (Wed 03-03 a holiday), Tue 03-02.
    expect(previewDate('2027-03-08', holidays)).toBe('2027-03-02');
    expect(previewDate('2027-03-08', new Set())).toBe('2027-03-03');
  });

  it('are due from that day until the run, not before nor on it', () => {
    expect(isPreviewDue('2027-03-08', '2027-03-01', holidays)).toBe(false);
    expect(isPreviewDue('2027-03-08', '2027-03-02', holidays)).toBe(true);
    expect(isPreviewDue('2027-03-08', '2027-03-07', holidays)).toBe(true);
    expect(isPreviewDue('2027-03-08', '2027-03-08', holidays)).toBe(false);
  });

  it('leave exactly 3 business days before the run (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (offset) => {
        const run = addCalendarDays('2020-01-01', offset);
        const preview = previewDate(run, holidays);
        let businessDays = 0;
        for (let day = preview; day < run; day = addCalendarDays(day, 1)) {
          if (isBusinessDay(day, holidays)) businessDays++;
        }
        expect(businessDays).toBe(3);
        expect(isBusinessDay(preview, holidays)).toBe(true);
      }),
    );
  });
});
