import type { IsoDate, IsoInstant, MoneyString } from './common';

/**
 * What every report answer carries: the time the data it read is current
 * to. The primary answers the time of the read; a read replica (when
 * reports are sent to one) the commit time of the last transaction it has
 * applied while it is behind, so a lagging replica shows (docs/reports.md,
 * "Read replica").
 */
export interface ReportFreshness {
  asOf: IsoInstant;
}

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

/** What a report's first column is called, by grouping (screen and CSV alike). */
export const REPORT_GROUP_HEADINGS: Record<SalesGroupBy, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  account: 'Account',
  product: 'Product',
  category: 'Category',
  channel: 'Channel',
  accountManager: 'Account manager',
};

/** GET /api/reports/channels: every channel with orders the caller may read, by display name. */
export interface ReportChannel {
  /** What orders record and the `channel` filter takes: `portal`, `phone`, an integration's name … */
  key: string;
  label: string;
}

export interface ReportChannels {
  channels: ReportChannel[];
}

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
  /**
   * What the same units would have cost at list price, less what was paid
   * (list price as it was when each order was placed).
   */
  savings: MoneyString;
}

export interface SalesReport extends ReportFreshness {
  from: IsoDate;
  to: IsoDate;
  groupBy: SalesGroupBy;
  rows: SalesRow[];
  total: Omit<SalesRow, 'key' | 'label'>;
}

/** GET /api/reports/summary: the headline figures of a period and of the period of the same length before it. */
export interface SummaryFigures {
  netSales: MoneyString;
  /** Null when filtered to a category (an order can hold several categories). */
  orders: number | null;
  units: number;
  averageOrderValue: MoneyString | null;
  /** Placement to last shipment of the fully shipped orders placed in the period. */
  cycleTime: { medianHours: number | null; p90Hours: number | null; orders: number };
  /** Delivered lines on or before the date first promised at placement; null when none were delivered. */
  onTimeDelivery: number | null;
  /** The same against each line's current promise (re-promising shows here, never in onTimeDelivery). */
  onTimeDeliveryCurrent: number | null;
  /** Fully shipped orders whose every line went in one shipment of its whole quantity. */
  inFull: number | null;
  /** Delivered orders with every unit delivered on or before the date first promised for it. */
  otif: number | null;
  otifCurrent: number | null;
  /** Lines fully covered from stock at placement. */
  lineFillRate: number | null;
  /** Mean delivery rating (1–5) of the period's orders; null without ratings. */
  deliveryRating: number | null;
  /** Value of ordered units not yet shipped, of orders not cancelled or rejected, today (the period does not apply). */
  backlog: MoneyString;
  /** What the shares were measured over. */
  counts: {
    lines: number;
    deliveredLines: number;
    shippedOrders: number;
    deliveredOrders: number;
    ratings: number;
  };
}

export interface SummaryReport extends SummaryFigures, ReportFreshness {
  from: IsoDate;
  to: IsoDate;
  /**
   * Delivery figures (cycle time, on-time, in full, OTIF, fill rate, rating,
   * backlog) are per order, not per category: with a category filter they are
   * null and this says so.
   */
  deliveryFiguresApply: boolean;
  previous: SummaryFigures & { from: IsoDate; to: IsoDate };
}

export const DELIVERY_GROUPINGS = ['day', 'week', 'month', 'account', 'channel', 'accountManager'] as const;
export type DeliveryGroupBy = (typeof DELIVERY_GROUPINGS)[number];

/** GET /api/reports/delivery?groupBy=: on-time, OTIF and in full over time or by account. */
export interface DeliveryRow {
  key: string;
  label: string;
  deliveredLines: number;
  onTimeDelivery: number | null;
  onTimeDeliveryCurrent: number | null;
  deliveredOrders: number;
  otif: number | null;
  otifCurrent: number | null;
  shippedOrders: number;
  inFull: number | null;
}

export interface DeliveryReport extends ReportFreshness {
  from: IsoDate;
  to: IsoDate;
  groupBy: DeliveryGroupBy;
  rows: DeliveryRow[];
}

/** GET /api/reports/backlog: today's backlog by the age of its orders. */
export interface BacklogBucket {
  key: string;
  label: string;
  /** Ages in whole days since placement, inclusive; maxDays null for the open end. */
  minDays: number;
  maxDays: number | null;
  value: MoneyString;
  orders: number;
  units: number;
}

export interface BacklogReport extends ReportFreshness {
  /** The day ages are counted to, in the deployment time zone. */
  today: IsoDate;
  total: MoneyString;
  buckets: BacklogBucket[];
}

/** GET /api/reports/promise-accuracy: shipped lines by (actual − promised ship date) in business days. */
export interface PromiseAccuracyBucket {
  /** Business days late (negative: early); the ends gather everything beyond them. */
  days: number;
  label: string;
  lines: number;
  units: number;
}

export interface PromiseAccuracyReport extends ReportFreshness {
  from: IsoDate;
  to: IsoDate;
  buckets: PromiseAccuracyBucket[];
  lines: number;
  /** Shares of shipped lines early, on the promised day, late. */
  early: number | null;
  onTime: number | null;
  late: number | null;
}

/** GET /api/reports/dormant-accounts?days=45 */
export interface DormantAccount {
  accountId: string;
  code: string;
  name: string;
  accountManager: { id: string; name: string } | null;
  /** Null when the account never ordered. */
  lastOrderDate: IsoDate | null;
  daysSinceLastOrder: number | null;
  trailing12MonthSales: MoneyString;
}

export interface DormantAccountsReport extends ReportFreshness {
  /** The day the days without orders are counted to, in the deployment time zone. */
  today: IsoDate;
  days: number;
  rows: DormantAccount[];
}

/** GET /api/reports/quote-conversion: groupings. */
export const QUOTE_CONVERSION_GROUPINGS = ['accountManager', 'account'] as const;
export type QuoteConversionGroupBy = (typeof QUOTE_CONVERSION_GROUPINGS)[number];

export interface QuoteConversionQuery extends ReportFilter {
  groupBy: QuoteConversionGroupBy;
}

/**
 * The quotes first quoted in the period (docs/reports.md, "Quote
 * conversion"), by their outcome now, with the conversion shares.
 */
export interface QuoteConversionFigures {
  /** Quotes whose first quoting fell in the period. */
  quoted: number;
  accepted: number;
  declined: number;
  expired: number;
  withdrawn: number;
  /** Quoted and still live, or back with the seller after the buyer asked for changes. */
  open: number;
  /** accepted ÷ quoted, from 0 to 1; null when nothing was quoted. */
  conversion: number | null;
  /** Each quote's latest priced revision's subtotal, summed. */
  quotedValue: MoneyString;
  /** The orders the accepted quotes became (the accepted lines at their quoted prices), summed. */
  acceptedValue: MoneyString;
  /** acceptedValue ÷ quotedValue; null when nothing of value was quoted. */
  valueConversion: number | null;
}

export interface QuoteConversionRow extends QuoteConversionFigures {
  /** The account manager's or account's id; empty for accounts without an account manager. */
  key: string;
  label: string;
}

export interface QuoteConversionReport extends ReportFreshness {
  from: IsoDate;
  to: IsoDate;
  groupBy: QuoteConversionGroupBy;
  rows: QuoteConversionRow[];
  total: QuoteConversionFigures;
}
