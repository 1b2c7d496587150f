import { RETURN_REASONS, type ReturnFees, type ReturnReason } from '@tradecounter/contracts';

/** The reasons as the buyer picks them, in the order the return form lists them. */
export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  damaged: 'Damaged in transit',
  defective: 'Defective',
  wrong_item: 'Wrong item sent',
  not_needed: 'No longer needed',
  other: 'Other',
};

/** The longest window the API takes (ten years), checked here too so the form says so first. */
export const MAX_WINDOW_DAYS = 3650;

/**
 * Why a typed restocking fee cannot be saved, or null when it can:
 * "0" to "100" with at most two decimals, as the API takes it.
 */
export function feeProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a fee (0 for none)';
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return 'Enter 0 to 100, at most 2 decimals';
  const [, whole, fraction = ''] = match;
  if (Number(whole) > 100 || (Number(whole) === 100 && /[1-9]/.test(fraction))) {
    return 'A fee cannot be more than 100 %';
  }
  return null;
}

/** A fee in the API's form: " 012.50 " → "12.5", "10.00" → "10". Assumes `feeProblem` passed. */
export function toFeeString(text: string): string {
  const [whole, fraction = ''] = text.trim().split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const units = String(Number(whole));
  return trimmed ? `${units}.${trimmed}` : units;
}

/** How a fee reads to people: "No fee", "10 %", "12.5 %". */
export function feeLabel(fee: string): string {
  const normalised = feeProblem(fee) ? fee : toFeeString(fee);
  return normalised === '0' ? 'No fee' : `${normalised} %`;
}

/** Fees for every reason from the form's texts (missing reasons count as "0"). */
export function toReturnFees(texts: Partial<Record<ReturnReason, string>>): ReturnFees {
  const fees = {} as ReturnFees;
  for (const reason of RETURN_REASONS) fees[reason] = toFeeString(texts[reason] ?? '0');
  return fees;
}

/**
 * Why a default window cannot be saved, or null: a whole number of days,
 * 0 (nothing is returnable unless a product sets its own window) to MAX_WINDOW_DAYS.
 */
export function windowDaysProblem(value: unknown): string | null {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return 'Enter a number of days';
  if (!/^\d+$/.test(text)) return 'Enter a whole number of days';
  const days = Number(text);
  if (days > MAX_WINDOW_DAYS) return `At most ${MAX_WINDOW_DAYS} days`;
  return null;
}
