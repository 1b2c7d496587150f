import type { Cart, CartLine, PromiseDates, PromiseSplit } from '@tradecounter/contracts';
import { formatMoney, nearestOrderable, quantityProblem, sumMoney } from '@tradecounter/domain';
import type { PromiseOutcome, PromisedLine } from '../availability/availability.service';
import type { PriceBook } from '../pricing/price-calculator';
import { productImageUrls } from '../catalog/image-urls';
import type { CartLineRow } from './cart.repository';

export interface CartParts {
  accountId: string;
  currency: string;
  updatedAt: Date | null;
  lines: CartLineRow[];
  book: PriceBook;
  /** The promise of the lines still sold (a product no longer sold cannot be promised). */
  promised: PromiseOutcome;
}

/**
 * The cart as the buyer sees it: every line priced at its quantity and
 * promised, with why it could not be ordered as it stands. The subtotal is
 * the sum of the line totals.
 */
export function toCart(parts: CartParts): Cart {
  const promisedById = new Map(parts.promised.lines.map((line) => [line.productId, line]));
  const cartDates = parts.promised.response.shipComplete;
  const priced = parts.lines.map((row) => ({
    row,
    price: parts.book.price({ ...row, id: row.productId }, row.quantity),
  }));
  const lines: CartLine[] = priced.map(({ row, price }) => {
    const promise = promisedById.get(row.productId);
    return {
      productId: row.productId,
      sku: row.sku,
      name: row.name,
      unit: row.unit,
      quantity: row.quantity,
      minOrderQty: row.minOrderQty,
      orderMultiple: row.orderMultiple,
      listPrice: row.listPrice,
      unitPrice: formatMoney(price.unitPrice),
      lineTotal: formatMoney(price.lineTotal),
      thumbnailUrl: productImageUrls(row.productId, row.imageVersion).thumbnailUrl,
      promise: promise
        ? { splits: promise.splits, shipComplete: latest(promise.splits) ?? cartDates }
        : { splits: [], shipComplete: cartDates },
      problem: lineProblem(row, promise),
    };
  });
  return {
    accountId: parts.accountId,
    currency: parts.currency,
    warehouseCode: parts.promised.response.warehouseCode,
    lines,
    subtotal: formatMoney(sumMoney(priced.map(({ price }) => price.lineTotal))),
    shipComplete: parts.promised.lines.length > 0 ? cartDates : null,
    updatedAt: parts.updatedAt ? parts.updatedAt.toISOString() : null,
  };
}

/** Why the line cannot be ordered as it stands: what placing the order would refuse. */
function lineProblem(row: CartLineRow, promise: PromisedLine | undefined): string | null {
  if (!row.active) return `${row.sku} is no longer sold; remove it to order the rest`;
  const problem = quantityProblem(row.quantity, row);
  if (problem) {
    const nearest = nearestOrderable(row.quantity, row);
    return nearest === null ? `the quantity ${problem}` : `the quantity ${problem}; ${nearest} would do`;
  }
  const short = promise?.reservation.fromSupplier ?? 0;
  if (promise && !promise.backorderable && short > 0) {
    return `only ${row.quantity - short} can be promised and ${row.sku} cannot be backordered`;
  }
  return null;
}

function latest(splits: PromiseSplit[]): PromiseDates | undefined {
  let found: PromiseDates | undefined;
  for (const split of splits) {
    if (!found || split.shipDate > found.shipDate) {
      found = { shipDate: split.shipDate, deliveryDate: split.deliveryDate };
    }
  }
  return found;
}
