import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WAITING_FOR_SUPPLIER_SQL, WAITING_UNITS_SQL } from '../orders/waiting-for-supplier.sql';

/** Per product and warehouse: the waiting supplier units and what drafts already hold for them. */
export interface ShortfallSqlRow {
  productId: string;
  sku: string;
  name: string;
  warehouseCode: string;
  supplierCode: string | null;
  supplierName: string | null;
  packSize: number | null;
  demand: number;
  onDraft: number;
  orderLines: number;
  oldestPlacedAt: Date;
  earliestPromisedDate: string;
}

export interface ShortfallFilter {
  warehouseCode?: string;
  supplierCode?: string;
}

/**
 * The inputs of the shortfall (libs/domain purchasing/shortfall.ts decides
 * it): order lines waiting for supplier units, by the same definition the
 * backorder fill uses (orders/waiting-for-supplier.sql.ts), summed per
 * product and warehouse, beside the quantities of draft purchase orders
 * for the same product and warehouse.
 */
@Injectable()
export class ShortfallRepository {
  async rows(manager: EntityManager, filter: ShortfallFilter): Promise<ShortfallSqlRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.warehouseCode !== undefined) {
      params.push(filter.warehouseCode);
      where.push(`o.warehouse_code = $${params.length}`);
    }
    const supplier =
      filter.supplierCode === undefined
        ? ''
        : `WHERE ps.supplier_code = $${params.push(filter.supplierCode)}`;
    return (await manager.query(
      `WITH waiting AS (
         SELECT l.product_id, o.warehouse_code, sum(${WAITING_UNITS_SQL})::int AS demand, count(*)::int AS lines,
                min(o.placed_at) AS oldest, min(l.current_promised_date) AS earliest
           FROM order_lines l JOIN orders o ON o.id = l.order_id
          WHERE ${[WAITING_FOR_SUPPLIER_SQL, ...where].join(' AND ')}
          GROUP BY 1, 2
       ), drafts AS (
         SELECT pl.product_id, pl.warehouse_code, sum(pl.quantity)::int AS units
           FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id
          WHERE po.status = 'draft'
          GROUP BY 1, 2
       )
       SELECT w.product_id AS "productId", p.sku, p.name, w.warehouse_code AS "warehouseCode",
              ps.supplier_code AS "supplierCode", s.name AS "supplierName", ps.pack_size AS "packSize",
              w.demand, coalesce(d.units, 0) AS "onDraft", w.lines AS "orderLines",
              w.oldest AS "oldestPlacedAt", to_char(w.earliest, 'YYYY-MM-DD') AS "earliestPromisedDate"
         FROM waiting w
         JOIN products p ON p.id = w.product_id
         LEFT JOIN product_supply ps ON ps.product_id = w.product_id
         LEFT JOIN suppliers s ON s.code = ps.supplier_code
         LEFT JOIN drafts d ON d.product_id = w.product_id AND d.warehouse_code = w.warehouse_code
         ${supplier}
        ORDER BY w.earliest, w.oldest, p.sku, w.warehouse_code`,
      params,
    )) as ShortfallSqlRow[];
  }
}
