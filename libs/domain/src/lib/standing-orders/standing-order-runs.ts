import { addCalendarDays, calendarDaysBetween, IsoDate, isBusinessDay } from '../availability/calendar';
import { scheduledDateOnOrAfter, StandingSchedule } from './schedule';

/** Everything that decides a standing order's run dates. */
export interface StandingOrderTimeline {
  schedule: StandingSchedule;
  startDate: IsoDate;
  endDate: IsoDate | null;
  status: 'active' | 'paused';
  /** A paused standing order runs again from this date; null: paused until resumed. */
  resumeOn: IsoDate | null;
  skippedDates: ReadonlySet<IsoDate>;
}

/** A run is placed up to this many days after its date (the system was down); later, it is reported missed. */
export const MAX_DAYS_LATE = 2;
/** The buyer's preview comes this many business days before a run. */
export const PREVIEW_BUSINESS_DAYS = 3;

/** The first day the timeline may run on or after `from`: pauses and the end date honoured, skips not. */
function firstAllowed(timeline: StandingOrderTimeline, from: IsoDate): IsoDate | null {
  if (timeline.status === 'paused') {
    if (timeline.resumeOn === null) return null;
    return timeline.resumeOn > from ? timeline.resumeOn : from;
  }
  return from;
}

/**
 * The next `count` run dates on or after `onOrAfter`, ascending: the
 * schedule's dates, skipped ones left out, none while paused (from
 * `resumeOn` when it has one), none after the end date.
 */
export function upcomingRuns(timeline: StandingOrderTimeline, onOrAfter: IsoDate, count: number): IsoDate[] {
  const runs: IsoDate[] = [];
  let from = firstAllowed(timeline, onOrAfter);
  // Skipped dates are finite, so this ends: each turn either records a run or passes one skipped date.
  while (from !== null && runs.length < count) {
    const date = scheduledDateOnOrAfter(timeline.schedule, timeline.startDate, from);
    if (timeline.endDate !== null && date > timeline.endDate) break;
    if (!timeline.skippedDates.has(date)) runs.push(date);
    from = addCalendarDays(date, 1);
  }
  return runs;
}

/** The next run date on or after `onOrAfter`, or null (paused without a resume date, or ended). */
export function nextRunDate(timeline: StandingOrderTimeline, onOrAfter: IsoDate): IsoDate | null {
  return upcomingRuns(timeline, onOrAfter, 1)[0] ?? null;
}

/** Whether `date` is a date of the schedule within its start and end (skips and pauses aside). */
export function isRunOfSchedule(timeline: StandingOrderTimeline, date: IsoDate): boolean {
  if (date < timeline.startDate) return false;
  if (timeline.endDate !== null && date > timeline.endDate) return false;
  return scheduledDateOnOrAfter(timeline.schedule, timeline.startDate, date) === date;
}

/** What the runner does with a due run on `today`: place it (at most 2 days late), or report it missed. */
export function lateRunDecision(runDate: IsoDate, today: IsoDate): 'not_due' | 'place' | 'missed' {
  const late = calendarDaysBetween(runDate, today);
  if (late < 0) return 'not_due';
  return late <= MAX_DAYS_LATE ? 'place' : 'missed';
}

/** The day the preview of a run is due: 3 business days before it. */
export function previewDate(runDate: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate {
  let date = runDate;
  for (let found = 0; found < PREVIEW_BUSINESS_DAYS;) {
    date = addCalendarDays(date, -1);
    if (isBusinessDay(date, holidays)) found++;
  }
  return date;
}

/** Whether the preview of the run on `runDate` is due on `today` (from its day until the run). */
export function isPreviewDue(runDate: IsoDate, today: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  return today < runDate && today >= previewDate(runDate, holidays);
}
