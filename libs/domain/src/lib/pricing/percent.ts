/**
 * Percentages as integer hundredths of a percent ("basis points of a
 * percent"): "12.5" → 1250, "10" → 1000, "3.75" → 375. 100 % = 10 000.
 */
export type Hundredths = bigint;

export const HUNDRED_PERCENT: Hundredths = 10_000n;
const PERCENT_PATTERN = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

export function isPercentString(value: string): boolean {
  const match = PERCENT_PATTERN.exec(value);
  return match !== null && parsePercent(value) <= HUNDRED_PERCENT;
}

export function parsePercent(value: string): Hundredths {
  const match = PERCENT_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a percentage: "${value}"`);
  const [, whole, fraction = ''] = match;
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (hundredths > HUNDRED_PERCENT) throw new RangeError(`A percentage above 100: "${value}"`);
  return hundredths;
}

export function formatPercent(value: Hundredths): string {
  const whole = value / 100n;
  const fraction = (value % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
