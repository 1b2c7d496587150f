import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SalesGroupBy } from '@tradecounter/contracts';
import type { AccountScope } from '@tradecounter/domain';
import { salesSource, type SalesSources } from './sales-source';

/** A report's filter once the caller's scope and the period are settled. */
export interface ScopedFilter {
  from: string;
  to: string;
  scope: AccountScope;
  accountId?: string;
  accountManagerId?: string;
  channel?: string;
  category?: string;
}

export interface SalesRowData {
  key: string;
  label: string;
  netSales: string;
  orders: number | null;
  units: number;
}

/**
 * Key and label per grouping; `p` is only joined when products matter, `a`
 * when accounts do (`byAccount`).
 */
const GROUPINGS: Record<
  SalesGroupBy,
  {
    key: string;
    label: string;
    byProduct?: true;
    byAccount?: true;
    byChannel?: true;
    timeline?: true;
    days?: true;
  }
> = {
  day: {
    key: `to_char(s.day, 'YYYY-MM-DD')`,
    label: `to_char(s.day, 'YYYY-MM-DD')`,
    timeline: true,
    days: true,
  },
  week: {
    key: `to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    label: `'Week of ' || to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    timeline: true,
    days: true,
  },
  month: { key: `to_char(s.day, 'YYYY-MM')`, label: `to_char(s.day, 'YYYY-MM')`, timeline: true },
  account: { key: 's.account_id::text', label: `min(a.code || ' — ' || a.name)`, byAccount: true },
  product: { key: 's.product_id::text', label: `min(p.sku || ' — ' || p.name)`, byProduct: true },
  category: { key: 'p.category', label: 'p.category', byProduct: true },
  channel: { key: 's.channel', label: 's.channel', byChannel: true },
  accountManager: {
    key: `coalesce(a.account_manager_id::text, '')`,
    label: `coalesce(min(m.name), 'No account manager')`,
    byAccount: true,
  },
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
  constructor(private readonly dataSource: DataSource) {}

  /** `sources`: only tests ask for the finest rollups, to compare. */
  async sales(
    filter: ScopedFilter,
    groupBy: SalesGroupBy,
    sources: SalesSources = 'coarsest',
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
    const params: unknown[] = [];
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
    const where: string[] = [];
    switch (filter.scope.kind) {
      case 'account':
        where.push(`s.account_id = ${param(filter.scope.accountId)}::uuid`);
        break;
      case 'managedBy':
        where.push(`a.account_manager_id = ${param(filter.scope.accountManagerId)}::uuid`);
        break;
      case 'all':
        break;
    }
    if (filter.accountId) where.push(`s.account_id = ${param(filter.accountId)}::uuid`);
    if (filter.accountManagerId) where.push(`a.account_manager_id = ${param(filter.accountManagerId)}::uuid`);
    if (filter.channel) where.push(`s.channel = ${param(filter.channel)}`);
    if (filter.category) where.push(`p.category = ${param(filter.category)}`);
    const sql = `
      SELECT ${grouping.key} AS key, ${grouping.label} AS label, sum(s.net_sales)::text AS "netSales",
             ${exactOrders ? 'sum(s.orders)::int' : 'NULL::int'} AS orders, sum(s.units)::bigint AS units
        FROM ${source}
        ${byProduct ? 'JOIN products p ON p.id = s.product_id' : ''}
        ${byAccount ? 'JOIN accounts a ON a.id = s.account_id' : ''}
        ${groupBy === 'accountManager' ? 'LEFT JOIN users m ON m.id = a.account_manager_id' : ''}
       WHERE ${where.length > 0 ? where.join(' AND ') : 'true'}
       GROUP BY 1
      HAVING sum(s.net_sales) <> 0 OR sum(s.units) <> 0
       ORDER BY ${grouping.timeline ? '1' : `sum(s.net_sales) DESC, 1`}`;
    const rows = (await this.dataSource.query(sql, params)) as (Omit<SalesRowData, 'units'> & {
      units: string;
    })[];
    return rows.map((row) => ({ ...row, units: Number(row.units) }));
  }
}
