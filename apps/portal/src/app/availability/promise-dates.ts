import type { IsoDate } from '@tradecounter/contracts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01, or NaN for text that is not `YYYY-MM-DD`. */
function epochDay(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/**
 * A calendar date as people say it: "Tue 2 Mar", with the year when it is not
 * `today`'s year ("Mon 4 Jan 2027"). Promise dates are warehouse calendar
 * days, so they are never shifted into the browser's time zone.
 */
export function formatDay(date: IsoDate, today: IsoDate): string {
  const day = epochDay(date);
  if (Number.isNaN(day)) return date;
  const utc = new Date(day * DAY_MS);
  const text = `${WEEKDAYS[utc.getUTCDay()]} ${utc.getUTCDate()} ${MONTHS[utc.getUTCMonth()]}`;
  return date.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${utc.getUTCFullYear()}`;
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

export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}
