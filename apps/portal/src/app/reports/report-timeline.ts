import { timeGroupLabel } from '@tradecounter/domain';
import { addDays, type Period } from './report-period';

export type TimeGrouping = 'day' | 'week' | 'month';

export interface TimeSlot {
  /** As the API keys its rows: `YYYY-MM-DD` (a week by its Monday) or `YYYY-MM`. */
  key: string;
  label: string;
  /**
   * Not a whole period's worth: the period cuts it (it starts before `from`
   * or ends after `to`), or it is not over yet (it ends today or later).
   */
  partial: boolean;
}

/** Monday of the ISO week holding `day` (what PostgreSQL's date_trunc('week') gives). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * Every day, week or month of the period, in order, so a chart over time
 * shows a quiet day as a quiet day instead of joining its neighbours. The
 * API only sends the slots that had something.
 */
export function timeSlots(grouping: TimeGrouping, { from, to }: Period, today?: string): TimeSlot[] {
  const slots: TimeSlot[] = [];
  const partial = (start: string, end: string) =>
    start < from || end > to || (today !== undefined && end >= today);
  if (grouping === 'month') {
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
      const end = addDays(`${nextMonth(month)}-01`, -1);
      slots.push({ key: month, label: timeGroupLabel('month', month), partial: partial(`${month}-01`, end) });
    }
    return slots;
  }
  const step = grouping === 'week' ? 7 : 1;
  const first = grouping === 'week' ? mondayOf(from) : from;
  for (let day = first; day <= to; day = addDays(day, step)) {
    const end = addDays(day, step - 1);
    slots.push({ key: day, label: timeGroupLabel(grouping, day), partial: partial(day, end) });
  }
  return slots;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** A value per slot from rows keyed the same way; `missing` where the API sent no row. */
export function valuesBySlot<R extends { key: string }, V>(
  slots: readonly TimeSlot[],
  rows: readonly R[],
  value: (row: R) => V,
  missing: V,
): V[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return slots.map((slot) => {
    const row = byKey.get(slot.key);
    return row === undefined ? missing : value(row);
  });
}
