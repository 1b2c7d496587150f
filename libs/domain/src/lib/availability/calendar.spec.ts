import fc from 'fast-check';
import {
  addBusinessDays,
  businessDaysBetween,
  calendarDaysBetween,
  dayOfWeek,
  isBusinessDay,
  isIsoDate,
  isValidTimeZone,
  localDateTime,
  nextBusinessDay,
  parseCutoffTime,
} from './calendar';

const none = new Set<string>();
const holiday = new Set(['2027-03-03']);

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2027-03-01')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-3-1')).toBe(false);
    expect(isIsoDate('2027-03-01T00:00:00Z')).toBe(false);
  });

  it('knows the weekday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // a Thursday
    expect(dayOfWeek('2027-03-01')).toBe(1); // Monday
    expect(dayOfWeek('2027-03-06')).toBe(6); // Saturday
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, before the epoch
  });
});

describe('business days', () => {
  it('skips weekends and holidays', () => {
    expect(isBusinessDay('2027-03-02', holiday)).toBe(true);
    expect(isBusinessDay('2027-03-03', holiday)).toBe(false);
    expect(isBusinessDay('2027-03-06', holiday)).toBe(false);
    expect(nextBusinessDay('2027-03-05', none)).toBe('2027-03-08'); // Fri → Mon
    expect(nextBusinessDay('2027-03-02', holiday)).toBe('2027-03-04'); // over Wed's holiday
  });

  it('adds business days one step at a time', () => {
    expect(addBusinessDays('2027-03-01', 0, holiday)).toBe('2027-03-01');
    expect(addBusinessDays('2027-03-06', 0, none)).toBe('2027-03-06'); // 0 never moves, even from a Saturday
    expect(addBusinessDays('2027-03-06', 1, none)).toBe('2027-03-08');
    // Tue 03-02 + 2: Wed is a holiday, so Thu (1) and Fri (2).
    expect(addBusinessDays('2027-03-02', 2, holiday)).toBe('2027-03-05');
    // Mon 03-01 + 11 over the holiday: the example's supplier date.
    expect(addBusinessDays('2027-03-01', 11, holiday)).toBe('2027-03-17');
    expect(addBusinessDays('2027-12-31', 1, new Set(['2028-01-03']))).toBe('2028-01-04');
  });

  it('rejects negative or fractional business days', () => {
    expect(() => addBusinessDays('2027-03-01', -1, none)).toThrow(RangeError);
    expect(() => addBusinessDays('2027-03-01', 1.5, none)).toThrow(RangeError);
  });

  it('adding n business days lands on a business day n business days later', () => {
    const start = new Date(Date.UTC(2026, 0, 1)).getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 3800 }), { maxLength: 40 }),
        (offset, n, holidayOffsets) => {
          const date = (days: number) => new Date(start + days * 86_400_000).toISOString().slice(0, 10);
          const holidays = new Set(holidayOffsets.map(date));
          const from = date(offset);
          const to = addBusinessDays(from, n, holidays);
          expect(isBusinessDay(to, holidays)).toBe(true);
          expect(businessDaysBetween(from, to, holidays)).toBe(n);
          expect(to > from).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('cut-off times and zones', () => {
  it('parses HH:MM only', () => {
    expect(parseCutoffTime('14:00')).toBe(840);
    expect(parseCutoffTime('00:00')).toBe(0);
    expect(parseCutoffTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '14:60', '2:00', '14:00:00', '', '14h00'])
      expect(parseCutoffTime(bad)).toBeNull();
  });

  it('knows IANA zones', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('../etc')).toBe(false);
  });

  it('reads the wall clock of the warehouse, DST included', () => {
    // Chicago is UTC−6 in winter, UTC−5 from Sun 2027-03-14 02:00.
    expect(localDateTime(new Date('2027-03-12T19:59:00Z'), 'America/Chicago')).toEqual({
      date: '2027-03-12',
      minutes: 13 * 60 + 59,
    });
    expect(localDateTime(new Date('2027-03-15T18:59:00Z'), 'America/Chicago')).toEqual({
      date: '2027-03-15',
      minutes: 13 * 60 + 59,
    });
    // Late evening UTC is already the next day in Berlin.
    expect(localDateTime(new Date('2027-03-01T23:30:00Z'), 'Europe/Berlin').date).toBe('2027-03-02');
    expect(localDateTime(new Date('2027-03-01T00:00:00Z'), 'UTC')).toEqual({
      date: '2027-03-01',
      minutes: 0,
    });
  });
});

describe('calendarDaysBetween', () => {
  it('counts calendar days across months, years and daylight-saving changes, negative backwards', () => {
    expect(calendarDaysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(calendarDaysBetween('2027-03-13', '2027-03-15')).toBe(2);
    expect(calendarDaysBetween('2027-03-15', '2027-03-13')).toBe(-2);
    expect(calendarDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});
