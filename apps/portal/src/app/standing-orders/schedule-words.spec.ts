import { monthDayWords, ordinal, scheduleInWords } from './schedule-words';

describe('scheduleInWords', () => {
  it('says weekly schedules with their interval and weekday', () => {
    expect(scheduleInWords({ every: 'week', interval: 1, weekday: 1 })).toBe('Every week on Monday');
    expect(scheduleInWords({ every: 'week', interval: 2, weekday: 1 })).toBe('Every 2 weeks on Monday');
    expect(scheduleInWords({ every: 'week', interval: 4, weekday: 7 })).toBe('Every 4 weeks on Sunday');
  });

  it('says monthly schedules with the day of the month, or the last day', () => {
    expect(scheduleInWords({ every: 'month', interval: 1, dayOfMonth: 15 })).toBe('Monthly on the 15th');
    expect(scheduleInWords({ every: 'month', interval: 1, dayOfMonth: 'last' })).toBe(
      'Monthly on the last day',
    );
    expect(scheduleInWords({ every: 'month', interval: 3, dayOfMonth: 1 })).toBe('Every 3 months on the 1st');
    expect(scheduleInWords({ every: 'month', interval: 2, dayOfMonth: 'last' })).toBe(
      'Every 2 months on the last day',
    );
  });

  it('reads an unfinished schedule (a form being filled) without inventing a day', () => {
    expect(scheduleInWords({ every: 'week', interval: 0 })).toBe('Every week on a day to choose');
    expect(scheduleInWords({ every: 'month', interval: 1 })).toBe('Monthly on a day to choose');
  });
});

describe('ordinal', () => {
  it('gives English ordinals, the teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 28].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '28th',
    ]);
  });

  it('names the last day of the month', () => {
    expect(monthDayWords('last')).toBe('the last day');
    expect(monthDayWords(2)).toBe('the 2nd');
  });
});
