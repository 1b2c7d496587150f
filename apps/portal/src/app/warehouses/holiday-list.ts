import type { IsoDate, NamedHoliday } from '@tradecounter/contracts';

/** What saving would change: dates added and removed, and kept dates whose name changed. */
export function holidayChanges(
  saved: readonly NamedHoliday[],
  edited: readonly NamedHoliday[],
): { added: IsoDate[]; removed: IsoDate[]; renamed: IsoDate[] } {
  const before = new Map(saved.map((holiday) => [holiday.date, holiday.name]));
  const after = new Set(edited.map((holiday) => holiday.date));
  return {
    added: edited.filter((holiday) => !before.has(holiday.date)).map((holiday) => holiday.date),
    removed: saved.filter((holiday) => !after.has(holiday.date)).map((holiday) => holiday.date),
    renamed: edited
      .filter((holiday) => before.has(holiday.date) && before.get(holiday.date) !== holiday.name)
      .map((holiday) => holiday.date),
  };
}

/**
 * Holidays merged in (a library's public holidays): a new date is added with
 * its name; a date already listed keeps its own name, or takes the new one
 * if it has none. Sorted by date.
 */
export function mergeHolidays(
  current: readonly NamedHoliday[],
  incoming: readonly { date: IsoDate; name: string }[],
): NamedHoliday[] {
  const byDate = new Map(current.map((holiday) => [holiday.date, holiday]));
  for (const holiday of incoming) {
    const existing = byDate.get(holiday.date);
    if (!existing) byDate.set(holiday.date, { date: holiday.date, name: holiday.name });
    else if (!existing.name) byDate.set(holiday.date, { ...existing, name: holiday.name });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** This year and next, plus every year that has a holiday, ascending. */
export function yearsToShow(dates: readonly IsoDate[], thisYear: number): number[] {
  const years = new Set([thisYear, thisYear + 1, ...dates.map((date) => Number(date.slice(0, 4)))]);
  return [...years].sort((a, b) => a - b);
}
