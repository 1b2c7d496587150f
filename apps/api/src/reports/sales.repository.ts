import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SalesGroupBy } from '@tradecounter/contracts';
import {
  ACCOUNT_GROUPING,
  ACCOUNT_MANAGER_GROUPING,
  CHANNEL_GROUPING,
  type GroupingSql,
  TIME_GROUPINGS,
} from './report-groupings';
import { rollupWhere, type ScopedFilter } from './report-where';
import { salesSource, type RollupSources } from './rollup-source';
import { REPORTS_DATA_SOURCE } from './reports-data-source';

export interface SalesRowData {
  key: string;
  label: string;
  netSales: string;
  orders: number | null;
  units: number;
  savings: string;
}

/** `p` is only joined when products matter (`byProduct`), `a` when accounts do (`byAccount`). */
const GROUPINGS: Record<
  SalesGroupBy,
  GroupingSql & { byProduct?: true; byAccount?: true; byChannel?: true }
> = {
  ...TIME_GROUPINGS,
  account: { ...ACCOUNT_GROUPING, byAccount: true },
  product: { key: 's.product_id::text', label: `min(p.sku || ' — ' || p.name)`, byProduct: true },
  category: { key: 'p.category', label: 'p.category', byProduct: true },
  channel: { ...CHANNEL_GROUPING, byChannel: true },
  accountManager: { ...ACCOUNT_MANAGER_GROUPING, byAccount: true },
};

/**
 * Sales from the rollups (never the order lines), the coarsest that carry
 * what the query needs (sales-source.ts): per account and channel for
 * orders, units and net sales; per product when products or categories
 * matter, where orders are exact per product (one line per product per
 * order) and unknown per category.
 */
@Injectable()
export class SalesRepository {
  constructor(@Inject(REPORTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `sources`: only tests ask for the finest rollups, to compare. */
  async sales(
    filter: ScopedFilter,
    groupBy: SalesGroupBy,
    sources: RollupSources = 'coarsest',
  ): Promise<SalesRowData[]> {
    const grouping = GROUPINGS[groupBy];
    const byProduct = grouping.byProduct === true || filter.category !== undefined;
    const exactOrders = !byProduct || groupBy === 'product';
    const byAccount =
      grouping.byAccount === true ||
      filter.scope.kind !== 'all' ||
      filter.accountId !== undefined ||
      filter.accountManagerId !== undefined;
    const byChannel = grouping.byChannel === true || filter.channel !== undefined;
    const { where, params } = rollupWhere(filter, { withCategory: byProduct, period: false });
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const source = salesSource(
      { account: byAccount, channel: byChannel, product: byProduct, days: grouping.days === true },
      filter,
      param,
      sources,
    );
    const sql = `
      SELECT ${grouping.key} AS key, ${grouping.label} AS label, sum(s.net_sales)::text AS "netSales",
             ${exactOrders ? 'sum(s.orders)::int' : 'NULL::int'} AS orders, sum(s.units)::bigint AS units,
             (sum(s.list_total) - sum(s.net_sales))::text AS savings
        FROM ${source}
        ${byProduct ? 'JOIN products p ON p.id = s.product_id' : ''}
        ${byAccount ? 'JOIN accounts a ON a.id = s.account_id' : ''}
        ${groupBy === 'accountManager' ? 'LEFT JOIN users m ON m.id = a.account_manager_id' : ''}
       WHERE ${where}
       GROUP BY ${grouping.group ?? '1'}
      HAVING sum(s.net_sales) <> 0 OR sum(s.units) <> 0
       ORDER BY ${grouping.timeline ? '1' : `sum(s.net_sales) DESC, 1`}`;
    const rows = (await this.dataSource.query(sql, params)) as (Omit<SalesRowData, 'units'> & {
      units: string;
    })[];
    return rows.map((row) => ({ ...row, units: Number(row.units) }));
  }

  /** Channels with orders in scope (any period), from the monthly rollup per account and channel. */
  async channels(filter: ScopedFilter): Promise<string[]> {
    const { where, params } = rollupWhere({ ...filter, channel: undefined }, { period: false });
    const rows = (await this.dataSource.query(
      `SELECT s.channel FROM sales_by_month s JOIN accounts a ON a.id = s.account_id
        WHERE ${where} GROUP BY s.channel HAVING sum(s.orders) > 0`,
      params,
    )) as { channel: string }[];
    return rows.map((row) => row.channel);
  }
}
