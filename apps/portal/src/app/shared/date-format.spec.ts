import { displayDate, displayDateTime } from './date-format';

describe('the portal date style', () => {
  it('shows calendar dates as "6 Dec 2026", never shifted by the time zone', () => {
    expect(displayDate('2026-12-06')).toBe('6 Dec 2026');
    expect(displayDate(null)).toBe('—');
    expect(displayDate('', 'Never')).toBe('Never');
  });

  it('shows an instant by the reader’s local date and time', () => {
    const local = new Date(2026, 11, 6, 14, 5, 9);
    expect(displayDate(local.toISOString())).toBe('6 Dec 2026');
    expect(displayDateTime(local.toISOString())).toBe('6 Dec 2026, 14:05');
    expect(displayDateTime(local, { seconds: true })).toBe('6 Dec 2026, 14:05:09');
    expect(displayDateTime(null)).toBe('—');
  });
});
