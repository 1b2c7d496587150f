import { comingRuns } from './run-calendar-days';

describe('comingRuns', () => {
  it('lists runs and skipped dates in date order, skipped ones marked', () => {
    expect(comingRuns(['2027-01-18', '2027-02-01'], ['2027-01-04'])).toEqual([
      { date: '2027-01-04', skipped: true },
      { date: '2027-01-18', skipped: false },
      { date: '2027-02-01', skipped: false },
    ]);
  });

  it('stops at the count asked for', () => {
    const runs = ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25'];
    expect(comingRuns(runs, ['2027-01-05'], 3).map((run) => run.date)).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-11',
    ]);
  });

  it('leaves out skipped dates beyond the last listed run, and lists none without runs', () => {
    expect(comingRuns(['2027-01-04'], ['2027-03-01'])).toEqual([{ date: '2027-01-04', skipped: false }]);
    expect(comingRuns([], ['2027-03-01'])).toEqual([]);
  });
});
