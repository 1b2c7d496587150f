import { addCalendarDays, type IsoDate } from '../availability/calendar';

/** An inclusive range of days. */
export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

/** A period split into the calendar months wholly inside it and the days left at its edges. */
export interface PeriodByMonths {
  /** First days of the first and last whole months; null when no month fits. */
  months: DayRange | null;
  /** The days outside those months, in order: none, the leading edge, the trailing edge, or both. */
  days: DayRange[];
}

const firstOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 8)}01`;
const isFirstOfMonth = (date: IsoDate) => date.endsWith('-01');
const nextMonth = (first: IsoDate): IsoDate => firstOfMonth(addCalendarDays(first, 31));
const previousMonth = (first: IsoDate): IsoDate => firstOfMonth(addCalendarDays(first, -1));

/**
 * Splits [from, to] so a report can sum whole months from a monthly rollup
 * and only the edge days from a daily one, and still cover exactly the
 * period: 2027-01-15..2027-04-10 is days 01-15..01-31, months 02 and 03,
 * days 04-01..04-10.
 */
export function periodByMonths(from: IsoDate, to: IsoDate): PeriodByMonths {
  if (from > to) throw new RangeError(`The period ${from}..${to} ends before it starts`);
  const firstWhole = isFirstOfMonth(from) ? from : nextMonth(firstOfMonth(from));
  const afterTo = addCalendarDays(to, 1);
  const afterLastWhole = isFirstOfMonth(afterTo) ? afterTo : firstOfMonth(to);
  if (firstWhole >= afterLastWhole) return { months: null, days: [{ from, to }] };
  const days: DayRange[] = [];
  if (from < firstWhole) days.push({ from, to: addCalendarDays(firstWhole, -1) });
  if (afterLastWhole <= to) days.push({ from: afterLastWhole, to });
  return { months: { from: firstWhole, to: previousMonth(afterLastWhole) }, days };
}
