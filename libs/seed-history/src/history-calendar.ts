/**
 * Days as integers (days since 1970-01-01, UTC) with a business calendar:
 * Monday to Friday less the holidays. Cheap enough for millions of calls.
 */
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

export class BusinessCalendar {
  private readonly isoCache = new Map<number, string>();
  private readonly holidayDays: Set<number>;

  constructor(holidays: Iterable<string>) {
    this.holidayDays = new Set([...holidays].map((iso) => dayOf(Date.parse(`${iso}T00:00:00Z`))));
  }

  /** 0 = Sunday … 6 = Saturday. */
  weekday(day: number): number {
    return (((day + 4) % 7) + 7) % 7;
  }

  isHoliday(day: number): boolean {
    return this.holidayDays.has(day);
  }

  isBusinessDay(day: number): boolean {
    const weekday = this.weekday(day);
    return weekday !== 0 && weekday !== 6 && !this.holidayDays.has(day);
  }

  nextBusinessDay(day: number): number {
    let next = day + 1;
    while (!this.isBusinessDay(next)) next++;
    return next;
  }

  /** `day` plus `n` business days (n = 0: the day itself). */
  addBusinessDays(day: number, n: number): number {
    let current = day;
    for (let left = n; left > 0; left--) current = this.nextBusinessDay(current);
    return current;
  }

  iso(day: number): string {
    let iso = this.isoCache.get(day);
    if (iso === undefined) {
      iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.isoCache.set(day, iso);
    }
    return iso;
  }
}

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
