import { previewRuns } from './schedule-preview';

describe('previewRuns', () => {
  const none: string[] = [];

  it('lists the next weekly runs from the start date', () => {
    // 2027-01-04 is a Monday.
    const preview = previewRuns(
      {
        schedule: { every: 'week', interval: 2, weekday: 1 },
        startDate: '2027-01-01',
        endDate: null,
        skippedDates: none,
      },
      '2026-12-07',
      3,
    );
    expect(preview).toEqual({ dates: ['2027-01-04', '2027-01-18', '2027-02-01'], problem: null });
  });

  it('runs monthly on the last day, February included, and stops at the end date', () => {
    const preview = previewRuns(
      {
        schedule: { every: 'month', interval: 1, dayOfMonth: 'last' },
        startDate: '2027-01-10',
        endDate: '2027-03-30',
        skippedDates: none,
      },
      '2027-01-10',
      6,
    );
    expect(preview.dates).toEqual(['2027-01-31', '2027-02-28']);
  });

  it('counts from today once the start date has passed, and leaves skipped dates out', () => {
    const preview = previewRuns(
      {
        schedule: { every: 'week', interval: 1, weekday: 3 },
        startDate: '2026-11-01',
        endDate: null,
        skippedDates: ['2026-12-09'],
      },
      '2026-12-07',
      2,
    );
    expect(preview.dates).toEqual(['2026-12-16', '2026-12-23']);
  });

  it('says why a schedule has no dates', () => {
    const tooMany = previewRuns(
      {
        schedule: { every: 'month', interval: 13, dayOfMonth: 1 },
        startDate: '2027-01-01',
        endDate: null,
        skippedDates: none,
      },
      '2027-01-01',
      6,
    );
    expect(tooMany.problem).toMatch(/^The interval must be a whole number of months from 1 to 12/);
    const ended = previewRuns(
      {
        schedule: { every: 'week', interval: 1, weekday: 1 },
        startDate: '2027-02-01',
        endDate: '2027-01-01',
        skippedDates: none,
      },
      '2027-01-01',
      6,
    );
    expect(ended).toEqual({ dates: [], problem: 'The end date is before the start date' });
  });
});
