import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMAND_WINDOW_DAYS } from '@tradecounter/domain';

/** Per product and warehouse: what replenishment needs (libs/domain purchasing/replenishment.ts). */
export interface SuggestionSqlRow {
  productId: string;
  sku: string;
  name: string;
  warehouseCode: string;
  supplierCode: string | null;
  supplierLeadTimeDays: number | null;
  productLeadTimeDays: number;
  safetyDays: number | null;
  reviewDays: number | null;
  packSize: number | null;
  /** Units ordered in the window (bigint as text). */
  unitsOrdered: string;
  available: number;
  onOrder: number;
}

export interface SuggestionFilter {
  warehouseCode?: string;
  supplierCode?: string;
  /** Only these product and warehouse pairs (drafting). */
  pairs?: { productId: string; warehouseCode: string }[];
}

/**
 * Replenishment's inputs for every active product in every warehouse:
 * - demand: units of the last 90 report days (today and the 89 before, in
 *   the deployment's time zone), summed from the demand_by_day rollup (a
 *   primary-key range, never the order lines);
 * - available: on hand − reserved of the stock row (0 without one);
 * - on order: the open units (quantity − received − closed) of sent and
 *   partly received purchase lines, plus the quantities of draft lines.
 */
@Injectable()
export class SuggestionsRepository {
  async rows(manager: EntityManager, filter: SuggestionFilter): Promise<SuggestionSqlRow[]> {
    // The window's first day as a value, not report_day() in the scan: that function is not
    // parallel safe, and without a parallel plan PostgreSQL walks the rollup's index row by row
    // (3× slower on the 1M-order database than the parallel scan, tools/bench/suggestions.mjs).
    const [window] = (await manager.query(`SELECT (report_day(now()) - $1::int + 1)::text AS since`, [
      DEMAND_WINDOW_DAYS,
    ])) as { since: string }[];
    const params: unknown[] = [window?.since];
    const where: string[] = ['p.active'];
    if (filter.warehouseCode !== undefined) where.push(`w.code = $${params.push(filter.warehouseCode)}`);
    if (filter.supplierCode !== undefined)
      where.push(`ps.supplier_code = $${params.push(filter.supplierCode)}`);
    if (filter.pairs !== undefined) {
      const products = `$${params.push(filter.pairs.map((pair) => pair.productId))}::uuid[]`;
      const warehouses = `$${params.push(filter.pairs.map((pair) => pair.warehouseCode))}::text[]`;
      where.push(`(p.id, w.code) IN (SELECT * FROM unnest(${products}, ${warehouses}))`);
    }
    return (await manager.query(
      `WITH demand AS (
         SELECT warehouse_code, product_id, sum(units) AS units
           FROM demand_by_day
          WHERE day >= $1::date
          GROUP BY 1, 2
       ), on_order AS (
         SELECT pl.product_id, pl.warehouse_code,
                sum(CASE WHEN po.status = 'draft' THEN pl.quantity
                         ELSE greatest(pl.quantity - pl.received - pl.closed, 0) END)::int AS units
           FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id
          WHERE po.status IN ('draft', 'sent', 'partially_received')
          GROUP BY 1, 2
       )
       SELECT p.id AS "productId", p.sku, p.name, w.code AS "warehouseCode",
              ps.supplier_code AS "supplierCode", s.lead_time_days AS "supplierLeadTimeDays",
              p.lead_time_days AS "productLeadTimeDays", ps.safety_days AS "safetyDays",
              ps.review_days AS "reviewDays", ps.pack_size AS "packSize",
              coalesce(d.units, 0)::text AS "unitsOrdered",
              coalesce(st.on_hand - st.reserved, 0) AS available, coalesce(oo.units, 0) AS "onOrder"
         FROM products p
        CROSS JOIN warehouses w
         LEFT JOIN product_supply ps ON ps.product_id = p.id
         LEFT JOIN suppliers s ON s.code = ps.supplier_code
         LEFT JOIN stock st ON st.product_id = p.id AND st.warehouse_code = w.code
         LEFT JOIN demand d ON d.product_id = p.id AND d.warehouse_code = w.code
         LEFT JOIN on_order oo ON oo.product_id = p.id AND oo.warehouse_code = w.code
        WHERE ${where.join(' AND ')}
        ORDER BY p.sku, w.code`,
      params,
    )) as SuggestionSqlRow[];
  }
}
