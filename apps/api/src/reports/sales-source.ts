import { periodByMonths } from '@tradecounter/domain';

/** What a sales query needs of its rows beyond the period. */
export interface SalesNeeds {
  /** Accounts: an account or account-manager filter or scope, or grouping by either. */
  account: boolean;
  channel: boolean;
  /** Products: grouping by product or category, or a category filter. */
  product: boolean;
  /** Single days: grouping by day or week (weeks straddle months). */
  days: boolean;
}

/** `coarsest` reads the fewest rows; `finest` the daily per account, channel (and product) rollups only. */
export type SalesSources = 'coarsest' | 'finest';

interface Rollup {
  daily: string;
  monthly: string;
  /** Columns besides the day and the measures. */
  columns: string[];
}

const BY_ACCOUNT: Rollup = {
  daily: 'sales_by_day',
  monthly: 'sales_by_month',
  columns: ['account_id', 'channel'],
};
const BY_ACCOUNT_AND_PRODUCT: Rollup = {
  daily: 'sales_by_day_product',
  monthly: 'sales_by_month_product',
  columns: ['account_id', 'channel', 'product_id'],
};
const BY_PRODUCT: Rollup = {
  daily: 'product_sales_by_day',
  monthly: 'product_sales_by_month',
  columns: ['product_id'],
};
const MEASURES = ['orders', 'units', 'net_sales'];

/**
 * The rows of a sales query as a derived table `s (day, …columns, orders,
 * units, net_sales)` for [from, to], from the coarsest rollups that still
 * carry every dimension it needs: without accounts or channels, the
 * per-product ones; unless single days matter, whole months from a monthly
 * rollup and the edge days from its daily one, so any period stays exact.
 * A monthly row's `day` is the first of its month. `param` binds a value.
 */
export function salesSource(
  needs: SalesNeeds,
  period: { from: string; to: string },
  param: (value: unknown) => string,
  sources: SalesSources = 'coarsest',
): string {
  const rollup = !needs.product
    ? BY_ACCOUNT
    : needs.account || needs.channel || sources === 'finest'
      ? BY_ACCOUNT_AND_PRODUCT
      : BY_PRODUCT;
  const columns = [...rollup.columns, ...MEASURES].join(', ');
  const daily = (ranges: { from: string; to: string }[]) =>
    `SELECT day, ${columns} FROM ${rollup.daily}
      WHERE ${ranges.map((range) => `day BETWEEN ${param(range.from)}::date AND ${param(range.to)}::date`).join(' OR ')}`;
  if (needs.days || sources === 'finest') return `(${daily([period])}) s`;
  const { months, days } = periodByMonths(period.from, period.to);
  if (!months) return `(${daily(days)}) s`;
  const monthly = `SELECT month AS day, ${columns} FROM ${rollup.monthly}
      WHERE month BETWEEN ${param(months.from)}::date AND ${param(months.to)}::date`;
  return days.length === 0 ? `(${monthly}) s` : `(${monthly} UNION ALL ${daily(days)}) s`;
}
