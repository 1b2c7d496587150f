import { MONTH_DAYS, scheduleFromForm, scheduleToForm } from './schedule-form';

describe('scheduleFromForm', () => {
  it('sends a weekly schedule with its weekday only', () => {
    expect(scheduleFromForm({ every: 'week', interval: '2', weekday: 3, dayOfMonth: 'last' })).toEqual({
      every: 'week',
      interval: 2,
      weekday: 3,
    });
  });

  it('sends a monthly schedule with its day only, the last day included', () => {
    expect(scheduleFromForm({ every: 'month', interval: 1, weekday: 3, dayOfMonth: 'last' })).toEqual({
      every: 'month',
      interval: 1,
      dayOfMonth: 'last',
    });
  });

  it('never sends an interval below one', () => {
    expect(scheduleFromForm({ every: 'week', interval: '', weekday: 1, dayOfMonth: 1 }).interval).toBe(1);
    expect(scheduleFromForm({ every: 'week', interval: 0, weekday: 1, dayOfMonth: 1 }).interval).toBe(1);
  });

  it('round-trips a saved schedule through the form', () => {
    const saved = { every: 'month', interval: 3, dayOfMonth: 28 } as const;
    expect(scheduleFromForm(scheduleToForm(saved))).toEqual(saved);
  });

  it('offers days 1 to 28 and the last day', () => {
    expect(MONTH_DAYS.length).toBe(29);
    expect(MONTH_DAYS[27]).toBe(28);
    expect(MONTH_DAYS[28]).toBe('last');
  });
});
