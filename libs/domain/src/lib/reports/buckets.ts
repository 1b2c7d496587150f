import { addCalendarDays, calendarDaysBetween, type IsoDate } from '../availability';

/** Backlog ageing: whole days since the order was placed, in these bands. */
export const BACKLOG_AGES = [
  { key: '0-2', label: '0–2 days', minDays: 0, maxDays: 2 },
  { key: '3-7', label: '3–7 days', minDays: 3, maxDays: 7 },
  { key: '8-14', label: '8–14 days', minDays: 8, maxDays: 14 },
  { key: '15-30', label: '15–30 days', minDays: 15, maxDays: 30 },
  { key: '31+', label: 'Over 30 days', minDays: 31, maxDays: null },
] as const;

export type BacklogAge = (typeof BACKLOG_AGES)[number];

/** The band of an order placed on `placedOn`, seen on `today` (orders dated after today count as 0 days). */
export function backlogAge(placedOn: IsoDate, today: IsoDate): BacklogAge {
  const days = Math.max(0, calendarDaysBetween(placedOn, today));
  return BACKLOG_AGES.find((age) => age.maxDays === null || days <= age.maxDays) ?? BACKLOG_AGES[4];
}

/** Promise accuracy shows −5 … +10 business days; beyond them, the ends gather the rest. */
export const PROMISE_ACCURACY_RANGE = { earliest: -5, latest: 10 } as const;

export function promiseAccuracyBucket(daysLate: number): number {
  return Math.min(PROMISE_ACCURACY_RANGE.latest, Math.max(PROMISE_ACCURACY_RANGE.earliest, daysLate));
}

export function promiseAccuracyLabel(days: number): string {
  const { earliest, latest } = PROMISE_ACCURACY_RANGE;
  if (days === 0) return 'On the day';
  const amount = `${Math.abs(days)} business day${Math.abs(days) === 1 ? '' : 's'}`;
  if (days <= earliest) return `${amount} or more early`;
  if (days >= latest) return `${amount} or more late`;
  return days < 0 ? `${amount} early` : `${amount} late`;
}

/** The first day of "the last `days` days" up to `today` (today counts as one). */
export function lastDaysStart(today: IsoDate, days: number): IsoDate {
  return addCalendarDays(today, -(days - 1));
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: IsoDate, to: IsoDate): { from: IsoDate; to: IsoDate } {
  const length = calendarDaysBetween(from, to) + 1;
  return { from: addCalendarDays(from, -length), to: addCalendarDays(from, -1) };
}
