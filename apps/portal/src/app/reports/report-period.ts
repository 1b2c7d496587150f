import type { IsoDate, SalesGroupBy } from '@tradecounter/contracts';
import { addCalendarDays, calendarDaysBetween, isIsoDate as isCalendarDate } from '@tradecounter/domain';

/** The periods a dashboard offers in one click; `custom` takes its dates from the URL. */
export const PERIOD_PRESETS = [
  { key: 'last7', label: 'Last 7 days' },
  { key: 'last30', label: 'Last 30 days' },
  { key: 'last90', label: 'Last 90 days' },
  { key: 'mtd', label: 'Month to date' },
  { key: 'qtd', label: 'Quarter to date' },
  { key: 'ytd', label: 'Year to date' },
  { key: 'last12m', label: 'Last 12 months' },
  { key: 'custom', label: 'Custom dates' },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['key'];

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && isCalendarDate(value);
}

export function toPreset(value: unknown): PeriodPreset | undefined {
  return PERIOD_PRESETS.find((preset) => preset.key === value)?.key;
}

/** Today in the browser's calendar (the deployment's, for the people using it). */
export function todayIso(now = new Date()): IsoDate {
  return toIso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/** Calendar arithmetic on UTC midnights, so daylight saving never shifts a day. */
function fromIso(day: IsoDate): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date));
}

function toIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return addCalendarDays(day, days);
}

/** Days in the period, both ends included. */
export function periodLength({ from, to }: Period): number {
  return calendarDaysBetween(from, to) + 1;
}

/** The dates of a preset ending today; `custom` falls back to the last 30 days. */
export function presetPeriod(preset: PeriodPreset, today: IsoDate): Period {
  const date = fromIso(today);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const firstOf = (y: number, m: number) => toIso(new Date(Date.UTC(y, m, 1)));
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'mtd':
      return { from: firstOf(year, month), to: today };
    case 'qtd':
      return { from: firstOf(year, month - (month % 3)), to: today };
    case 'ytd':
      return { from: firstOf(year, 0), to: today };
    case 'last12m':
      // The same day a year back, plus one: twelve whole months ending today.
      return { from: addDays(toIso(new Date(Date.UTC(year - 1, month, date.getUTCDate()))), 1), to: today };
    case 'last30':
    case 'custom':
      return { from: addDays(today, -29), to: today };
  }
}

/**
 * The period the URL asks for: a preset, or `custom` with both dates valid
 * and in order; without either, the page's `fallback`.
 */
export function resolvePeriod(
  preset: PeriodPreset | undefined,
  from: string,
  to: string,
  today: IsoDate,
  fallback: PeriodPreset = 'last30',
): Period & { preset: PeriodPreset } {
  const chosen = preset ?? (from || to ? 'custom' : fallback);
  if (chosen !== 'custom') return { preset: chosen, ...presetPeriod(chosen, today) };
  const end = isIsoDate(to) ? to : today;
  const start = isIsoDate(from) && from <= end ? from : addDays(end, -29);
  return { preset: 'custom', from: start, to: end };
}

/** Over time, a chart reads best with about 7 to 60 points: days, then weeks, then months. */
export function timelineGrouping(period: Period): Extract<SalesGroupBy, 'day' | 'week' | 'month'> {
  const days = periodLength(period);
  if (days <= 45) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}
