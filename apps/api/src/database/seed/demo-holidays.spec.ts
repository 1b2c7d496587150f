import { usFederalHolidays } from './demo-holidays';

describe('US federal holidays', () => {
  it('computes 2027 as observed (Juneteenth and Independence Day fall on weekends)', () => {
    expect(usFederalHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18', // Sat 19 → Fri 18
      '2027-07-05', // Sun 4 → Mon 5
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24', // Sat 25 → Fri 24
      '2027-12-31', // New Year's Day 2028 is a Saturday
    ]);
  });

  it('leaves a New Year observed in the year before out of its own year', () => {
    const holidays = usFederalHolidays(2028);
    expect(holidays).not.toContain('2027-12-31');
    expect(holidays).toContain('2028-11-23'); // Thanksgiving
    expect(holidays).toHaveLength(10); // its New Year's Day is kept on 2027-12-31
  });
});
