/**
 * Supplier packs: a supplier sells in whole packs (its order multiple), so
 * whatever we decide to buy is rounded up to the next whole pack. Never
 * down: buying less than the need would leave the need uncovered.
 */

/** `qty` rounded up to a whole number of packs; a missing pack (null) buys units. */
export function roundUpToPack(qty: number, pack: number | null): number {
  if (!Number.isSafeInteger(qty) || qty < 0) throw new RangeError(`Not a quantity: ${qty}`);
  if (pack === null) return qty;
  if (!Number.isSafeInteger(pack) || pack < 1) throw new RangeError(`Not a pack size: ${pack}`);
  const remainder = qty % pack;
  return remainder === 0 ? qty : qty - remainder + pack;
}

/** ⌈a ÷ b⌉ for whole a ≥ 0 and b ≥ 1, exactly (the remainder is exact, so the division is too). */
export function ceilDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || a < 0) throw new RangeError(`Not a whole number: ${a}`);
  if (!Number.isSafeInteger(b) || b < 1) throw new RangeError(`Not a divisor: ${b}`);
  const remainder = a % b;
  return (a - remainder) / b + (remainder === 0 ? 0 : 1);
}
