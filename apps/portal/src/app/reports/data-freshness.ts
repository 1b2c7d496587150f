import { displayDateTime } from '../shared/date-format';

/** A report answer is flagged when its data is this far behind the moment it arrived (a lagging replica). */
export const STALE_AFTER_SECONDS = 60;

export interface DataFreshness {
  /** The oldest of the answers' `asOf`: what the page as a whole is current to. */
  asOf: string;
  /** "14:02:31" the same day, else with the date: "6 Dec 2026, 14:02:31". */
  label: string;
  /** How far the data was behind when it arrived, in whole seconds (never negative). */
  behindSeconds: number;
  stale: boolean;
}

/**
 * What the page's figures are current to: the oldest `asOf` among the
 * answers loaded (undefined while none has), measured against `now`, the
 * time they arrived.
 */
export function dataFreshness(asOfs: (string | undefined)[], now: Date): DataFreshness | undefined {
  const known = asOfs.filter((asOf): asOf is string => asOf !== undefined && !Number.isNaN(Date.parse(asOf)));
  if (known.length === 0) return undefined;
  const asOf = known.reduce((oldest, next) => (Date.parse(next) < Date.parse(oldest) ? next : oldest));
  const behindSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(asOf)) / 1000));
  const full = displayDateTime(asOf, { seconds: true });
  const sameDay = displayDateTime(now, { seconds: true }).split(', ')[0] === full.split(', ')[0];
  return {
    asOf,
    label: sameDay ? (full.split(', ')[1] ?? full) : full,
    behindSeconds,
    stale: behindSeconds > STALE_AFTER_SECONDS,
  };
}

/** "45 s", "3 min", "2 h 5 min". */
export function formatLag(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
