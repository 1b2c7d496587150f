import { holidayChanges, yearsToShow } from './holiday-list';

describe('holidayChanges', () => {
  it('lists the dates added and removed', () => {
    expect(holidayChanges(['2027-01-01', '2027-12-25'], ['2027-01-01', '2027-07-05'])).toEqual({
      added: ['2027-07-05'],
      removed: ['2027-12-25'],
    });
    expect(holidayChanges(['2027-01-01'], ['2027-01-01'])).toEqual({ added: [], removed: [] });
  });
});

describe('yearsToShow', () => {
  it('always offers this year and next, and every year with a holiday', () => {
    expect(yearsToShow([], 2026)).toEqual([2026, 2027]);
    expect(yearsToShow(['2025-12-25', '2028-01-01', '2027-01-01'], 2026)).toEqual([2025, 2026, 2027, 2028]);
  });
});
