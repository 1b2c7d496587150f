import type { IsoDate, StandingOrderSchedule } from '@tradecounter/contracts';

/**
 * The dates a schedule as typed would run on, for the form's live preview.
 * The schedule arithmetic is the domain's (libs/domain, shared with the API's
 * scheduler); until it is there this gives null, and the form says the dates
 * show on the standing order's page once saved (from the API's `nextRuns`).
 */
export function previewRuns(
  _schedule: StandingOrderSchedule,
  _startDate: IsoDate,
  _endDate: IsoDate | null,
  _today: IsoDate,
  _count: number,
): IsoDate[] | null {
  return null;
}
