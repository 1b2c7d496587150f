import type { IsoDate, MoneyString } from './common';

/** What every report can be narrowed to (domain.md: period, account, account manager, channel, category). */
export interface ReportFilter {
  /** First day of the period, in the deployment time zone; defaults to 29 days before `to`. */
  from?: IsoDate;
  /** Last day of the period (inclusive); defaults to today. */
  to?: IsoDate;
  accountId?: string;
  accountManagerId?: string;
  channel?: string;
  category?: string;
}

export const SALES_GROUPINGS = [
  'day',
  'week',
  'month',
  'account',
  'product',
  'category',
  'channel',
  'accountManager',
] as const;
export type SalesGroupBy = (typeof SALES_GROUPINGS)[number];

export interface SalesQuery extends ReportFilter {
  groupBy: SalesGroupBy;
}

export interface SalesRow {
  key: string;
  label: string;
  netSales: MoneyString;
  /**
   * Orders. Null when grouped by category or filtered to one: an order with
   * two products of a category would count twice, and a report never overstates.
   */
  orders: number | null;
  units: number;
}

export interface SalesReport {
  from: IsoDate;
  to: IsoDate;
  groupBy: SalesGroupBy;
  rows: SalesRow[];
  total: Omit<SalesRow, 'key' | 'label'>;
}
