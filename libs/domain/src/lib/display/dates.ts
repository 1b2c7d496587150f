/**
 * The one date style of every screen, file and message: "6 Dec 2026",
 * "6 Dec 2026, 14:05", "Dec 2026", in the display locale (its month names
 * and order). Calendar dates (`YYYY-MM-DD`) are never shifted by a time
 * zone; instants are shown in the zone given (the reader's by default).
 */
export const DISPLAY_LOCALE = 'en-GB';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

function utcDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) ? date : null;
}

/** "2026-12-06" → "6 Dec 2026"; text that is not a date comes back as it is. */
export function formatDisplayDate(isoDate: string, locale = DISPLAY_LOCALE): string {
  const date = utcDate(isoDate);
  if (!date) return isoDate;
  return format(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "2026-12" (or any date in it) → "Dec 2026". */
export function formatDisplayMonth(isoMonth: string, locale = DISPLAY_LOCALE): string {
  const match = ISO_MONTH.exec(isoMonth.slice(0, 7));
  if (!match) return isoMonth;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return format(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * An instant (ISO text or Date) → "6 Dec 2026, 14:05" in `timeZone`
 * (undefined: the runtime's own, i.e. the reader's browser).
 */
export function formatDisplayDateTime(
  instant: string | Date,
  options: { locale?: string; timeZone?: string; seconds?: boolean } = {},
): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return format(options.locale ?? DISPLAY_LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZone: options.timeZone,
  }).format(date);
}

/** Every `YYYY-MM-DD` in a text (a server message) in the display style. */
export function withDisplayDates(text: string, locale = DISPLAY_LOCALE): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => formatDisplayDate(date, locale));
}

/** How a report names a day, a week (by its Monday) or a month, from its key. */
export function timeGroupLabel(
  grouping: 'day' | 'week' | 'month',
  key: string,
  locale = DISPLAY_LOCALE,
): string {
  if (grouping === 'month') return formatDisplayMonth(key, locale);
  const day = formatDisplayDate(key, locale);
  return grouping === 'week' ? `Week of ${day}` : day;
}
