import { localDateTime } from '@tradecounter/domain';

const HOUR_MS = 3_600_000;

/**
 * The calendar date of an instant in a time zone, as PostgreSQL's
 * `(at AT TIME ZONE zone)::date` gives it. Millions of shipments share a
 * few thousand hours, and a zone's offset only changes on the hour, so the
 * offset is looked up once per zone and hour.
 */
export class LocalDates {
  private readonly offsets = new Map<string, number>();

  dateAt(at: number, timeZone: string): string {
    const hour = Math.floor(at / HOUR_MS);
    const key = `${timeZone}|${hour}`;
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      const start = hour * HOUR_MS;
      const local = localDateTime(new Date(start), timeZone);
      offset = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * 60_000 - start;
      this.offsets.set(key, offset);
    }
    return new Date(at + offset).toISOString().slice(0, 10);
  }
}
