import { nextStatus, type OrderStatus } from './order-status';

/** What shipping needs to know of an order line, as it stands under the order's lock. */
export interface ShippableLine {
  id: string;
  quantity: number;
  shipped: number;
  /** Units reserved from stock for the line and not yet shipped. */
  reserved: number;
}

export interface ShipmentRequestLine {
  orderLineId: string;
  quantity: number;
}

/** Why one requested line cannot ship: `invalid` is a bad request, `conflict` is the order's state. */
export interface ShipmentLineProblem {
  index: number;
  kind: 'invalid' | 'conflict';
  message: string;
}

/**
 * Units of a line that may leave now: never more than remains to ship,
 * nor more than is reserved (a backordered or inbound unit cannot ship
 * until it is stock reserved for the line).
 */
export function shippableQty(line: ShippableLine): number {
  return Math.max(0, Math.min(line.quantity - line.shipped, line.reserved));
}

/** Every reason the requested lines cannot ship, one per offending line (empty: they can). */
export function shipmentProblems(
  lines: readonly ShippableLine[],
  request: readonly ShipmentRequestLine[],
): ShipmentLineProblem[] {
  const byId = new Map(lines.map((line) => [line.id, line]));
  const seen = new Set<string>();
  const problems: ShipmentLineProblem[] = [];
  request.forEach((asked, index) => {
    const line = byId.get(asked.orderLineId.toLowerCase());
    if (!line) {
      problems.push({ index, kind: 'invalid', message: 'is not a line of this order' });
    } else if (seen.has(line.id)) {
      problems.push({ index, kind: 'invalid', message: 'names a line already in this shipment' });
    } else if (asked.quantity > line.quantity - line.shipped) {
      problems.push({
        index,
        kind: 'conflict',
        message: `only ${line.quantity - line.shipped} of ${line.quantity} remain to ship`,
      });
    } else if (asked.quantity > line.reserved) {
      problems.push({
        index,
        kind: 'conflict',
        message: `only ${line.reserved} are in stock for this line; the rest wait for supply`,
      });
    }
    seen.add(asked.orderLineId.toLowerCase());
  });
  return problems;
}

/**
 * The order's status once a shipment leaves: `shipped` when every unit has
 * now shipped, else `partially_shipped`; null when the order cannot ship
 * in its status (waiting for approval, on hold, cancelled, …).
 */
export function statusAfterShipment(
  status: OrderStatus,
  lines: readonly ShippableLine[],
  shipment: readonly ShipmentRequestLine[],
): OrderStatus | null {
  const shipping = new Map<string, number>();
  for (const line of shipment) {
    const id = line.orderLineId.toLowerCase();
    shipping.set(id, (shipping.get(id) ?? 0) + line.quantity);
  }
  const complete = lines.every((line) => line.shipped + (shipping.get(line.id) ?? 0) >= line.quantity);
  return nextStatus(status, complete ? 'ship_rest' : 'ship_part');
}

/**
 * Whether delivering a shipment delivers the order: it must be fully
 * shipped, and every one of its shipments delivered.
 */
export function deliversOrder(status: OrderStatus, shipments: readonly { delivered: boolean }[]): boolean {
  return nextStatus(status, 'deliver') !== null && shipments.every((shipment) => shipment.delivered);
}
