import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus, PromiseSplit } from '@tradecounter/contracts';
import type { IsoDate } from '@tradecounter/domain';

export interface ShortPickOrder {
  id: string;
  number: string;
  accountId: string;
  status: OrderStatus;
  warehouseCode: string;
  shipComplete: boolean;
}

export interface ShortPickLine {
  id: string;
  productId: string;
  sku: string;
  quantity: number;
  reservedQty: number;
  shippedQty: number;
}

export interface PromisedLineRow {
  id: string;
  lineNo: number;
  sku: string;
  splits: PromiseSplit[];
  currentPromisedDate: IsoDate;
}

/** The rows a short pick reads and writes besides the wave: the order, its line, stock, events. */
@Injectable()
export class ShortPickRepository {
  async lineOrder(
    tx: EntityManager,
    lineId: string,
  ): Promise<{ orderId: string; productId: string } | undefined> {
    const [row] = (await tx.query(
      'SELECT order_id AS "orderId", product_id AS "productId" FROM order_lines WHERE id = $1',
      [lineId],
    )) as { orderId: string; productId: string }[];
    return row;
  }

  /** The order row, locked as the lifecycle locks it (first, before stock). */
  async lockOrder(tx: EntityManager, id: string): Promise<ShortPickOrder | undefined> {
    const [row] = (await tx.query(
      `SELECT id, number, account_id AS "accountId", status, warehouse_code AS "warehouseCode",
              ship_complete AS "shipComplete"
         FROM orders WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    )) as ShortPickOrder[];
    return row;
  }

  async line(tx: EntityManager, id: string): Promise<ShortPickLine | undefined> {
    const [row] = (await tx.query(
      `SELECT id, product_id AS "productId", sku, quantity, reserved_qty AS "reservedQty", shipped_qty AS "shippedQty"
         FROM order_lines WHERE id = $1`,
      [id],
    )) as ShortPickLine[];
    return row;
  }

  /** After the stock row's reserved units were released: on hand drops by as many. */
  async lowerOnHand(
    tx: EntityManager,
    productId: string,
    warehouseCode: string,
    quantity: number,
  ): Promise<{ onHand: number; reserved: number } | undefined> {
    const [rows] = (await tx.query(
      `UPDATE stock SET on_hand = on_hand - $3, updated_at = now()
        WHERE product_id = $1 AND warehouse_code = $2 AND on_hand - $3 >= reserved
        RETURNING on_hand AS "onHand", reserved`,
      [productId, warehouseCode, quantity],
    )) as [{ onHand: number; reserved: number }[], number];
    return rows[0];
  }

  async releaseLine(tx: EntityManager, id: string, quantity: number): Promise<void> {
    await tx.query('UPDATE order_lines SET reserved_qty = reserved_qty - $2 WHERE id = $1', [id, quantity]);
  }

  /** What the new promise holds for the line: stock reserved, receipts allocated, units backordered. */
  async holdLine(
    tx: EntityManager,
    id: string,
    fromStock: number,
    allocations: { inboundId: string; qty: number }[],
    fromSupplier: number,
  ): Promise<void> {
    const allocated = allocations.reduce((sum, allocation) => sum + allocation.qty, 0);
    await tx.query(
      `UPDATE order_lines SET reserved_qty = reserved_qty + $2, allocated_qty = allocated_qty + $3,
              backordered_qty = backordered_qty + $4
        WHERE id = $1`,
      [id, fromStock, allocated, fromSupplier],
    );
    if (allocations.length === 0) return;
    await tx.query(
      `INSERT INTO order_line_allocations (order_line_id, inbound_id, qty)
       SELECT $1, a.inbound_id, a.qty FROM unnest($2::uuid[], $3::int[]) AS a(inbound_id, qty)
       ON CONFLICT (order_line_id, inbound_id) DO UPDATE SET qty = order_line_allocations.qty + EXCLUDED.qty`,
      [
        id,
        allocations.map((allocation) => allocation.inboundId),
        allocations.map((allocation) => allocation.qty),
      ],
    );
  }

  /** A check never holds more units than the line now expects (the short units are no longer there). */
  async clampCheck(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `UPDATE order_check_lines c SET confirmed = greatest(least(c.confirmed, l.reserved_qty, l.quantity - l.shipped_qty), 0)
         FROM order_lines l WHERE l.id = $1 AND c.order_line_id = l.id`,
      [id],
    );
  }

  orderLines(tx: EntityManager, orderId: string): Promise<PromisedLineRow[]> {
    return tx.query(
      `SELECT id, line_no AS "lineNo", sku, promise -> 'splits' AS splits,
              current_promised_date::text AS "currentPromisedDate"
         FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
      [orderId],
    ) as Promise<PromisedLineRow[]>;
  }

  async insertEvent(
    tx: EntityManager,
    orderId: string,
    actorId: string,
    kind: string,
    reason: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await tx.query(
      'INSERT INTO order_events (order_id, actor_id, kind, reason, data) VALUES ($1, $2, $3, $4, $5)',
      [orderId, actorId, kind, reason, JSON.stringify(data)],
    );
  }
}
