import type { FieldError } from '@tradecounter/contracts';
import type { PromiseOutcome } from '../availability/availability.service';
import type { OrderableProduct } from '../catalog/catalog.service';
import { conflict } from '../common/http/problem';

/** A line as asked for, resolved to its product (by the catalog's LineResolver). */
export interface RequestedLine {
  product: OrderableProduct;
  quantity: number;
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
