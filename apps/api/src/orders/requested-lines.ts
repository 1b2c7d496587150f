import type { FieldError } from '@tradecounter/contracts';
import { quantityProblem } from '@tradecounter/domain';
import type { PromiseOutcome } from '../availability/availability.service';
import type { OrderableProduct } from '../catalog/catalog.service';
import { badRequest, conflict } from '../common/http/problem';

/** A line as asked for, resolved to its product. */
export interface RequestedLine {
  product: OrderableProduct;
  quantity: number;
}

/**
 * One product per line, in line order: each a known, active product, named
 * once, in a quantity its pack rules allow. Every bad line is reported with
 * its field, all at once.
 */
export function resolveLines(
  asked: { productId?: string; sku?: string; quantity: number }[],
  found: OrderableProduct[],
): RequestedLine[] {
  const byId = new Map(found.map((product) => [product.id, product]));
  const bySku = new Map(found.map((product) => [product.sku, product]));
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const lines = asked.map((line, index) => {
    if ((line.productId === undefined) === (line.sku === undefined)) {
      errors.push({ field: `lines[${index}]`, message: 'give either productId or sku' });
      return undefined;
    }
    const field = `lines[${index}].${line.productId ? 'productId' : 'sku'}`;
    const product = line.productId ? byId.get(line.productId.toLowerCase()) : bySku.get(line.sku ?? '');
    if (!product) {
      errors.push({ field, message: 'is not a known product' });
      return undefined;
    }
    if (!product.active) {
      errors.push({ field, message: `${product.sku} is no longer sold` });
      return undefined;
    }
    const first = seen.get(product.id);
    if (first !== undefined) {
      errors.push({
        field: `lines[${index}]`,
        message: `repeats the product of lines[${first}]; one line per product`,
      });
      return undefined;
    }
    seen.set(product.id, index);
    const problem = quantityProblem(line.quantity, product);
    if (problem) {
      errors.push({ field: `lines[${index}].quantity`, message: problem });
      return undefined;
    }
    return { product, quantity: line.quantity };
  });
  if (errors.length > 0) throw badRequest('Some lines cannot be ordered', errors);
  return lines as RequestedLine[];
}

/** A product that is not backorderable is refused beyond what stock and inbound can promise. */
export function refuseUnpromisable(lines: RequestedLine[], promised: PromiseOutcome): void {
  const errors: FieldError[] = [];
  lines.forEach((line, index) => {
    const short = promised.lines[index]?.reservation.fromSupplier ?? 0;
    if (!line.product.backorderable && short > 0) {
      errors.push({
        field: `lines[${index}].quantity`,
        message: `only ${line.quantity - short} of ${line.product.sku} can be promised; it is not backorderable`,
      });
    }
  });
  if (errors.length > 0) {
    throw conflict('Not enough stock for some lines, and they cannot be backordered', errors);
  }
}
