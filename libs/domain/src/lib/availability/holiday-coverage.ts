import { dayOfWeek, type IsoDate } from './calendar';

/**
 * The years the calendar should cover and does not: this year and next
 * (a promise can reach into next year long before it starts). A year with no
 * holiday at all was never filled in, so its Christmas would be promised as
 * a delivery day.
 */
export function yearsWithoutHolidays(holidays: Iterable<IsoDate>, today: IsoDate): number[] {
  const thisYear = Number(today.slice(0, 4));
  const covered = new Set([...holidays].map((date) => Number(date.slice(0, 4))));
  return [thisYear, thisYear + 1].filter((year) => !covered.has(year));
}

export interface PublicHolidayCandidate {
  date: IsoDate;
  name: string;
}

/**
 * A holiday library's public holidays for one year, made ready to save:
 * one per date (the first name wins; a substitute day keeps its own date),
 * sorted, and without those on a weekend, which is never a business day
 * anyway (they are counted in `weekend`).
 */
export function publicHolidaysToSave(candidates: readonly PublicHolidayCandidate[]): {
  holidays: PublicHolidayCandidate[];
  weekend: PublicHolidayCandidate[];
} {
  const byDate = new Map<IsoDate, PublicHolidayCandidate>();
  for (const candidate of candidates) if (!byDate.has(candidate.date)) byDate.set(candidate.date, candidate);
  const sorted = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  const isWeekend = (date: IsoDate) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
  return {
    holidays: sorted.filter((holiday) => !isWeekend(holiday.date)),
    weekend: sorted.filter((holiday) => isWeekend(holiday.date)),
  };
}
