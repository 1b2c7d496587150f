/*
 * Return rate (domain.md "Returns and after-sales"): returned units ÷
 * delivered units, by product, reason and account.
 *
 * - Returned units: the quantities on the lines of returns that were not
 *   rejected, counted in the period holding the return's request day.
 * - Delivered units: the units on shipments delivered in the period. By
 *   reason, every reason is measured against the period's whole deliveries.
 * - The rate is an exact decimal string with 4 places, rounded half up
 *   ("0.0250"); null when nothing was delivered. It may exceed 1: a return
 *   in this period may be of units delivered in an earlier one.
 * - Flagged products: those whose rate is in the top decile of the products
 *   with a rate (the ceil(n ÷ 10) highest, and every product tied with the
 *   last of them), provided they had at least 5 returned units, so a single
 *   return of a slow seller never flags it.
 */

/** Decimal places of a return rate. */
export const RETURN_RATE_PLACES = 4;
/** A product needs this many returned units in the period before it can be flagged. */
export const FLAG_MIN_RETURNED_UNITS = 5;

const SCALE = 10n ** BigInt(RETURN_RATE_PLACES);

/** returned ÷ delivered to 4 places, half up, exact (bigint arithmetic); null without deliveries. */
export function returnRate(returnedUnits: number, deliveredUnits: number): string | null {
  assertUnits(returnedUnits, 'returned');
  assertUnits(deliveredUnits, 'delivered');
  if (deliveredUnits === 0) return null;
  const delivered = BigInt(deliveredUnits);
  // Half up: add half the divisor before the integer division.
  const scaled = (BigInt(returnedUnits) * SCALE * 2n + delivered) / (delivered * 2n);
  const whole = scaled / SCALE;
  const fraction = (scaled % SCALE).toString().padStart(RETURN_RATE_PLACES, '0');
  return `${whole}.${fraction}`;
}

export interface ReturnRateCounts {
  key: string;
  returnedUnits: number;
  deliveredUnits: number;
}

/** a compared with b by their exact rates (returned ÷ delivered, both delivered > 0): −1, 0 or 1. */
export function compareRates(a: ReturnRateCounts, b: ReturnRateCounts): number {
  const left = BigInt(a.returnedUnits) * BigInt(b.deliveredUnits);
  const right = BigInt(b.returnedUnits) * BigInt(a.deliveredUnits);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The keys of the flagged products: top decile by exact rate, with at least 5 returned units. */
export function flaggedReturnRates(rows: readonly ReturnRateCounts[]): Set<string> {
  const rated = rows.filter((row) => row.deliveredUnits > 0).sort((a, b) => compareRates(b, a));
  const flagged = new Set<string>();
  if (rated.length === 0) return flagged;
  const decile = Math.ceil(rated.length / 10);
  const cutoff = rated[decile - 1];
  if (!cutoff) return flagged;
  // Ties with the last of the decile are in it: equal rates are never split by order.
  for (const row of rated) {
    if (compareRates(row, cutoff) < 0) break;
    if (eligible(row)) flagged.add(row.key);
  }
  return flagged;
}

function eligible(row: ReturnRateCounts): boolean {
  return row.returnedUnits >= FLAG_MIN_RETURNED_UNITS;
}

function assertUnits(units: number, what: string): void {
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new RangeError(`${what} units must be a whole number, at least 0 (got ${units})`);
  }
}
