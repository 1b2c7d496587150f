import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OrderCheckMismatch, OrderStatus } from '@tradecounter/contracts';
import type { CodeMatch } from '@tradecounter/domain';

export interface CheckOrderRow {
  id: string;
  number: string;
  status: OrderStatus;
}

export interface CheckLineRow {
  orderLineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  expected: number;
  confirmed: number;
}

/** Units each line expects at the check (reserved, not yet shipped) and those confirmed so far. */
const LINES_SQL = `
SELECT l.id AS "orderLineId", l.line_no AS "lineNo", l.product_id AS "productId", l.sku, l.name,
       greatest(least(l.reserved_qty, l.quantity - l.shipped_qty), 0)::int AS expected,
       coalesce(c.confirmed, 0)::int AS confirmed
  FROM order_lines l LEFT JOIN order_check_lines c ON c.order_id = l.order_id AND c.order_line_id = l.id
 WHERE l.order_id = $1
 ORDER BY l.line_no`;

/**
 * A scanned code: a SKU or product barcode counts 1 unit, a case barcode
 * its qty. SKUs, barcodes and case barcodes share one namespace (the
 * catalog keeps them apart), so at most one row matches.
 */
const CODE_SQL = `
SELECT id AS "productId", sku, 1 AS "unitsPerScan" FROM products WHERE sku = $1 OR barcode = $1
UNION ALL
SELECT c.product_id, p.sku, c.qty FROM product_case_barcodes c JOIN products p ON p.id = c.product_id WHERE c.code = $1
LIMIT 1`;

@Injectable()
export class OrderCheckRepository {
  constructor(private readonly dataSource: DataSource) {}

  async order(manager: EntityManager, id: string, lock = false): Promise<CheckOrderRow | undefined> {
    const [row] = (await manager.query(
      `SELECT id, number, status FROM orders WHERE id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [id],
    )) as CheckOrderRow[];
    return row;
  }

  lines(manager: EntityManager, orderId: string): Promise<CheckLineRow[]> {
    return manager.query(LINES_SQL, [orderId]) as Promise<CheckLineRow[]>;
  }

  async resolve(manager: EntityManager, code: string): Promise<CodeMatch | null> {
    const [row] = (await manager.query(CODE_SQL, [code])) as CodeMatch[];
    return row ?? null;
  }

  async confirm(tx: EntityManager, orderId: string, units: Map<string, number>): Promise<void> {
    if (units.size === 0) return;
    await tx.query(
      `INSERT INTO order_check_lines (order_id, order_line_id, confirmed)
       SELECT $1, u.line_id, u.units FROM unnest($2::uuid[], $3::int[]) AS u(line_id, units)
       ON CONFLICT (order_id, order_line_id) DO UPDATE SET confirmed = order_check_lines.confirmed + EXCLUDED.confirmed`,
      [orderId, [...units.keys()], [...units.values()]],
    );
  }

  /** Packing consumes the check: the next packing (if any) is checked anew. */
  async consume(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query('DELETE FROM order_check_lines WHERE order_id = $1', [orderId]);
  }

  /** In its own transaction, so the refusal that follows keeps it. */
  async recordMismatch(
    orderId: string,
    actorId: string,
    mismatch: { code: string; quantity: number; message: string },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO check_mismatches (order_id, code, quantity, message, actor_id) VALUES ($1, $2, $3, $4, $5)`,
      [orderId, mismatch.code, mismatch.quantity, mismatch.message, actorId],
    );
  }

  async mismatches(orderId: string): Promise<OrderCheckMismatch[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.at, m.code, m.quantity, m.message,
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS by
         FROM check_mismatches m LEFT JOIN users u ON u.id = m.actor_id
        WHERE m.order_id = $1 ORDER BY m.at DESC, m.id DESC LIMIT 200`,
      [orderId],
    )) as (Omit<OrderCheckMismatch, 'at'> & { at: Date })[];
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }
}
