import { periodByMonths } from '@tradecounter/domain';

/** `coarsest` reads the fewest rows; `finest` only the daily rollups per account and channel. */
export type RollupSources = 'coarsest' | 'finest';

/** A daily rollup and the monthly one summed from it (migration 1765065600000), read alike. */
export interface RollupPair {
  daily: string;
  monthly: string;
  /** Columns read besides the day: dimensions and measures, present in both. */
  columns: string[];
}

const SALES_MEASURES = ['orders', 'units', 'net_sales', 'list_total'];

/** Per account and channel. */
const SALES_BY_ACCOUNT: RollupPair = {
  daily: 'sales_by_day',
  monthly: 'sales_by_month',
  columns: ['account_id', 'channel', ...SALES_MEASURES],
};
/** Over every account and channel: days in stripes, months per account and channel, both summed as read. */
const SALES_OVERALL: RollupPair = {
  daily: 'sales_by_day_stripe',
  monthly: 'sales_by_month',
  columns: SALES_MEASURES,
};
const SALES_BY_ACCOUNT_AND_PRODUCT: RollupPair = {
  daily: 'sales_by_day_product',
  monthly: 'sales_by_month_product',
  columns: ['account_id', 'channel', 'product_id', ...SALES_MEASURES],
};
/** Per product over all accounts and channels. */
const SALES_BY_PRODUCT: RollupPair = {
  daily: 'product_sales_by_day',
  monthly: 'product_sales_by_month',
  columns: ['product_id', ...SALES_MEASURES],
};

const DELIVERY_MEASURES = [
  'lines',
  'lines_from_stock',
  'delivered_lines',
  'on_time_lines',
  'on_time_lines_current',
  'shipped_orders',
  'in_full_orders',
  'delivered_orders',
  'otif_orders',
  'otif_orders_current',
  'ratings',
  'rating_sum',
];
export const DELIVERY: RollupPair = {
  daily: 'delivery_by_day',
  monthly: 'delivery_by_month',
  columns: ['account_id', 'channel', ...DELIVERY_MEASURES],
};
/** Over every account and channel, as SALES_OVERALL. */
export const DELIVERY_OVERALL: RollupPair = {
  daily: 'delivery_by_day_stripe',
  monthly: 'delivery_by_month',
  columns: DELIVERY_MEASURES,
};
export const CYCLE_TIME: RollupPair = {
  daily: 'cycle_time_by_day',
  monthly: 'cycle_time_by_month',
  columns: ['account_id', 'channel', 'hours', 'orders'],
};
/** Per hours over all accounts and channels. */
export const CYCLE_TIME_HOURS: RollupPair = {
  daily: 'cycle_time_hours_by_day',
  monthly: 'cycle_time_hours_by_month',
  columns: ['hours', 'orders'],
};
export const PROMISE_ACCURACY: RollupPair = {
  daily: 'promise_accuracy_by_day',
  monthly: 'promise_accuracy_by_month',
  columns: ['account_id', 'channel', 'days_late', 'lines', 'units'],
};

/**
 * The rows of a rollup for [from, to] as a derived table `s (day, …columns)`:
 * unless single days matter (`days`: grouping by day or week, which
 * straddle months), whole months from the monthly rollup and only the edge
 * days from the daily one, so any period stays exact. A monthly row's `day`
 * is the first of its month. `param` binds a value.
 */
export function rollupSource(
  rollup: RollupPair,
  period: { from: string; to: string },
  param: (value: unknown) => string,
  options: { days?: boolean; sources?: RollupSources } = {},
): string {
  const columns = rollup.columns.join(', ');
  const daily = (ranges: { from: string; to: string }[]) =>
    `SELECT day, ${columns} FROM ${rollup.daily}
      WHERE ${ranges.map((range) => `day BETWEEN ${param(range.from)}::date AND ${param(range.to)}::date`).join(' OR ')}`;
  if (options.days || options.sources === 'finest') return `(${daily([period])}) s`;
  const { months, days } = periodByMonths(period.from, period.to);
  if (!months) return `(${daily(days)}) s`;
  const monthly = `SELECT month AS day, ${columns} FROM ${rollup.monthly}
      WHERE month BETWEEN ${param(months.from)}::date AND ${param(months.to)}::date`;
  return days.length === 0 ? `(${monthly}) s` : `(${monthly} UNION ALL ${daily(days)}) s`;
}

/** Whether a filter narrows to accounts (scope, account, account manager) or a channel. */
export function narrowsAccountsOrChannel(filter: {
  scope: { kind: string };
  accountId?: string;
  accountManagerId?: string;
  channel?: string;
}): boolean {
  return (
    filter.scope.kind !== 'all' ||
    filter.accountId !== undefined ||
    filter.accountManagerId !== undefined ||
    filter.channel !== undefined
  );
}

/** What a sales query needs of its rows beyond the period. */
export interface SalesNeeds {
  /** Accounts: an account or account-manager filter or scope, or grouping by either. */
  account: boolean;
  channel: boolean;
  /** Products: grouping by product or category, or a category filter. */
  product: boolean;
  /** Single days: grouping by day or week. */
  days: boolean;
}

/**
 * Sales rows from the coarsest rollups that still carry every dimension
 * the query needs: when accounts and channels do not matter, the
 * per-product ones if products do, else the overall ones; whole months
 * where single days do not matter.
 */
export function salesSource(
  needs: SalesNeeds,
  period: { from: string; to: string },
  param: (value: unknown) => string,
  sources: RollupSources = 'coarsest',
): string {
  const finest = sources === 'finest';
  const rollup = needs.product
    ? needs.account || needs.channel || finest
      ? SALES_BY_ACCOUNT_AND_PRODUCT
      : SALES_BY_PRODUCT
    : needs.account || needs.channel || finest
      ? SALES_BY_ACCOUNT
      : SALES_OVERALL;
  return rollupSource(rollup, period, param, { days: needs.days, sources });
}
