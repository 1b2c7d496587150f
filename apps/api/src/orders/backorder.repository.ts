import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PromiseSplit } from '@tradecounter/contracts';
import type { IsoDate } from '@tradecounter/domain';
import { WAITING_FOR_SUPPLIER_SQL, WAITING_UNITS_SQL } from './waiting-for-supplier.sql';

/** A line waiting for supplier units of a product, locked, oldest order first. */
export interface BackorderedLineRow {
  id: string;
  orderId: string;
  backordered: number;
}

/** A line of an order whose backorder filled, as re-promising it needs. */
export interface FilledOrderLineRow {
  id: string;
  orderId: string;
  lineNo: number;
  sku: string;
  shipComplete: boolean;
  splits: PromiseSplit[];
  currentPromisedDate: IsoDate;
}

const BACKORDERED_SQL = `
SELECT l.id, l.order_id AS "orderId", ${WAITING_UNITS_SQL} AS backordered
  FROM order_lines l JOIN orders o ON o.id = l.order_id
 WHERE l.product_id = $1 AND o.warehouse_code = $2 AND ${WAITING_FOR_SUPPLIER_SQL}
 ORDER BY o.placed_at, o.id, l.line_no
 FOR NO KEY UPDATE OF l`;

const FILL_SQL = `
UPDATE order_lines l SET backordered_qty = l.backordered_qty - v.qty, reserved_qty = l.reserved_qty + v.qty
  FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, qty int)
 WHERE l.id = v.id AND l.backordered_qty >= v.qty
RETURNING l.id`;

const ORDER_LINES_SQL = `
SELECT l.id, l.order_id AS "orderId", l.line_no AS "lineNo", l.sku, o.ship_complete AS "shipComplete",
       l.promise -> 'splits' AS splits, l.current_promised_date::text AS "currentPromisedDate"
  FROM orders o JOIN order_lines l ON l.order_id = o.id
 WHERE o.id = ANY($1::uuid[])
 ORDER BY o.placed_at, o.id, l.line_no`;

/**
 * Backorders: order lines waiting for supplier units (backordered_qty) that
 * take stock when a receipt brings units nobody was promised. Called with
 * the product's stock row already locked (the lock every writer of these
 * lines' units takes first), so no unit is handed out twice.
 */
@Injectable()
export class BackorderRepository {
  waiting(tx: EntityManager, productId: string, warehouseCode: string): Promise<BackorderedLineRow[]> {
    return tx.query(BACKORDERED_SQL, [productId, warehouseCode]) as Promise<BackorderedLineRow[]>;
  }

  /** backordered → reserved per line; returns how many lines it moved (all, or the caller rolls back). */
  async fill(tx: EntityManager, fills: { id: string; qty: number }[]): Promise<number> {
    const [rows] = (await tx.query(FILL_SQL, [JSON.stringify(fills)])) as [unknown[], number];
    return rows.length;
  }

  orderLines(tx: EntityManager, orderIds: string[]): Promise<FilledOrderLineRow[]> {
    return tx.query(ORDER_LINES_SQL, [orderIds]) as Promise<FilledOrderLineRow[]>;
  }
}
