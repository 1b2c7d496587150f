import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { SortDirection, StockLevel, StockSortField } from '@tradecounter/contracts';
import { escapeLikePattern, searchTerms } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { orderByClause, sortOrder, type SortSpec } from '../common/http/sort';

export interface StockFilter {
  productId?: string;
  warehouseCode?: string;
  search?: string;
  lowStock?: number;
  sort?: StockSortField;
  dir?: SortDirection;
}

const STOCK_SORT: SortSpec<StockSortField> = {
  columns: {
    sku: 'p.sku',
    name: 'p.name',
    warehouse: 'w.code',
    onHand: 'coalesce(s.on_hand, 0)',
    available: 'greatest(coalesce(s.on_hand, 0) - coalesce(s.reserved, 0), 0)',
    // Natural order (A-2 before A-10) by the ICU collation the warehouse migration creates.
    bin: 's.bin_location COLLATE natural_bins',
  },
  tieBreaker: ['p.sku', 'w.code'],
  defaultField: 'sku',
  defaultDirection: 'asc',
};

export interface StockRow {
  onHand: number;
  reserved: number;
  bin: string | null;
}

/**
 * Every active product at every warehouse (or one of each), whether or not
 * a stock row exists yet: a product never stocked somewhere shows 0 on hand
 * there, so it can be set. Products made inactive still show where they have stock.
 */
const LEVELS_SQL = `
SELECT p.id AS "productId", p.sku, p.name, w.code AS "warehouseCode",
       coalesce(s.on_hand, 0) AS "onHand", coalesce(s.reserved, 0) AS reserved,
       greatest(coalesce(s.on_hand, 0) - coalesce(s.reserved, 0), 0) AS available,
       coalesce((SELECT sum(i.qty) FROM inbound i
                  WHERE i.product_id = p.id AND i.warehouse_code = w.code AND i.status = 'expected'), 0)::int AS "inboundQty",
       s.bin_location AS bin, s.updated_at AS "updatedAt",
       count(*) OVER () AS total
  FROM products p
 CROSS JOIN warehouses w
  LEFT JOIN stock s ON s.product_id = p.id AND s.warehouse_code = w.code`;

@Injectable()
export class StockRepository {
  constructor(private readonly dataSource: DataSource) {}

  async levels(filter: StockFilter, page: PageRequest): Promise<[StockLevel[], number]> {
    const where = ['(p.active OR s.product_id IS NOT NULL)'];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.productId) where.push(`p.id = ${param(filter.productId)}::uuid`);
    if (filter.warehouseCode) where.push(`w.code = ${param(filter.warehouseCode)}`);
    for (const term of searchTerms(filter.search)) {
      where.push(`lower(p.sku || ' ' || p.name) LIKE ${param(`%${escapeLikePattern(term)}%`)}`);
    }
    if (filter.lowStock !== undefined) {
      where.push(
        `greatest(coalesce(s.on_hand, 0) - coalesce(s.reserved, 0), 0) <= ${param(filter.lowStock)}`,
      );
    }
    const sql = `${LEVELS_SQL} WHERE ${where.join(' AND ')} ${orderByClause(sortOrder(STOCK_SORT, filter))}
                  LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`;
    const rows = (await this.dataSource.query(sql, params)) as (Omit<StockLevel, 'updatedAt'> & {
      updatedAt: Date | null;
      total: string;
    })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.levels(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(toStockLevel), rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  async level(
    manager: EntityManager,
    productId: string,
    warehouseCode: string,
  ): Promise<StockLevel | undefined> {
    const rows = (await manager.query(`${LEVELS_SQL} WHERE p.id = $1 AND w.code = $2`, [
      productId,
      warehouseCode,
    ])) as (Omit<StockLevel, 'updatedAt'> & { updatedAt: Date | null; total: string })[];
    return rows[0] ? toStockLevel(rows[0]) : undefined;
  }

  /** The row, locked until the transaction ends; undefined when the product was never stocked there. */
  async lock(tx: EntityManager, productId: string, warehouseCode: string): Promise<StockRow | undefined> {
    const rows = (await tx.query(
      `SELECT on_hand AS "onHand", reserved, bin_location AS bin FROM stock
        WHERE product_id = $1 AND warehouse_code = $2 FOR UPDATE`,
      [productId, warehouseCode],
    )) as StockRow[];
    return rows[0];
  }

  /** Makes an empty row if there is none; true when it made one. */
  async ensure(tx: EntityManager, productId: string, warehouseCode: string): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO stock (product_id, warehouse_code, on_hand, reserved) VALUES ($1, $2, 0, 0)
       ON CONFLICT (product_id, warehouse_code) DO NOTHING RETURNING 1`,
      [productId, warehouseCode],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Sets on hand unless that would put it below what is reserved: the guard
   * is in the statement itself, so it holds whatever runs concurrently.
   * Undefined when refused.
   */
  async setOnHand(
    tx: EntityManager,
    productId: string,
    warehouseCode: string,
    onHand: number,
  ): Promise<StockRow | undefined> {
    const rows = (await tx.query(
      `INSERT INTO stock AS s (product_id, warehouse_code, on_hand, reserved) VALUES ($1, $2, $3, 0)
       ON CONFLICT (product_id, warehouse_code)
       DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now() WHERE s.reserved <= EXCLUDED.on_hand
       RETURNING s.on_hand AS "onHand", s.reserved, s.bin_location AS bin`,
      [productId, warehouseCode, onHand],
    )) as StockRow[];
    return rows[0];
  }

  /** Sets the bin, making the row if there is none (0 on hand). */
  async setBin(
    tx: EntityManager,
    productId: string,
    warehouseCode: string,
    bin: string | null,
  ): Promise<StockRow> {
    const rows = (await tx.query(
      `INSERT INTO stock AS s (product_id, warehouse_code, on_hand, reserved, bin_location) VALUES ($1, $2, 0, 0, $3)
       ON CONFLICT (product_id, warehouse_code)
       DO UPDATE SET bin_location = EXCLUDED.bin_location, updated_at = now()
       RETURNING s.on_hand AS "onHand", s.reserved, s.bin_location AS bin`,
      [productId, warehouseCode, bin],
    )) as StockRow[];
    const [row] = rows;
    if (!row) throw new Error(`No stock row for ${productId} at ${warehouseCode}`);
    return row;
  }

  /** Receiving: the units arrive on hand, and those promised to orders become reserved for them. */
  async receive(
    tx: EntityManager,
    productId: string,
    warehouseCode: string,
    qty: number,
    allocated: number,
  ): Promise<StockRow> {
    const rows = (await tx.query(
      `UPDATE stock SET on_hand = on_hand + $3, reserved = reserved + $4, updated_at = now()
        WHERE product_id = $1 AND warehouse_code = $2
        RETURNING on_hand AS "onHand", reserved, bin_location AS bin`,
      [productId, warehouseCode, qty, allocated],
    )) as [StockRow[], number];
    const [updated] = rows[0];
    if (!updated) throw new Error(`No stock row for ${productId} at ${warehouseCode}`);
    return updated;
  }

  async exists(
    manager: EntityManager,
    productId: string,
    warehouseCode: string,
  ): Promise<{ product: boolean; warehouse: boolean }> {
    const [row] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM products WHERE id = $1) AS product,
              EXISTS (SELECT 1 FROM warehouses WHERE code = $2) AS warehouse`,
      [productId, warehouseCode],
    )) as { product: boolean; warehouse: boolean }[];
    return row ?? { product: false, warehouse: false };
  }
}

function toStockLevel(
  row: Omit<StockLevel, 'updatedAt'> & { updatedAt: Date | null; total?: string },
): StockLevel {
  const { total: _total, ...level } = row;
  return { ...level, updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null };
}
