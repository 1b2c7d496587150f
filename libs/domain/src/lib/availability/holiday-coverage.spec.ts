import { publicHolidaysToSave, yearsWithoutHolidays } from './holiday-coverage';

describe('yearsWithoutHolidays', () => {
  it('names this year and next when they have no holiday', () => {
    expect(yearsWithoutHolidays([], '2026-12-06')).toEqual([2026, 2027]);
    expect(yearsWithoutHolidays(['2026-12-25'], '2026-12-06')).toEqual([2027]);
    expect(yearsWithoutHolidays(new Set(['2026-12-25', '2027-01-01']), '2026-12-06')).toEqual([]);
  });

  it('ignores past and far years', () => {
    expect(yearsWithoutHolidays(['2025-12-25', '2030-01-01'], '2026-06-01')).toEqual([2026, 2027]);
  });
});

describe('publicHolidaysToSave', () => {
  it('keeps one name per date, sorted, and sets weekend days apart', () => {
    expect(
      publicHolidaysToSave([
        { date: '2027-12-25', name: 'Christmas Day' },
        { date: '2027-12-24', name: 'Christmas Day (substitute day)' },
        { date: '2027-01-01', name: "New Year's Day" },
        { date: '2027-01-01', name: 'Duplicate' },
      ]),
    ).toEqual({
      holidays: [
        { date: '2027-01-01', name: "New Year's Day" },
        { date: '2027-12-24', name: 'Christmas Day (substitute day)' },
      ],
      weekend: [{ date: '2027-12-25', name: 'Christmas Day' }],
    });
  });
});
