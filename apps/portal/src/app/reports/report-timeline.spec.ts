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
      { key: '2025-05-12', label: 'Week of 2025-05-12' },
      { key: '2025-05-19', label: 'Week of 2025-05-19' },
      { key: '2025-05-26', label: 'Week of 2025-05-26' },
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
