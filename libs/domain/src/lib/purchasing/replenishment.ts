import { ceilDiv, roundUpToPack } from './pack';

/*
 * Replenishment (domain.md, "Replenishment"), per product and warehouse.
 *
 * - Average daily demand d: the units ordered in the last 90 days (orders
 *   neither cancelled nor rejected, placed on one of the 90 report days
 *   ending today) divided by 90.
 * - Reorder point: d × (lead time + safety days), rounded up to whole units.
 * - Order-up-to level: d × (lead time + safety days + review days), rounded up.
 * - Position: available (on hand − reserved, never below 0) + on order (open
 *   units of sent purchase orders and the quantities of drafts).
 * - When d > 0 and position ≤ reorder point, suggest orderUpTo − position
 *   rounded up to the supplier pack; otherwise suggest nothing.
 *
 * Exact arithmetic: d is never held as a float. d × days = units × days ÷ 90,
 * so each level is ⌈units × days ÷ 90⌉ in whole numbers; d itself is only
 * shown, to the hundredth (halves up).
 */

export const DEMAND_WINDOW_DAYS = 90;

export interface ReplenishmentInput {
  /** Units ordered in the last DEMAND_WINDOW_DAYS days. */
  unitsOrdered: number;
  /** Business days from sending a purchase order to its arrival. */
  leadTimeDays: number;
  safetyDays: number;
  reviewDays: number;
  available: number;
  onOrder: number;
  /** The primary supplier's pack; null without supply (units). */
  packSize: number | null;
}

export interface Replenishment {
  /** Units a day, two decimals ("3.27"). */
  averageDailyDemand: string;
  reorderPoint: number;
  orderUpTo: number;
  suggestedQty: number;
}

/** The lead time a product is bought with: its primary supplier's, else the product's own. */
export function replenishmentLeadTime(
  supplierLeadTimeDays: number | null,
  productLeadTimeDays: number,
): number {
  return supplierLeadTimeDays ?? productLeadTimeDays;
}

/** units ÷ 90 as a decimal string to the hundredth, halves rounded up: round(units × 100 ÷ 90). */
export function averageDailyDemand(unitsOrdered: number): string {
  // round(u × 100 ÷ 90) = ⌊(u × 100 + 45) ÷ 90⌋, in whole numbers.
  const scaled = wholeNumber('unitsOrdered', unitsOrdered) * 100 + DEMAND_WINDOW_DAYS / 2;
  const hundredths = (scaled - (scaled % DEMAND_WINDOW_DAYS)) / DEMAND_WINDOW_DAYS;
  const cents = hundredths % 100;
  return `${(hundredths - cents) / 100}.${String(cents).padStart(2, '0')}`;
}

/** ⌈d × days⌉ with d = units ÷ 90: ⌈units × days ÷ 90⌉. */
export function demandOver(unitsOrdered: number, days: number): number {
  return ceilDiv(wholeNumber('unitsOrdered', unitsOrdered) * wholeNumber('days', days), DEMAND_WINDOW_DAYS);
}

export function replenishment(input: ReplenishmentInput): Replenishment {
  const cover = wholeNumber('leadTimeDays', input.leadTimeDays) + wholeNumber('safetyDays', input.safetyDays);
  const reorderPoint = demandOver(input.unitsOrdered, cover);
  const orderUpTo = demandOver(input.unitsOrdered, cover + wholeNumber('reviewDays', input.reviewDays));
  if (!Number.isSafeInteger(input.available))
    throw new RangeError(`Not a quantity (available): ${input.available}`);
  const position = Math.max(0, input.available) + wholeNumber('onOrder', input.onOrder);
  const due = input.unitsOrdered > 0 && position <= reorderPoint;
  return {
    averageDailyDemand: averageDailyDemand(input.unitsOrdered),
    reorderPoint,
    orderUpTo,
    suggestedQty: due ? roundUpToPack(Math.max(0, orderUpTo - position), input.packSize) : 0,
  };
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`Not a whole number (${name}): ${value}`);
  return value;
}
