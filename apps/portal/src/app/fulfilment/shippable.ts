import type { Order, OrderLine } from '@tradecounter/contracts';
import { nextStatus, shippableQty } from '@tradecounter/domain';

/** Units of a line that can ship now: what remains, as far as it is reserved from stock (as the API checks). */
export function shippable(line: OrderLine): number {
  return shippableQty(line);
}

/** Units still to ship that are not in stock yet (on inbound receipts or backordered from the supplier). */
export function waiting(line: OrderLine): number {
  return Math.max(0, line.quantity - line.shipped - line.reserved);
}

export function canShip(order: Order): boolean {
  return nextStatus(order.status, 'ship_part') !== null && order.lines.some((line) => shippable(line) > 0);
}
