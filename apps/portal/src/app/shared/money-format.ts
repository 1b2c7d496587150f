import { formatMoney, formatMoneyForDisplay, normaliseMoney, parseMoney } from '@tradecounter/domain';

/** The deployment's currency; the API prices in it (CURRENCY, default USD). */
export const DISPLAY_CURRENCY = 'USD';

/**
 * Formats a decimal money string for display: "-1234.5" → "-$1,234.50", in
 * the one money style the API's messages use too (libs/domain). Never floats.
 */
export function formatMoneyDisplay(value: string | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  return formatMoneyForDisplay(value, DISPLAY_CURRENCY);
}

/** a − b on decimal strings, exactly (bigint cents). */
export function subtractMoney(a: string, b: string): string {
  return formatMoney(parseMoney(a) - parseMoney(b));
}

/** Canonical wire form of a money input ("12.5" → "12.50"). */
export function toMoneyString(value: string | number): string {
  return normaliseMoney(String(value).trim());
}
