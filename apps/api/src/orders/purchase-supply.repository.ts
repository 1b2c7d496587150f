import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@tradecounter/domain';

/** One line's units promised from a receipt, with the line's order, oldest placement first. */
export interface AllocatedLineRow {
  lineId: string;
  orderId: string;
  inboundId: string;
  qty: number;
}

/** Every receipt a line waits for, as it stands in this transaction (null: received). */
export interface LineReceiptsRow {
  lineId: string;
  receipts: { expectedDate: IsoDate | null }[];
}

const ALLOCATED_SQL = `
SELECT a.order_line_id AS "lineId", l.order_id AS "orderId", a.inbound_id AS "inboundId", a.qty
  FROM order_line_allocations a JOIN order_lines l ON l.id = a.order_line_id JOIN orders o ON o.id = l.order_id
 WHERE a.inbound_id = ANY($1::uuid[])
 ORDER BY o.placed_at, o.id, l.line_no, a.inbound_id
 FOR NO KEY UPDATE OF l`;

const FREE_RECEIPTS_SQL = `
SELECT id, expected_date::text AS "expectedDate", qty - allocated AS unpromised
  FROM inbound
 WHERE product_id = $1 AND warehouse_code = $2 AND status = 'expected' AND qty > allocated
   AND NOT (id = ANY($3::uuid[]))
 ORDER BY id FOR UPDATE`;

/** Adds units of a receipt to lines' allocations (a line may already hold some of it). */
const ADD_ALLOCATIONS_SQL = `
INSERT INTO order_line_allocations (order_line_id, inbound_id, qty)
SELECT v.line_id, v.inbound_id, v.qty FROM jsonb_to_recordset($1::jsonb) AS v(line_id uuid, inbound_id uuid, qty int)
ON CONFLICT (order_line_id, inbound_id) DO UPDATE SET qty = order_line_allocations.qty + excluded.qty`;

/** Takes units off lines' allocations of a receipt; an allocation left with none goes. */
const TAKE_ALLOCATIONS_SQL = `
WITH v AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(line_id uuid, inbound_id uuid, qty int)),
gone AS (
  DELETE FROM order_line_allocations a USING v
   WHERE a.order_line_id = v.line_id AND a.inbound_id = v.inbound_id AND a.qty = v.qty RETURNING a.order_line_id
), cut AS (
  UPDATE order_line_allocations a SET qty = a.qty - v.qty FROM v
   WHERE a.order_line_id = v.line_id AND a.inbound_id = v.inbound_id AND a.qty > v.qty RETURNING a.order_line_id
)
SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM cut) AS n`;

/** Lines' waiting units: backordered (from the supplier) ↔ allocated (from a receipt). */
const SHIFT_UNITS_SQL = `
UPDATE order_lines l SET backordered_qty = l.backordered_qty - v.to_inbound,
                         allocated_qty = l.allocated_qty + v.to_inbound
  FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, to_inbound int)
 WHERE l.id = v.id AND l.backordered_qty - v.to_inbound >= 0 AND l.allocated_qty + v.to_inbound >= 0
RETURNING l.id`;

const RECEIPTS_SQL = `
SELECT l.id AS "lineId",
       (SELECT coalesce(json_agg(json_build_object(
                 'expectedDate', CASE WHEN i.status = 'received' THEN NULL ELSE i.expected_date::text END)), '[]')
          FROM order_line_allocations a JOIN inbound i ON i.id = a.inbound_id
         WHERE a.order_line_id = l.id) AS receipts
  FROM order_lines l WHERE l.id = ANY($1::uuid[])`;

/**
 * Order lines' allocations of purchase orders' receipts. Every caller holds
 * the product's stock row lock first (then receipts, then lines), the order
 * every writer of these units follows.
 */
@Injectable()
export class PurchaseSupplyRepository {
  allocated(tx: EntityManager, inboundIds: string[]): Promise<AllocatedLineRow[]> {
    return tx.query(ALLOCATED_SQL, [inboundIds]) as Promise<AllocatedLineRow[]>;
  }

  freeReceipts(
    tx: EntityManager,
    productId: string,
    warehouseCode: string,
    except: string[],
  ): Promise<{ id: string; expectedDate: IsoDate; unpromised: number }[]> {
    return tx.query(FREE_RECEIPTS_SQL, [productId, warehouseCode, except]) as Promise<
      { id: string; expectedDate: IsoDate; unpromised: number }[]
    >;
  }

  async addAllocations(
    tx: EntityManager,
    rows: { lineId: string; inboundId: string; qty: number }[],
  ): Promise<void> {
    const values = rows
      .filter((r) => r.qty > 0)
      .map((r) => ({ line_id: r.lineId, inbound_id: r.inboundId, qty: r.qty }));
    if (values.length > 0) await tx.query(ADD_ALLOCATIONS_SQL, [JSON.stringify(values)]);
  }

  async takeAllocations(
    tx: EntityManager,
    rows: { lineId: string; inboundId: string; qty: number }[],
  ): Promise<void> {
    const values = rows
      .filter((r) => r.qty > 0)
      .map((r) => ({ line_id: r.lineId, inbound_id: r.inboundId, qty: r.qty }));
    if (values.length === 0) return;
    const [row] = (await tx.query(TAKE_ALLOCATIONS_SQL, [JSON.stringify(values)])) as { n: string }[];
    if (Number(row?.n) !== values.length) throw new Error('Allocations changed under the stock row lock');
  }

  /** Positive: supplier units now come from a receipt; negative: receipt units back to the supplier. */
  async shiftUnits(tx: EntityManager, shifts: { id: string; toInbound: number }[]): Promise<void> {
    const values = shifts
      .filter((s) => s.toInbound !== 0)
      .map((s) => ({ id: s.id, to_inbound: s.toInbound }));
    if (values.length === 0) return;
    const [rows] = (await tx.query(SHIFT_UNITS_SQL, [JSON.stringify(values)])) as [unknown[], number];
    if (rows.length !== values.length) throw new Error('Order lines changed under the stock row lock');
  }

  /** Sets a receipt's promised units directly (a purchase line's receipt split in two). */
  async adjustInboundAllocated(tx: EntityManager, inboundId: string, delta: number): Promise<void> {
    if (delta === 0) return;
    await tx.query(`UPDATE inbound SET allocated = allocated + $2, updated_at = now() WHERE id = $1`, [
      inboundId,
      delta,
    ]);
  }

  async receipts(
    tx: EntityManager,
    lineIds: string[],
  ): Promise<Map<string, { expectedDate: IsoDate | null }[]>> {
    const rows = (await tx.query(RECEIPTS_SQL, [lineIds])) as LineReceiptsRow[];
    return new Map(rows.map((row) => [row.lineId, row.receipts]));
  }

  async leadTimeDays(tx: EntityManager, productId: string): Promise<number> {
    const [row] = (await tx.query(`SELECT lead_time_days AS "leadTimeDays" FROM products WHERE id = $1`, [
      productId,
    ])) as { leadTimeDays: number }[];
    return row?.leadTimeDays ?? 0;
  }
}
