import type { IsoDate } from '@tradecounter/domain';

/**
 * The US federal holidays of a year, as observed: a holiday on a Saturday is
 * kept the Friday before, on a Sunday the Monday after (New Year's Day on a
 * Saturday is observed on 31 December of the year before, and is listed there).
 */
export function usFederalHolidays(year: number): IsoDate[] {
  const fixed = (month: number, day: number) => observed(new Date(Date.UTC(year, month - 1, day)));
  const dates = [
    fixed(1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day: third Monday of January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday: third Monday of February
    lastWeekday(year, 5, 1), // Memorial Day: last Monday of May
    fixed(6, 19), // Juneteenth
    fixed(7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday of September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday of October
    fixed(11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving: fourth Thursday of November
    fixed(12, 25), // Christmas Day
  ];
  const nextNewYear = observed(new Date(Date.UTC(year + 1, 0, 1)));
  if (nextNewYear.getUTCFullYear() === year) dates.push(nextNewYear);
  return dates.filter((date) => date.getUTCFullYear() === year).map(isoDate);
}

function observed(date: Date): Date {
  const weekday = date.getUTCDay();
  const shift = weekday === 6 ? -1 : weekday === 0 ? 1 : 0;
  return new Date(date.getTime() + shift * 86_400_000);
}

/** The nth `weekday` (0 Sunday … 6 Saturday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): Date {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, month - 1, 1 + offset + (nth - 1) * 7));
}

function lastWeekday(year: number, month: number, weekday: number): Date {
  const last = new Date(Date.UTC(year, month, 0));
  const offset = (last.getUTCDay() - weekday + 7) % 7;
  return new Date(Date.UTC(year, month - 1, last.getUTCDate() - offset));
}

function isoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
