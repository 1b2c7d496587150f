import { formatDisplayDate, formatDisplayDateTime } from '@tradecounter/domain';

/*
 * The portal's one date style (libs/domain display/dates.ts): calendar
 * dates "6 Dec 2026", instants "6 Dec 2026, 14:05" in the reader's time
 * zone. Every page shows dates through these or the pipes below.
 */

/** A `YYYY-MM-DD`, or the date of an instant in the reader's zone → "6 Dec 2026"; '—' for none. */
export function displayDate(value: string | Date | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDisplayDate(value);
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDisplayDate(
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
  );
}

/** An instant → "6 Dec 2026, 14:05" (with `seconds`, "…, 14:05:09") in the reader's zone; '—' for none. */
export function displayDateTime(
  value: string | Date | null | undefined,
  options: { seconds?: boolean; empty?: string } = {},
): string {
  if (value === null || value === undefined || value === '') return options.empty ?? '—';
  return formatDisplayDateTime(value, { seconds: options.seconds });
}
