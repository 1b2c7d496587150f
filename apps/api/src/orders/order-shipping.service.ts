import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@tradecounter/contracts';
import { conflict } from '../common/http/problem';
import { OrdersRepository, ShippingLineRow } from './orders.repository';

export type { ShippingLineRow };

/**
 * What fulfilment may read and change of an order's lines, inside a step it
 * runs under the order lock (OrderLifecycleService.transition): which lines
 * can ship, and counting units shipped. The lines stay ordering's to write.
 */
@Injectable()
export class OrderShippingService {
  constructor(private readonly orders: OrdersRepository) {}

  /** Read these after locking the lines' stock rows: receiving may have reserved more meanwhile. */
  lines(tx: EntityManager, orderId: string): Promise<ShippingLineRow[]> {
    return this.orders.shippingLines(tx, orderId);
  }

  /**
   * Staff sent part of a ship-complete order anyway: who and why go in the
   * order's history, before the shipment's own event.
   */
  recordShipCompleteOverride(
    tx: EntityManager,
    order: { id: string; status: OrderStatus },
    actorId: string,
    reason: string,
    left: { sku: string; left: number }[],
  ): Promise<void> {
    return this.orders.insertEvent(tx, order.id, {
      actorId,
      kind: 'ship_complete_overridden',
      fromStatus: order.status,
      toStatus: order.status,
      reason,
      data: { left },
    });
  }

  /** Units leave: shipped goes up and reserved down, per line, or nothing changes (409). */
  async markShipped(
    tx: EntityManager,
    orderId: string,
    lines: { orderLineId: string; quantity: number }[],
  ): Promise<void> {
    const updated = await this.orders.markShipped(tx, orderId, lines);
    if (updated !== lines.length) {
      throw conflict('The order changed while the shipment was recorded; reload it and try again');
    }
  }
}
