import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  FulfilmentOrder,
  FulfilmentQueue,
  FulfilmentSortField,
  PickListLine,
  PickListOrder,
  SortDirection,
} from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import { orderByClause, sortOrder, type SortSpec } from '../common/http/sort';
import { SHIP_BY_SQL } from '../warehouse/ship-by.sql';

/** Orders with units to pick: reserved from stock and not yet shipped. */
const PICKABLE_STATUSES = ['confirmed', 'picking', 'partially_shipped'];

/**
 * Orders at the warehouse with units to pick, oldest first (a page of
 * them), each with its lines to pick in bin order: the walk through the
 * warehouse. Lines without a bin come last. Served by orders_status_idx.
 */
const PICK_LIST_SQL = `
WITH picked AS (
  SELECT o.id, o.number, a.code AS account_code, a.name AS account_name, o.status, o.placed_at,
         o.ship_complete, count(*) OVER () AS total
    FROM orders o JOIN accounts a ON a.id = o.account_id
   WHERE o.warehouse_code = $1 AND o.status = ANY($2::text[]) AND ($5::uuid IS NULL OR o.id = $5)
     AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.reserved_qty > 0
                    AND l.shipped_qty < l.quantity)
   ORDER BY o.placed_at, o.id
   LIMIT $3 OFFSET $4
)
SELECT p.id AS "orderId", p.number AS "orderNumber", p.account_code AS "accountCode",
       p.account_name AS "accountName", p.status, p.placed_at AS "placedAt", p.ship_complete AS "shipComplete",
       p.total,
       (SELECT json_agg(json_build_object(
                 'orderLineId', l.id, 'lineNo', l.line_no, 'productId', l.product_id, 'sku', l.sku, 'name', l.name,
                 'binLocation', s.bin_location, 'quantity', l.quantity, 'shipped', l.shipped_qty,
                 'pickable', least(l.reserved_qty, l.quantity - l.shipped_qty))
               ORDER BY s.bin_location NULLS LAST, l.sku, l.line_no)
          FROM order_lines l LEFT JOIN stock s ON s.product_id = l.product_id AND s.warehouse_code = $1
         WHERE l.order_id = p.id AND l.reserved_qty > 0 AND l.shipped_qty < l.quantity) AS lines
  FROM picked p
 ORDER BY p.placed_at, p.id`;

/**
 * The board: per order its units, ship-by date (SHIP_BY_SQL), whether it is
 * late ($5 is today in the warehouse's calendar), its open wave (the partial
 * unique index on wave_orders serves it) and whether the check is complete.
 */
const BOARD_SQL = `
SELECT o.id, o.number, a.code AS "accountCode", a.name AS "accountName", o.status, o.placed_at AS "placedAt",
       o.ship_complete AS "shipComplete", u."lineCount", u.units, u.shipped, u.ready, sb."shipBy",
       coalesce(sb."shipBy" < $5, false) AS late,
       wv.id AS "waveId", wv.number AS "waveNumber",
       coalesce((SELECT bool_and(coalesce(c.confirmed, 0) >= least(l.reserved_qty, l.quantity - l.shipped_qty))
                   FROM order_lines l
                   LEFT JOIN order_check_lines c ON c.order_id = l.order_id AND c.order_line_id = l.id
                  WHERE l.order_id = o.id AND least(l.reserved_qty, l.quantity - l.shipped_qty) > 0), false) AS checked,
       (SELECT count(*)::int FROM shipments s WHERE s.order_id = o.id) AS shipments,
       (SELECT count(*)::int FROM shipments s WHERE s.order_id = o.id AND s.delivered_at IS NULL) AS undelivered,
       count(*) OVER () AS total
  FROM orders o
  JOIN accounts a ON a.id = o.account_id
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS "lineCount", sum(l.quantity)::int AS units, sum(l.shipped_qty)::int AS shipped,
           sum(least(l.reserved_qty, l.quantity - l.shipped_qty))::int AS ready
      FROM order_lines l WHERE l.order_id = o.id) u
  CROSS JOIN LATERAL (SELECT ${SHIP_BY_SQL('o')} AS "shipBy") sb
  LEFT JOIN LATERAL (
    SELECT w.id, w.number FROM wave_orders wo JOIN waves w ON w.id = wo.wave_id
     WHERE wo.order_id = o.id AND wo.open LIMIT 1) wv ON true
 WHERE o.warehouse_code = $1 AND o.status = $2
 ORDER_BY
 LIMIT $3 OFFSET $4`;

/** The board's sortable columns; placed_at is served by orders_status_idx (status, placed_at). */
const BOARD_SORT: SortSpec<FulfilmentSortField> = {
  columns: { placedAt: 'o.placed_at', number: 'o.number', account: 'a.code', shipBy: 'sb."shipBy"' },
  tieBreaker: 'o.id',
  defaultField: 'placedAt',
  defaultDirection: 'asc',
};

export interface BoardFilter {
  warehouseCode: string;
  /** Today in the warehouse's calendar: a ship-by date before it is late. */
  today: string;
  status: FulfilmentQueue;
  sort?: FulfilmentSortField;
  dir?: SortDirection;
}

type Counted<T> = T & { total: string };

/** What the warehouse sees: its queues, the orders in one, and the pick list. */
@Injectable()
export class FulfilmentBoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async warehouseExists(code: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM warehouses WHERE code = $1', [
      code,
    ])) as unknown[];
    return rows.length > 0;
  }

  async pickList(
    warehouseCode: string,
    orderId: string | undefined,
    page: PageRequest,
  ): Promise<[PickListOrder[], number]> {
    const rows = (await this.dataSource.query(PICK_LIST_SQL, [
      warehouseCode,
      PICKABLE_STATUSES,
      page.pageSize,
      page.offset,
      orderId ?? null,
    ])) as Counted<Omit<PickListOrder, 'placedAt'> & { placedAt: Date; lines: PickListLine[] }>[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.pickList(warehouseCode, orderId, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    const orders = rows.map(({ total: _total, placedAt, ...order }) => ({
      ...order,
      placedAt: new Date(placedAt).toISOString(),
    }));
    return [orders, rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  async queueCounts(
    warehouseCode: string,
    statuses: readonly FulfilmentQueue[],
  ): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM orders
        WHERE warehouse_code = $1 AND status = ANY($2::text[]) GROUP BY status`,
      [warehouseCode, statuses],
    )) as { status: string; n: number }[];
    return new Map(rows.map((row) => [row.status, row.n]));
  }

  async orders(filter: BoardFilter, page: PageRequest): Promise<[FulfilmentOrder[], number]> {
    const sql = BOARD_SQL.replace('ORDER_BY', orderByClause(sortOrder(BOARD_SORT, filter)));
    const rows = (await this.dataSource.query(sql, [
      filter.warehouseCode,
      filter.status,
      page.pageSize,
      page.offset,
      filter.today,
    ])) as Counted<Omit<FulfilmentOrder, 'placedAt'> & { placedAt: Date }>[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.orders(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    const orders = rows.map(({ total: _total, placedAt, ...order }) => ({
      ...order,
      placedAt: new Date(placedAt).toISOString(),
    }));
    return [orders, rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }
}
