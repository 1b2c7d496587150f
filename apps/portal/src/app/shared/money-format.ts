import { formatMoney, isMoneyString, normaliseMoney, parseMoney } from '@tradecounter/domain';

const CURRENCY_SYMBOL = '$';

/** Formats a decimal money string for display: "-1234.5" → "-$1,234.50". Never uses floats. */
export function formatMoneyDisplay(value: string | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  const trimmed = value.trim();
  if (!isMoneyString(trimmed)) return trimmed;
  const canonical = normaliseMoney(trimmed);
  const negative = canonical.startsWith('-');
  const [units, cents] = (negative ? canonical.slice(1) : canonical).split('.');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${CURRENCY_SYMBOL}${grouped}.${cents}`;
}

/** a − b on decimal strings, exactly (bigint cents). */
export function subtractMoney(a: string, b: string): string {
  return formatMoney(parseMoney(a) - parseMoney(b));
}

/** Canonical wire form of a money input ("12.5" → "12.50"). */
export function toMoneyString(value: string | number): string {
  return normaliseMoney(String(value).trim());
}
