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

/**
 * The nearest quantity that can be ordered (for a "did you mean" hint): the
 * next whole pack at or above `quantity` and the minimum, or, when that
 * passes MAX_LINE_QUANTITY, the largest whole pack within it. Null when no
 * quantity can be (a minimum above the maximum).
 */
export function nearestOrderable(quantity: number, rules: PackRules): number | null {
  const multiple = Math.max(1, rules.orderMultiple);
  const atLeast = Math.max(Math.ceil(quantity), rules.minOrderQty, 1);
  const up = Math.ceil(atLeast / multiple) * multiple;
  if (up <= MAX_LINE_QUANTITY) return up;
  const down = Math.floor(MAX_LINE_QUANTITY / multiple) * multiple;
  return down >= Math.max(rules.minOrderQty, 1) ? down : null;
}
