import type { IsoDate } from '@tradecounter/contracts';

/** What saving would change: dates added to and removed from the saved list. */
export function holidayChanges(
  saved: readonly IsoDate[],
  edited: readonly IsoDate[],
): { added: IsoDate[]; removed: IsoDate[] } {
  const before = new Set(saved);
  const after = new Set(edited);
  return {
    added: edited.filter((date) => !before.has(date)),
    removed: saved.filter((date) => !after.has(date)),
  };
}

/** This year and next, plus every year that has a holiday, ascending. */
export function yearsToShow(dates: readonly IsoDate[], thisYear: number): number[] {
  const years = new Set([thisYear, thisYear + 1, ...dates.map((date) => Number(date.slice(0, 4)))]);
  return [...years].sort((a, b) => a - b);
}
