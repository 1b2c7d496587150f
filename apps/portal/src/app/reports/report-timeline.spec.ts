import { mondayOf, timeSlots, valuesBySlot } from './report-timeline';

describe('timeSlots', () => {
  it('lists every day of the period, both ends included', () => {
    expect(timeSlots('day', { from: '2025-02-27', to: '2025-03-02' }).map((s) => s.key)).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
  });

  it('lists weeks by their Monday, starting with the week the period starts in', () => {
    // 2025-05-14 is a Wednesday: its week began on Monday 12 May.
    expect(timeSlots('week', { from: '2025-05-14', to: '2025-05-26' })).toEqual([
      { key: '2025-05-12', label: 'Week of 12 May 2025', partial: true },
      { key: '2025-05-19', label: 'Week of 19 May 2025', partial: false },
      { key: '2025-05-26', label: 'Week of 26 May 2025', partial: true },
    ]);
  });

  it('lists months across a year end', () => {
    expect(timeSlots('month', { from: '2024-11-15', to: '2025-02-01' }).map((s) => s.key)).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  it('marks the months a period cuts or that are not over yet as partial', () => {
    const slots = timeSlots('month', { from: '2026-01-01', to: '2026-12-06' }, '2026-12-06');
    expect(slots[0]).toEqual({ key: '2026-01', label: 'Jan 2026', partial: false });
    expect(slots.filter((slot) => slot.partial).map((slot) => slot.key)).toEqual(['2026-12']);
    const cut = timeSlots('month', { from: '2026-01-15', to: '2026-03-31' }, '2026-12-06');
    expect(cut.map((slot) => slot.partial)).toEqual([true, false, false]);
    // The last day of a month is still today: the month is not over.
    expect(timeSlots('month', { from: '2026-11-01', to: '2026-11-30' }, '2026-11-30')[0]?.partial).toBe(true);
  });
});

describe('mondayOf', () => {
  it('keeps a Monday and takes a Sunday back six days', () => {
    expect(mondayOf('2025-05-12')).toBe('2025-05-12');
    expect(mondayOf('2025-05-18')).toBe('2025-05-12');
  });
});

describe('valuesBySlot', () => {
  it('fills the slots without a row', () => {
    const slots = timeSlots('day', { from: '2025-01-01', to: '2025-01-03' });
    const rows = [{ key: '2025-01-02', value: 5 }];
    expect(valuesBySlot(slots, rows, (r) => r.value, 0)).toEqual([0, 5, 0]);
    expect(valuesBySlot(slots, rows, (r) => r.value, null)).toEqual([null, 5, null]);
  });
});
