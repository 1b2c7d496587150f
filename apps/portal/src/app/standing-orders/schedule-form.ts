import type { IsoWeekday, StandingOrderSchedule } from '@tradecounter/contracts';

/** The schedule fields as the form holds them (both kinds' fields at once). */
export interface ScheduleFormValue {
  every: 'week' | 'month';
  interval: number | string;
  weekday: IsoWeekday;
  /** 1–28 as a number, or "last". */
  dayOfMonth: number | 'last';
}

/** The days a monthly schedule may run on, as the picker lists them: 1–28, then the last day. */
export const MONTH_DAYS: readonly (number | 'last')[] = [
  ...Array.from({ length: 28 }, (_, i) => i + 1),
  'last',
];

/** The schedule to send: only the kind's own field (weekday or dayOfMonth), the interval a whole number. */
export function scheduleFromForm(value: ScheduleFormValue): StandingOrderSchedule {
  const interval = Math.max(1, Math.trunc(Number(value.interval)) || 1);
  return value.every === 'week'
    ? { every: 'week', interval, weekday: value.weekday }
    : { every: 'month', interval, dayOfMonth: value.dayOfMonth };
}

/** The form's fields for a schedule (the other kind's field at a sensible default). */
export function scheduleToForm(schedule: StandingOrderSchedule): ScheduleFormValue {
  return {
    every: schedule.every,
    interval: schedule.interval,
    weekday: schedule.weekday ?? 1,
    dayOfMonth: schedule.dayOfMonth ?? 1,
  };
}
