import type { IsoDate, StandingOrderSchedule } from '@tradecounter/contracts';
import { scheduleProblems, upcomingRuns } from '@tradecounter/domain';

export interface SchedulePreviewInput {
  schedule: StandingOrderSchedule;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** Dates already skipped (editing a standing order); none for a new one. */
  skippedDates: readonly IsoDate[];
}

/** The preview: the next run dates, or why the schedule as typed has none. */
export type SchedulePreview = { dates: IsoDate[]; problem: null } | { dates: []; problem: string };

/**
 * The dates a schedule as typed would run on from `today`, by the domain's
 * schedule arithmetic (the API's scheduler uses the same): at most `count`.
 */
export function previewRuns(input: SchedulePreviewInput, today: IsoDate, count: number): SchedulePreview {
  const [problem] = scheduleProblems(input.schedule);
  if (problem) return { dates: [], problem: `${scheduleFieldName(problem.field)} ${problem.message}` };
  if (input.endDate !== null && input.endDate < input.startDate) {
    return { dates: [], problem: 'The end date is before the start date' };
  }
  const dates = upcomingRuns(
    {
      schedule: input.schedule as Parameters<typeof upcomingRuns>[0]['schedule'],
      startDate: input.startDate,
      endDate: input.endDate,
      status: 'active',
      resumeOn: null,
      skippedDates: new Set(input.skippedDates),
    },
    today > input.startDate ? today : input.startDate,
    count,
  );
  return { dates, problem: null };
}

function scheduleFieldName(field: string): string {
  if (field.endsWith('interval')) return 'The interval';
  if (field.endsWith('weekday')) return 'The weekday';
  if (field.endsWith('dayOfMonth')) return 'The day of the month';
  return 'The schedule';
}
