import type { IsoDate } from '@tradecounter/contracts';

/** One coming date of a standing order: it places an order, or it is skipped. */
export interface ComingRun {
  date: IsoDate;
  skipped: boolean;
}

/**
 * The coming dates as the calendar lists them: the runs that will place an
 * order and the skipped dates among them, in date order, at most `count`.
 * A skipped date after the last listed run is left out (nothing to compare).
 */
export function comingRuns(
  nextRuns: readonly IsoDate[],
  skippedDates: readonly IsoDate[],
  count = 6,
): ComingRun[] {
  const lastRun = nextRuns[nextRuns.length - 1];
  const skipped = skippedDates
    .filter((date) => lastRun !== undefined && date < lastRun)
    .map((date) => ({ date, skipped: true }));
  const runs = nextRuns.map((date) => ({ date, skipped: false }));
  return [...runs, ...skipped].sort((a, b) => a.date.localeCompare(b.date)).slice(0, count);
}
