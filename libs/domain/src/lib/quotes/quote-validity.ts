import {
  addCalendarDays,
  calendarDaysBetween,
  type IsoDate,
  isIsoDate,
  localDateTime,
} from '../availability/calendar';

/** How long a quote's prices hold when the seller names no date. */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;
/** How far ahead a seller may hold prices. */
export const MAX_QUOTE_VALIDITY_DAYS = 366;
/** The buyer hears this many days before the prices lapse. */
export const QUOTE_EXPIRY_NOTICE_DAYS = 3;

/** Today's date in the deployment time zone. */
export function quoteToday(now: Date, timeZone: string): IsoDate {
  return localDateTime(now, timeZone).date;
}

/**
 * Whether prices valid until `validUntil` still hold at `now`: to the end of
 * that day in the deployment time zone (23:59:59.999 local holds, the next
 * local midnight does not).
 */
export function quoteStillValid(validUntil: IsoDate, now: Date, timeZone: string): boolean {
  return quoteToday(now, timeZone) <= validUntil;
}

/** The `validUntil` a quoting gets: the one asked for, else today + 30 days. */
export function defaultValidUntil(today: IsoDate): IsoDate {
  return addCalendarDays(today, DEFAULT_QUOTE_VALIDITY_DAYS);
}

/** Why a `validUntil` a seller sends cannot be used, or null when it can. */
export function validUntilProblem(validUntil: string, today: IsoDate): string | null {
  if (!isIsoDate(validUntil)) return 'must be a date (YYYY-MM-DD)';
  if (validUntil < today) return 'must not be before today';
  if (calendarDaysBetween(today, validUntil) > MAX_QUOTE_VALIDITY_DAYS)
    return `must be at most ${MAX_QUOTE_VALIDITY_DAYS} days from today`;
  return null;
}

/**
 * Whether the buyer is due the "expiring in 3 days" notice today: the prices
 * still hold and lapse within QUOTE_EXPIRY_NOTICE_DAYS days. (The caller
 * sends it once per quote and date.)
 */
export function expiryNoticeDue(validUntil: IsoDate, today: IsoDate): boolean {
  const daysLeft = calendarDaysBetween(today, validUntil);
  return daysLeft >= 0 && daysLeft <= QUOTE_EXPIRY_NOTICE_DAYS;
}
