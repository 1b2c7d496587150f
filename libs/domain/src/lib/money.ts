import { remembered } from './remembered';

/**
 * Money as integer minor units (cents) held in a bigint, so sums and
 * products are exact. The wire format is a decimal string with two decimals.
 */
export type Cents = bigint;

const MONEY_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** True for "12", "12.5", "12.50", "-3.10"; false for "1e3", "12.345", " 1". */
export function isMoneyString(value: string): boolean {
  return MONEY_PATTERN.test(value);
}

/**
 * Parses a decimal string with at most two decimals into cents. Throws on anything else.
 * Remembered (a 100-line quote parses the same few list prices again and again).
 */
export const parseMoney: (value: string) => Cents = remembered((value: string): Cents => {
  const match = MONEY_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a money amount: "${value}"`);
  const [, sign, units, fraction = ''] = match;
  const cents = BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -cents : cents;
});

/** Formats cents as "1234.50" (no grouping, always two decimals). */
export function formatMoney(cents: Cents): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const units = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${units}.${fraction}`;
}

/** Normalises any accepted money string to the canonical two-decimal form. */
export function normaliseMoney(value: string): string {
  return formatMoney(parseMoney(value));
}

export function sumMoney(amounts: Iterable<Cents>): Cents {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}
