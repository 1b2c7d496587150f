/**
 * Business-day arithmetic on calendar dates (`YYYY-MM-DD`).
 *
 * Dates are plain calendar days, never instants: a warehouse's "Tuesday" is
 * the same Tuesday whatever the server's zone or a DST change. Only
 * `localDateTime` touches instants, and it reads them in the warehouse's
 * IANA time zone through Intl, which knows every DST rule.
 */
import { remembered } from '../remembered';

export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

// The dates in use at any time are few (today and the months after it) and a
// 100-line promise converts them thousands of times: both directions are remembered.

/** Days since 1970-01-01 (a Thursday). */
const epochDay = remembered((date: IsoDate): number => {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
});

const fromEpochDay = remembered((day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10));

/** A real calendar date in `YYYY-MM-DD` form (2027-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return fromEpochDay(epochDay(value)) === value && Number(match[1]) >= 1900;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

export function isBusinessDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

// Promises step through business days a lot (every split, every catalog
// item): on day numbers, with the holidays converted once per set (a
// holiday set is treated as immutable once passed in).
const holidayDayNumbers = new WeakMap<ReadonlySet<IsoDate>, ReadonlySet<number>>();

function dayNumbersOf(holidays: ReadonlySet<IsoDate>): ReadonlySet<number> {
  let days = holidayDayNumbers.get(holidays);
  if (!days) {
    days = new Set([...holidays].filter((date) => ISO_DATE.test(date)).map(epochDay));
    holidayDayNumbers.set(holidays, days);
  }
  return days;
}

function isBusinessDayNumber(day: number, holidays: ReadonlySet<number>): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate {
  return addBusinessDays(date, 1, holidays);
}

/**
 * `date` plus `days` business days: each step moves to the next business day,
 * so 0 returns `date` itself and 1 from a Friday is the Monday (or the day
 * after it, when that Monday is a holiday).
 */
export function addBusinessDays(date: IsoDate, days: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`Business days must be a non-negative integer: ${days}`);
  if (days === 0) return date;
  const holidayDays = dayNumbersOf(holidays);
  let day = epochDay(date);
  for (let step = 0; step < days; step++) {
    do day++;
    while (!isBusinessDayNumber(day, holidayDays));
  }
  return fromEpochDay(day);
}

/** Business days after `from` up to and including `to` (0 when `to <= from`). */
export function businessDaysBetween(from: IsoDate, to: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  let count = 0;
  for (let day = epochDay(from) + 1; day <= epochDay(to); day++) {
    if (isBusinessDay(fromEpochDay(day), holidays)) count++;
  }
  return count;
}

/** `HH:MM` (00:00–23:59) as minutes after midnight, or null. */
export function parseCutoffTime(value: string): number | null {
  const match = CUTOFF.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** An IANA time zone name this runtime knows (e.g. `Europe/Berlin`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and minute of the day of `at` in `timeZone`. */
export function localDateTime(at: Date, timeZone: string): { date: IsoDate; minutes: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}
