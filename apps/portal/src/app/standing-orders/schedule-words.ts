import type { IsoWeekday, StandingOrderSchedule } from '@tradecounter/contracts';

/** ISO weekdays (1 = Monday … 7 = Sunday) by name, in the order a picker lists them. */
export const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** 1 → "1st", 2 → "2nd", 11 → "11th", 22 → "22nd". */
export function ordinal(day: number): string {
  const lastTwo = day % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${day}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
  return `${day}${suffix}`;
}

/** The day of a monthly schedule: "the 15th", "the last day". */
export function monthDayWords(dayOfMonth: number | 'last' | undefined): string {
  if (dayOfMonth === 'last') return 'the last day';
  return dayOfMonth ? `the ${ordinal(dayOfMonth)}` : 'a day to choose';
}

/**
 * A schedule as people say it: "Every week on Monday", "Every 2 weeks on
 * Monday", "Monthly on the 15th", "Every 3 months on the last day".
 */
export function scheduleInWords(schedule: StandingOrderSchedule): string {
  const interval = Math.max(1, Math.trunc(schedule.interval) || 1);
  if (schedule.every === 'week') {
    const day = schedule.weekday ? WEEKDAY_NAMES[schedule.weekday] : 'a day to choose';
    return interval === 1 ? `Every week on ${day}` : `Every ${interval} weeks on ${day}`;
  }
  const day = monthDayWords(schedule.dayOfMonth);
  return interval === 1 ? `Monthly on ${day}` : `Every ${interval} months on ${day}`;
}
