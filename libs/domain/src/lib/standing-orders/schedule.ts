import {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  IsoDate,
  isIsoDate,
} from '../availability/calendar';

/**
 * When a standing order runs: every `interval` weeks on an ISO weekday
 * (1 = Monday … 7 = Sunday), or every `interval` months on a day (1–28, or
 * `"last"`). Both count from the standing order's start date: the first run
 * is the first such day on or after it. Holidays never move a run; the
 * order's promise already steps over them.
 */
export type StandingSchedule =
  | { every: 'week'; interval: number; weekday: number }
  | { every: 'month'; interval: number; dayOfMonth: number | 'last' };

export const MAX_WEEK_INTERVAL = 52;
export const MAX_MONTH_INTERVAL = 12;
/** Monthly runs stop at 28 so every month has the day; later days use "last". */
export const MAX_DAY_OF_MONTH = 28;

/** What is wrong with a schedule, field by field (empty when it is sound). */
export function scheduleProblems(schedule: {
  every?: unknown;
  interval?: unknown;
  weekday?: unknown;
  dayOfMonth?: unknown;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const isInt = (value: unknown, min: number, max: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  if (schedule.every === 'week') {
    if (!isInt(schedule.interval, 1, MAX_WEEK_INTERVAL))
      problems.push({
        field: 'schedule.interval',
        message: `must be a whole number of weeks from 1 to ${MAX_WEEK_INTERVAL}`,
      });
    if (!isInt(schedule.weekday, 1, 7))
      problems.push({
        field: 'schedule.weekday',
        message: 'must be 1 (Monday) to 7 (Sunday) for a weekly schedule',
      });
    if (schedule.dayOfMonth !== undefined)
      problems.push({ field: 'schedule.dayOfMonth', message: 'is for monthly schedules only' });
  } else if (schedule.every === 'month') {
    if (!isInt(schedule.interval, 1, MAX_MONTH_INTERVAL))
      problems.push({
        field: 'schedule.interval',
        message: `must be a whole number of months from 1 to ${MAX_MONTH_INTERVAL}`,
      });
    if (!(schedule.dayOfMonth === 'last' || isInt(schedule.dayOfMonth, 1, MAX_DAY_OF_MONTH)))
      problems.push({ field: 'schedule.dayOfMonth', message: `must be 1 to ${MAX_DAY_OF_MONTH}, or "last"` });
    if (schedule.weekday !== undefined)
      problems.push({ field: 'schedule.weekday', message: 'is for weekly schedules only' });
  } else {
    problems.push({ field: 'schedule.every', message: 'must be "week" or "month"' });
  }
  return problems;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((dayOfWeek(date) + 6) % 7) + 1;
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function lastDayOfMonth(index: number): number {
  const year = Math.floor(index / 12);
  const month = index % 12; // 0-based
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function dateIn(index: number, dayOfMonth: number | 'last'): IsoDate {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = dayOfMonth === 'last' ? lastDayOfMonth(index) : dayOfMonth;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first run of the schedule: its first day on or after `startDate`. */
export function firstScheduledDate(schedule: StandingSchedule, startDate: IsoDate): IsoDate {
  if (schedule.every === 'week') {
    return addCalendarDays(startDate, (schedule.weekday - isoWeekday(startDate) + 7) % 7);
  }
  const inStartMonth = dateIn(monthIndex(startDate), schedule.dayOfMonth);
  return inStartMonth >= startDate ? inStartMonth : dateIn(monthIndex(startDate) + 1, schedule.dayOfMonth);
}

/** The first date of the schedule on or after `onOrAfter` (never before the first run). */
export function scheduledDateOnOrAfter(
  schedule: StandingSchedule,
  startDate: IsoDate,
  onOrAfter: IsoDate,
): IsoDate {
  const first = firstScheduledDate(schedule, startDate);
  if (onOrAfter <= first) return first;
  if (schedule.every === 'week') {
    const step = schedule.interval * 7;
    const steps = Math.ceil(calendarDaysBetween(first, onOrAfter) / step);
    return addCalendarDays(first, steps * step);
  }
  const base = monthIndex(first);
  let steps = Math.ceil((monthIndex(onOrAfter) - base) / schedule.interval);
  let date = dateIn(base + steps * schedule.interval, schedule.dayOfMonth);
  if (date < onOrAfter) {
    steps += 1;
    date = dateIn(base + steps * schedule.interval, schedule.dayOfMonth);
  }
  return date;
}

/** Whether `date` is one of the schedule's dates. */
export function isScheduledDate(schedule: StandingSchedule, startDate: IsoDate, date: IsoDate): boolean {
  return isIsoDate(date) && scheduledDateOnOrAfter(schedule, startDate, date) === date;
}
