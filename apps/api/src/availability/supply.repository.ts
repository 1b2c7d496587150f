import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IsoDate, ReferencedProduct } from '@tradecounter/domain';
import { prepared } from '../database/prepared-statements';

/** Stock and open receipts of one product at one warehouse. */
export interface Supply {
  onHand: number;
  reserved: number;
  /** Open receipts with units not yet promised to orders. */
  inbound: { id: string; expectedDate: IsoDate; unpromised: number }[];
}

/** What a promise needs of a product, with what resolving a line by it needs (sold or not, pack rules). */
export interface PromisableProduct extends ReferencedProduct {
  leadTimeDays: number;
  backorderable: boolean;
}

/**
 * Both kinds of row in one round trip, tagged by which columns are set:
 * a stock row (onHand, reserved) or an open receipt (inboundId, …).
 */
const READ_SQL = prepared(
  'supply_read_stock_and_receipts',
  `
SELECT product_id AS "productId", on_hand AS "onHand", reserved,
       NULL::uuid AS "inboundId", NULL::text AS "expectedDate", NULL::int AS unpromised
  FROM stock WHERE warehouse_code = $1 AND product_id = ANY($2::uuid[])
UNION ALL
SELECT product_id, NULL, NULL, id, expected_date::text, qty - allocated
  FROM inbound
 WHERE warehouse_code = $1 AND product_id = ANY($2::uuid[]) AND status = 'expected' AND qty > allocated`,
);

/** The products a promise names, by id or SKU. */
const PROMISABLE_PRODUCTS_SQL = prepared(
  'supply_promisable_products',
  `SELECT id, sku, lead_time_days AS "leadTimeDays", backorderable, active,
          min_order_qty AS "minOrderQty", order_multiple AS "orderMultiple"
     FROM products WHERE id = ANY($1::uuid[]) OR sku = ANY($2::text[])`,
);

/**
 * For reserving, rows are locked in one order by every writer that touches
 * both tables: stock first (by product), then receipts (by id). So promises,
 * receipts and stock counts never deadlock one another. One round trip: the
 * two locking reads are materialised CTEs, and the UNION ALL reads (so
 * locks) the stock one to the end before it starts on the receipts.
 */
const LOCK_SQL = prepared(
  'supply_lock_stock_and_receipts',
  `
WITH s AS MATERIALIZED (
  SELECT product_id, on_hand, reserved FROM stock
   WHERE warehouse_code = $1 AND product_id = ANY($2::uuid[])
   ORDER BY product_id FOR UPDATE
), i AS MATERIALIZED (
  SELECT product_id, id, expected_date, qty - allocated AS unpromised FROM inbound
   WHERE warehouse_code = $1 AND product_id = ANY($2::uuid[]) AND status = 'expected' AND qty > allocated
   ORDER BY id FOR UPDATE
)
SELECT product_id AS "productId", on_hand AS "onHand", reserved,
       NULL::uuid AS "inboundId", NULL::text AS "expectedDate", NULL::int AS unpromised
  FROM s
UNION ALL
SELECT product_id, NULL, NULL, id, expected_date::text, unpromised FROM i`,
);

/** Units to take or give back, per product (stock) or per receipt (inbound). */
export interface StockUnits {
  productId: string;
  qty: number;
}

export interface InboundUnits {
  inboundId: string;
  qty: number;
}

/**
 * The guards are in the statements themselves: a reservation never takes
 * stock below zero available, nor a receipt past its quantity, whatever
 * runs concurrently. One statement per table, whatever the number of lines.
 */
const RESERVE_STOCK_SQL = `
UPDATE stock s SET reserved = s.reserved + v.qty, updated_at = now()
  FROM unnest($2::uuid[], $3::int[]) AS v(product_id, qty)
 WHERE s.warehouse_code = $1 AND s.product_id = v.product_id AND s.on_hand - s.reserved >= v.qty
RETURNING s.product_id`;

const ALLOCATE_INBOUND_SQL = `
UPDATE inbound i SET allocated = i.allocated + v.qty, updated_at = now()
  FROM unnest($1::uuid[], $2::int[]) AS v(id, qty)
 WHERE i.id = v.id AND i.status = 'expected' AND i.qty - i.allocated >= v.qty
RETURNING i.product_id`;

const RELEASE_STOCK_SQL = `
UPDATE stock s SET reserved = s.reserved - v.qty, updated_at = now()
  FROM unnest($2::uuid[], $3::int[]) AS v(product_id, qty)
 WHERE s.warehouse_code = $1 AND s.product_id = v.product_id AND s.reserved >= v.qty
RETURNING s.product_id`;

const RELEASE_INBOUND_SQL = `
UPDATE inbound i SET allocated = i.allocated - v.qty, updated_at = now()
  FROM unnest($1::uuid[], $2::int[]) AS v(id, qty)
 WHERE i.id = v.id AND i.status = 'expected' AND i.allocated >= v.qty
RETURNING i.product_id`;

/** Units leaving in a shipment: they were reserved, and now leave on hand with their reservation. */
const SHIP_STOCK_SQL = `
UPDATE stock s SET on_hand = s.on_hand - v.qty, reserved = s.reserved - v.qty, updated_at = now()
  FROM unnest($2::uuid[], $3::int[]) AS v(product_id, qty)
 WHERE s.warehouse_code = $1 AND s.product_id = v.product_id AND s.reserved >= v.qty
RETURNING s.product_id`;

interface SupplyRow {
  productId: string;
  onHand?: number | null;
  reserved?: number | null;
  inboundId?: string | null;
  expectedDate?: IsoDate | null;
  unpromised?: number | null;
}

@Injectable()
export class SupplyRepository {
  /**
   * Stock and open receipts of these products at the warehouse, in one query
   * whatever their number. With `lock` (inside the caller's transaction) the
   * rows stay locked until it ends (stock, then receipts).
   */
  async load(
    manager: EntityManager,
    warehouseCode: string,
    productIds: string[],
    lock: boolean,
  ): Promise<Map<string, Supply>> {
    const params = [warehouseCode, productIds];
    const rows = (await manager.query(lock ? LOCK_SQL : READ_SQL, params)) as SupplyRow[];
    const supply = new Map<string, Supply>(
      productIds.map((id) => [id, { onHand: 0, reserved: 0, inbound: [] }]),
    );
    for (const row of rows) {
      const entry = supply.get(row.productId);
      if (!entry) continue;
      if (row.inboundId && row.expectedDate && row.unpromised) {
        entry.inbound.push({ id: row.inboundId, expectedDate: row.expectedDate, unpromised: row.unpromised });
      } else {
        entry.onHand = row.onHand ?? 0;
        entry.reserved = row.reserved ?? 0;
      }
    }
    return supply;
  }

  /**
   * Locks, in the one order every writer follows (stock by product, then
   * receipts by id), the stock rows of these products and these receipts,
   * whatever their state: what giving units back needs before it reads them.
   */
  async lock(
    manager: EntityManager,
    warehouseCode: string,
    productIds: string[],
    inboundIds: string[],
  ): Promise<void> {
    await manager.query(
      `SELECT 1 FROM stock WHERE warehouse_code = $1 AND product_id = ANY($2::uuid[])
        ORDER BY product_id FOR UPDATE`,
      [warehouseCode, productIds],
    );
    if (inboundIds.length > 0) {
      await manager.query('SELECT 1 FROM inbound WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
        inboundIds,
      ]);
    }
  }

  /**
   * Reserves stock units; returns the product of each row it reserved on
   * (all of them, or the caller rolls back).
   */
  reserveStock(manager: EntityManager, warehouseCode: string, units: StockUnits[]): Promise<string[]> {
    return this.perStock(manager, RESERVE_STOCK_SQL, warehouseCode, units);
  }

  /** Allocates receipts' units; returns the product of each receipt it allocated on. */
  allocateInbound(manager: EntityManager, units: InboundUnits[]): Promise<string[]> {
    return this.perReceipt(manager, ALLOCATE_INBOUND_SQL, units);
  }

  releaseStock(manager: EntityManager, warehouseCode: string, units: StockUnits[]): Promise<string[]> {
    return this.perStock(manager, RELEASE_STOCK_SQL, warehouseCode, units);
  }

  /** Reserved units leave the warehouse; returns the product of each row it took them from. */
  shipStock(manager: EntityManager, warehouseCode: string, units: StockUnits[]): Promise<string[]> {
    return this.perStock(manager, SHIP_STOCK_SQL, warehouseCode, units);
  }

  releaseInbound(manager: EntityManager, units: InboundUnits[]): Promise<string[]> {
    return this.perReceipt(manager, RELEASE_INBOUND_SQL, units);
  }

  private async perStock(
    manager: EntityManager,
    sql: string,
    warehouseCode: string,
    units: StockUnits[],
  ): Promise<string[]> {
    if (units.length === 0) return [];
    const [rows] = (await manager.query(sql, [
      warehouseCode,
      units.map((unit) => unit.productId),
      units.map((unit) => unit.qty),
    ])) as [{ product_id: string }[], number];
    return rows.map((row) => row.product_id);
  }

  private async perReceipt(manager: EntityManager, sql: string, units: InboundUnits[]): Promise<string[]> {
    if (units.length === 0) return [];
    const [rows] = (await manager.query(sql, [
      units.map((unit) => unit.inboundId),
      units.map((unit) => unit.qty),
    ])) as [{ product_id: string }[], number];
    return rows.map((row) => row.product_id);
  }

  /** Products named by id or SKU, sold or not (a withdrawn one is refused by name), with what promising needs. */
  products(manager: EntityManager, ids: string[], skus: string[]): Promise<PromisableProduct[]> {
    return manager.query(PROMISABLE_PRODUCTS_SQL, [ids, skus]) as Promise<PromisableProduct[]>;
  }

  async accountWarehouse(manager: EntityManager, accountId: string): Promise<string | null> {
    const rows = (await manager.query('SELECT default_warehouse_code AS code FROM accounts WHERE id = $1', [
      accountId,
    ])) as { code: string | null }[];
    return rows[0]?.code ?? null;
  }
}
