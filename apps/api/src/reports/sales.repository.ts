import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SalesGroupBy } from '@tradecounter/contracts';
import { rollupWhere, type ScopedFilter } from './report-where';

export interface SalesRowData {
  key: string;
  label: string;
  netSales: string;
  orders: number | null;
  units: number;
  savings: string;
}

/** Key and label per grouping; `p` is only joined when the source is the product rollup. */
const GROUPINGS: Record<SalesGroupBy, { key: string; label: string; byProduct?: true; timeline?: true }> = {
  day: { key: `to_char(s.day, 'YYYY-MM-DD')`, label: `to_char(s.day, 'YYYY-MM-DD')`, timeline: true },
  week: {
    key: `to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    label: `'Week of ' || to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    timeline: true,
  },
  month: { key: `to_char(s.day, 'YYYY-MM')`, label: `to_char(s.day, 'YYYY-MM')`, timeline: true },
  account: { key: 's.account_id::text', label: `min(a.code || ' — ' || a.name)` },
  product: { key: 's.product_id::text', label: `min(p.sku || ' — ' || p.name)`, byProduct: true },
  category: { key: 'p.category', label: 'p.category', byProduct: true },
  channel: { key: 's.channel', label: 's.channel' },
  accountManager: {
    key: `coalesce(a.account_manager_id::text, '')`,
    label: `coalesce(min(m.name), 'No account manager')`,
  },
};

/**
 * Sales from the rollups (never the order lines): sales_by_day for orders,
 * units and net sales; sales_by_day_product when products or categories
 * matter, where orders are exact per product (one line per product per
 * order) and unknown per category.
 */
@Injectable()
export class SalesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sales(filter: ScopedFilter, groupBy: SalesGroupBy): Promise<SalesRowData[]> {
    const grouping = GROUPINGS[groupBy];
    const byProduct = grouping.byProduct === true || filter.category !== undefined;
    const exactOrders = !byProduct || groupBy === 'product';
    const { where, params } = rollupWhere(filter, { withCategory: byProduct });
    const sql = `
      SELECT ${grouping.key} AS key, ${grouping.label} AS label, sum(s.net_sales)::text AS "netSales",
             ${exactOrders ? 'sum(s.orders)::int' : 'NULL::int'} AS orders, sum(s.units)::bigint AS units,
             (sum(s.list_total) - sum(s.net_sales))::text AS savings
        FROM ${byProduct ? 'sales_by_day_product s JOIN products p ON p.id = s.product_id' : 'sales_by_day s'}
        JOIN accounts a ON a.id = s.account_id
        ${groupBy === 'accountManager' ? 'LEFT JOIN users m ON m.id = a.account_manager_id' : ''}
       WHERE ${where}
       GROUP BY 1
      HAVING sum(s.net_sales) <> 0 OR sum(s.units) <> 0
       ORDER BY ${grouping.timeline ? '1' : `sum(s.net_sales) DESC, 1`}`;
    const rows = (await this.dataSource.query(sql, params)) as (Omit<SalesRowData, 'units'> & {
      units: string;
    })[];
    return rows.map((row) => ({ ...row, units: Number(row.units) }));
  }
}
