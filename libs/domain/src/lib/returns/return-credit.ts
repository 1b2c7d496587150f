import { type Cents, formatMoney, parseMoney } from '../money';

const PERCENT_PATTERN = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** True for a fee percentage from "0" to "100" with at most two decimals. */
export function isFeePercent(value: string): boolean {
  const match = PERCENT_PATTERN.exec(value);
  if (!match) return false;
  return percentToBasisPoints(value) <= 10_000n;
}

/** "12.5" → 1250n (hundredths of a percent), exact. */
export function percentToBasisPoints(value: string): bigint {
  const match = PERCENT_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a percentage: "${value}"`);
  const [, whole, fraction = ''] = match;
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** The canonical form of a percentage: "12.50" → "12.5", "10.00" → "10", "0.00" → "0". */
export function formatFeePercent(value: string): string {
  const bp = percentToBasisPoints(value);
  const whole = bp / 100n;
  const fraction = (bp % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** The restocking fee on `gross`: gross × percent / 100, rounded half-up to the cent. */
export function restockingFee(gross: Cents, feePercent: string): Cents {
  if (gross < 0n) throw new RangeError('A fee is taken from a non-negative amount');
  const bp = percentToBasisPoints(feePercent);
  return (gross * bp + 5_000n) / 10_000n;
}

export interface CreditLineAmounts {
  gross: Cents;
  fee: Cents;
  total: Cents;
}

/** One credit note line: quantity × the unit price paid, less the fee (none when waived). */
export function creditLineAmounts(
  quantity: number,
  unitPrice: string,
  feePercent: string,
  feeWaived = false,
): CreditLineAmounts {
  if (!Number.isInteger(quantity) || quantity < 0)
    throw new RangeError('quantity must be a whole number ≥ 0');
  const gross = BigInt(quantity) * parseMoney(unitPrice);
  const fee = feeWaived ? 0n : restockingFee(gross, feePercent);
  return { gross, fee, total: gross - fee };
}

/** The same amounts as money strings, for a row or a response. */
export function formatCreditLine(amounts: CreditLineAmounts): { gross: string; fee: string; total: string } {
  return {
    gross: formatMoney(amounts.gross),
    fee: formatMoney(amounts.fee),
    total: formatMoney(amounts.total),
  };
}
