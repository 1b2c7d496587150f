/**
 * Percentages as integer hundredths of a percent ("basis points of a
 * percent"): "12.5" → 1250, "10" → 1000, "3.75" → 375. 100 % = 10 000.
 */
export type Hundredths = bigint;

export const HUNDRED_PERCENT: Hundredths = 10_000n;
const PERCENT_PATTERN = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** True for "0" to "100" with at most two decimals. */
export function isPercentString(value: string): boolean {
  const hundredths = toHundredths(value);
  return hundredths !== undefined && hundredths <= HUNDRED_PERCENT;
}

export function parsePercent(value: string): Hundredths {
  const hundredths = toHundredths(value);
  if (hundredths === undefined) throw new RangeError(`Not a percentage: "${value}"`);
  if (hundredths > HUNDRED_PERCENT) throw new RangeError(`A percentage above 100: "${value}"`);
  return hundredths;
}

function toHundredths(value: string): Hundredths | undefined {
  const match = PERCENT_PATTERN.exec(value);
  if (!match) return undefined;
  const [, whole, fraction = ''] = match;
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

export function formatPercent(value: Hundredths): string {
  const whole = value / 100n;
  const fraction = (value % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
