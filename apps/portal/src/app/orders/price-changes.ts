import type { MoneyString, PriceChangedProblem, Problem } from '@tradecounter/contracts';
import { parseMoney } from '@tradecounter/domain';

/** A line as the buyer (or account manager) last saw it priced. */
export interface SeenLine {
  productId: string;
  unitPrice: MoneyString;
}

/** One line of a refused order, at its new price, beside the price that was shown. */
export interface PriceChange {
  productId: string;
  sku: string;
  quantity: number;
  /** The unit price shown before; null when that line had not been priced. */
  seenUnitPrice: MoneyString | null;
  unitPrice: MoneyString;
  lineTotal: MoneyString;
  changed: boolean;
}

/** The 409 of POST /api/orders that carries the new prices (a 409 for stock or a busy key does not). */
export function isPriceChangedProblem(problem: Problem): problem is PriceChangedProblem {
  const candidate = problem as Partial<PriceChangedProblem>;
  return (
    problem.status === 409 &&
    typeof candidate.subtotal === 'string' &&
    typeof candidate.expectedSubtotal === 'string' &&
    Array.isArray(candidate.lines)
  );
}

/** Every line of the refused order at its new price, marked where it differs from what was seen. */
export function priceChanges(seen: readonly SeenLine[], problem: PriceChangedProblem): PriceChange[] {
  const seenPrices = new Map(seen.map((line) => [line.productId, line.unitPrice]));
  return problem.lines.map((line) => {
    const seenUnitPrice = seenPrices.get(line.productId) ?? null;
    return {
      productId: line.productId,
      sku: line.sku,
      quantity: line.quantity,
      seenUnitPrice,
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
      changed: seenUnitPrice === null || parseMoney(seenUnitPrice) !== parseMoney(line.unitPrice),
    };
  });
}
