/** A product's ordering rules: a minimum and a pack size (order multiple). */
export interface PackRules {
  minOrderQty: number;
  orderMultiple: number;
}

/** The most units one line may ask for; beyond it is a typing slip, not an order. */
export const MAX_LINE_QUANTITY = 1_000_000;

/**
 * Why this quantity cannot be ordered, in words for the buyer, or null when
 * it can: a positive whole number, at least the minimum, in whole packs.
 */
export function quantityProblem(quantity: unknown, rules: PackRules): string | null {
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0) {
    return 'must be a positive whole number';
  }
  if (quantity > MAX_LINE_QUANTITY) return `must be at most ${MAX_LINE_QUANTITY}`;
  if (quantity < rules.minOrderQty) return `must be at least ${rules.minOrderQty} (the minimum order)`;
  if (quantity % rules.orderMultiple !== 0) {
    return `must be a multiple of ${rules.orderMultiple} (sold in packs of ${rules.orderMultiple})`;
  }
  return null;
}

/** The nearest quantity that can be ordered at or above `quantity` (for a "did you mean" hint). */
export function nearestOrderable(quantity: number, rules: PackRules): number {
  const atLeast = Math.max(Math.ceil(quantity), rules.minOrderQty, 1);
  return Math.ceil(atLeast / rules.orderMultiple) * rules.orderMultiple;
}
