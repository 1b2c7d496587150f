import type { IsoDate, OpenOrderLine, OrderStatus } from '@tradecounter/contracts';

/** An order with units still to ship, as the buyer's home lists it. */
export interface OpenOrder {
  orderId: string;
  orderNumber: string;
  status: OrderStatus;
  /** Lines with units still to ship. */
  lines: number;
  /** Units still to ship, across those lines. */
  units: number;
  /** The earliest date a line of it is promised. */
  nextDelivery: IsoDate;
}

/**
 * The open lines (earliest promise first, as GET /api/orders/open-lines
 * answers) folded into their orders, the order with the earliest promise first.
 */
export function openOrders(lines: readonly OpenOrderLine[]): OpenOrder[] {
  const orders = new Map<string, OpenOrder>();
  for (const line of lines) {
    const order = orders.get(line.orderId);
    if (order) {
      order.lines += 1;
      order.units += line.open;
      if (line.currentPromisedDate < order.nextDelivery) order.nextDelivery = line.currentPromisedDate;
    } else {
      orders.set(line.orderId, {
        orderId: line.orderId,
        orderNumber: line.orderNumber,
        status: line.status,
        lines: 1,
        units: line.open,
        nextDelivery: line.currentPromisedDate,
      });
    }
  }
  return [...orders.values()].sort(
    (a, b) => a.nextDelivery.localeCompare(b.nextDelivery) || a.orderNumber.localeCompare(b.orderNumber),
  );
}
