import { holidayChanges, mergeHolidays, yearsToShow } from './holiday-list';

describe('holidayChanges', () => {
  it('lists the dates added, removed and renamed', () => {
    expect(
      holidayChanges(
        [
          { date: '2027-01-01', name: null },
          { date: '2027-11-25', name: 'Thanksgiving' },
          { date: '2027-12-24', name: null },
        ],
        [
          { date: '2027-01-01', name: "New Year's Day" },
          { date: '2027-07-05', name: null },
          { date: '2027-11-25', name: 'Thanksgiving' },
        ],
      ),
    ).toEqual({ added: ['2027-07-05'], removed: ['2027-12-24'], renamed: ['2027-01-01'] });
    expect(holidayChanges([{ date: '2027-01-01', name: 'x' }], [{ date: '2027-01-01', name: 'x' }])).toEqual({
      added: [],
      removed: [],
      renamed: [],
    });
  });
});

describe('mergeHolidays', () => {
  it('adds new dates with their names, names unnamed ones, and keeps names given', () => {
    expect(
      mergeHolidays(
        [
          { date: '2027-12-24', name: 'Christmas Eve (closed)' },
          { date: '2027-01-01', name: null },
        ],
        [
          { date: '2027-01-01', name: "New Year's Day" },
          { date: '2027-11-25', name: 'Thanksgiving Day' },
          { date: '2027-12-24', name: 'Christmas Day (substitute day)' },
        ],
      ),
    ).toEqual([
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-11-25', name: 'Thanksgiving Day' },
      { date: '2027-12-24', name: 'Christmas Eve (closed)' },
    ]);
  });
});

describe('yearsToShow', () => {
  it('always offers this year and next, and every year with a holiday', () => {
    expect(yearsToShow([], 2026)).toEqual([2026, 2027]);
    expect(yearsToShow(['2025-12-25', '2028-01-01', '2027-01-01'], 2026)).toEqual([2025, 2026, 2027, 2028]);
  });
});
