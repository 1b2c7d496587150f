import type { IsoDate } from '@tradecounter/contracts';
import { dayOfWeek, isIsoDate } from '@tradecounter/domain';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date as people say it: "Tue 2 Mar", with the year when it is not
 * `today`'s year ("Mon 4 Jan 2027"). Promise dates are warehouse calendar
 * days, so they are never shifted into the browser's time zone.
 */
export function formatDay(date: IsoDate, today: IsoDate): string {
  if (!isIsoDate(date)) return date;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const text = `${WEEKDAYS[dayOfWeek(date)]} ${day} ${MONTHS[month - 1]}`;
  return date.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${year}`;
}

/** The browser's local date as `YYYY-MM-DD`. */
export function localIsoDate(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A `YYYY-MM-DD` as a local Date at midnight, for date pickers. */
export function dateFromIso(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Calendar days between two dates, by the domain's calendar. */
export { calendarDaysBetween } from '@tradecounter/domain';
