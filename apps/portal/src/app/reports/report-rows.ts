import type {
  Account,
  BacklogReport,
  OrderSummary,
  PriceTierSummary,
  DeliveryReport,
  DormantAccountsReport,
  PromiseAccuracyReport,
  SalesReport,
  SalesRow,
} from '@tradecounter/contracts';
import { parseMoney } from '@tradecounter/domain';
import { displayDate } from '../shared/date-format';
import { formatMoneyDisplay } from '../shared/money-format';
import type { ChartSeries, ReportColumn, ReportRow } from './report-types';
import { formatCount, formatShare } from './report-format';
import type { Period } from './report-period';
import { type TimeGrouping, timeSlots, valuesBySlot } from './report-timeline';

/*
 * Reports as a panel shows them: the table's columns and formatted rows,
 * and the chart's labels and series. Money goes to the chart in whole cents.
 */

export interface PanelData {
  columns: ReportColumn[];
  rows: ReportRow[];
  labels: string[];
  series: ChartSeries[];
  /** Per label: a partial period (cut by the filter or not over yet), drawn apart. */
  partial?: boolean[];
  /** Where the value axis starts, when not at zero (shares that all sit high). */
  min?: number;
}

export const NO_PANEL_DATA: PanelData = { columns: [], rows: [], labels: [], series: [] };

const cents = (amount: string) => Number(parseMoney(amount));

/** Over time, the chart gets every slot of the period (quiet ones too); the table only the API's rows. */
export interface TimelineOption {
  grouping: TimeGrouping;
  period: Period;
  /** With today, slots not over yet are partial too (not only those the period cuts). */
  today?: string;
}

function chartAxis<R extends { key: string; label: string }>(
  rows: readonly R[],
  timeline: TimelineOption | undefined,
): {
  labels: string[];
  values: <V>(value: (row: R) => V, missing: V) => V[];
  partial?: boolean[];
  isPartial: (key: string) => boolean;
} {
  if (!timeline) {
    return {
      labels: rows.map((row) => row.label),
      values: (value) => rows.map(value),
      isPartial: () => false,
    };
  }
  const slots = timeSlots(timeline.grouping, timeline.period, timeline.today);
  const partialKeys = new Set(slots.filter((slot) => slot.partial).map((slot) => slot.key));
  return {
    labels: slots.map((slot) => slot.label),
    values: (value, missing) => valuesBySlot(slots, rows, value, missing),
    partial: slots.some((slot) => slot.partial) ? slots.map((slot) => slot.partial) : undefined,
    isPartial: (key) => partialKeys.has(key),
  };
}

/** A table label with its partial mark, as the chart's note explains it. */
const PARTIAL_MARK = ' (partial)';

export function salesPanel(
  report: SalesReport | undefined,
  options: {
    heading: string;
    /** The chart shows only the first rows (ordered by net sales); the table, like the CSV, has them all. */
    top?: number;
    measure?: 'netSales' | 'orders';
    withSavings?: boolean;
    link?: (row: SalesRow) => string | undefined;
    timeline?: TimelineOption;
    /** What the money series and column are called: "Net sales" to staff, "Spend" to a customer. */
    seriesName?: string;
  },
): PanelData {
  if (!report) return NO_PANEL_DATA;
  const rows = report.rows;
  const axis = chartAxis(options.top ? rows.slice(0, options.top) : rows, options.timeline);
  const columns: ReportColumn[] = [
    { key: 'label', header: options.heading },
    { key: 'netSales', header: options.seriesName ?? 'Net sales', numeric: true },
    { key: 'orders', header: 'Orders', numeric: true },
    { key: 'units', header: 'Units', numeric: true },
  ];
  if (options.withSavings) columns.push({ key: 'savings', header: 'Savings vs list', numeric: true });
  const measure = options.measure ?? 'netSales';
  return {
    columns,
    rows: rows.map((row) => ({
      key: row.key,
      link: options.link?.(row),
      cells: {
        label: axis.isPartial(row.key) ? `${row.label}${PARTIAL_MARK}` : row.label,
        netSales: formatMoneyDisplay(row.netSales),
        orders: formatCount(row.orders),
        units: formatCount(row.units),
        savings: formatMoneyDisplay(row.savings),
      },
    })),
    labels: axis.labels,
    series: [
      measure === 'orders'
        ? { name: 'Orders', values: axis.values((row) => row.orders, 0) }
        : { name: options.seriesName ?? 'Net sales', values: axis.values((row) => cents(row.netSales), 0) },
      ...(options.withSavings
        ? [{ name: 'Savings vs list', values: axis.values((row) => cents(row.savings), 0) }]
        : []),
    ],
    partial: axis.partial,
  };
}

/**
 * Where a share axis starts: a little below the lowest value, on a 5 %
 * step, so lines that all sit between 85 % and 100 % do not overlap at
 * the top of a 0–100 % axis; zero when the data goes low anyway.
 */
export function shareAxisMin(series: readonly ChartSeries[], padding = 0.05): number {
  const values = series.flatMap((one) => one.values).filter((value): value is number => value !== null);
  if (values.length === 0) return 0;
  const floor = Math.floor((Math.min(...values) - padding) * 20) / 20;
  return floor <= 0.2 ? 0 : Math.min(floor, 0.9);
}

export function deliveryPanel(
  report: DeliveryReport | undefined,
  heading: string,
  timeline?: TimelineOption,
): PanelData {
  if (!report) return NO_PANEL_DATA;
  const rows = report.rows;
  const axis = chartAxis(rows, timeline);
  // Each measure in its own colour; against the current promise, the same measure dashed.
  const series: ChartSeries[] = [
    { name: 'On time (first promise)', values: axis.values((row) => row.onTimeDelivery, null) },
    {
      name: 'On time (current promise)',
      values: axis.values((row) => row.onTimeDeliveryCurrent, null),
      dashed: true,
    },
    { name: 'OTIF (first promise)', values: axis.values((row) => row.otif, null) },
    { name: 'OTIF (current promise)', values: axis.values((row) => row.otifCurrent, null), dashed: true },
  ];
  return {
    columns: [
      { key: 'label', header: heading },
      { key: 'onTime', header: 'On time (first promise)', numeric: true },
      { key: 'onTimeCurrent', header: 'On time (current)', numeric: true },
      { key: 'otif', header: 'OTIF (first promise)', numeric: true },
      { key: 'otifCurrent', header: 'OTIF (current)', numeric: true },
      { key: 'inFull', header: 'In full', numeric: true },
      { key: 'deliveredLines', header: 'Delivered lines', numeric: true },
      { key: 'deliveredOrders', header: 'Delivered orders', numeric: true },
    ],
    rows: rows.map((row) => ({
      key: row.key,
      cells: {
        label: row.label,
        onTime: formatShare(row.onTimeDelivery),
        onTimeCurrent: formatShare(row.onTimeDeliveryCurrent),
        otif: formatShare(row.otif),
        otifCurrent: formatShare(row.otifCurrent),
        inFull: formatShare(row.inFull),
        deliveredLines: formatCount(row.deliveredLines),
        deliveredOrders: formatCount(row.deliveredOrders),
      },
    })),
    labels: axis.labels,
    series,
    min: shareAxisMin(series),
  };
}

export function backlogPanel(report: BacklogReport | undefined): PanelData {
  if (!report) return NO_PANEL_DATA;
  // Empty buckets stay in the chart (the shape of ageing), but an empty backlog is "nothing".
  const buckets = report.buckets.some((bucket) => bucket.orders > 0) ? report.buckets : [];
  return {
    columns: [
      { key: 'label', header: 'Age' },
      { key: 'value', header: 'Value', numeric: true },
      { key: 'orders', header: 'Orders', numeric: true },
      { key: 'units', header: 'Units', numeric: true },
    ],
    rows: buckets.map((bucket) => ({
      key: bucket.key,
      cells: {
        label: bucket.label,
        value: formatMoneyDisplay(bucket.value),
        orders: formatCount(bucket.orders),
        units: formatCount(bucket.units),
      },
    })),
    labels: buckets.map((bucket) => bucket.label),
    series: [{ name: 'Backlog value', values: buckets.map((bucket) => cents(bucket.value)) }],
  };
}

/** Short axis labels (the table has the long ones): "≤ −5", "−1", "0", "+2", "≥ +10". */
export function daysLabel(days: number, index: number, count: number): string {
  const value = days > 0 ? `+${days}` : days < 0 ? `−${-days}` : '0';
  if (index === 0 && count > 1) return `≤ ${value}`;
  if (index === count - 1 && count > 1) return `≥ ${value}`;
  return value;
}

export function promiseAccuracyPanel(report: PromiseAccuracyReport | undefined): PanelData {
  if (!report) return NO_PANEL_DATA;
  const buckets = report.lines > 0 ? report.buckets : [];
  return {
    columns: [
      { key: 'label', header: 'Shipped vs promised (business days)' },
      { key: 'lines', header: 'Lines', numeric: true },
      { key: 'units', header: 'Units', numeric: true },
    ],
    rows: buckets.map((bucket) => ({
      key: String(bucket.days),
      cells: { label: bucket.label, lines: formatCount(bucket.lines), units: formatCount(bucket.units) },
    })),
    labels: buckets.map((bucket, index) => daysLabel(bucket.days, index, buckets.length)),
    series: [{ name: 'Lines', values: buckets.map((bucket) => bucket.lines) }],
  };
}

export function dormantPanel(report: DormantAccountsReport | undefined): PanelData {
  if (!report) return NO_PANEL_DATA;
  return {
    columns: [
      { key: 'name', header: 'Account' },
      { key: 'lastOrderDate', header: 'Last order' },
      { key: 'days', header: 'Days since', numeric: true },
      { key: 'sales', header: 'Sales, last 12 months', numeric: true },
      { key: 'manager', header: 'Account manager' },
    ],
    rows: report.rows.map((row) => ({
      key: row.accountId,
      link: `/accounts/${row.accountId}`,
      cells: {
        name: `${row.code} · ${row.name}`,
        lastOrderDate: row.lastOrderDate === null ? 'Never ordered' : displayDate(row.lastOrderDate),
        days: formatCount(row.daysSinceLastOrder),
        sales: formatMoneyDisplay(row.trailing12MonthSales),
        manager: row.accountManager?.name ?? '—',
      },
    })),
    labels: [],
    series: [],
  };
}

/** Sales per account with each account's price tier (from the account list and the tiers). */
export function accountSalesPanel(
  report: SalesReport | undefined,
  accounts: readonly Account[],
  tiers: readonly PriceTierSummary[],
): PanelData {
  if (!report) return NO_PANEL_DATA;
  const tierOf = new Map(tiers.map((tier) => [tier.id, `${tier.name} (${tier.discountPercent}%)`]));
  const accountOf = new Map(accounts.map((account) => [account.id, account]));
  const base = salesPanel(report, { heading: 'Account', link: (row) => `/accounts/${row.key}` });
  const [label, ...figures] = base.columns as [ReportColumn, ...ReportColumn[]];
  return {
    ...base,
    columns: [label, { key: 'tier', header: 'Price tier' }, ...figures],
    rows: base.rows.map((row) => {
      const tierId = accountOf.get(row.key)?.priceTierId;
      return { ...row, cells: { ...row.cells, tier: tierId ? (tierOf.get(tierId) ?? '—') : 'List price' } };
    }),
    labels: base.labels.slice(0, 10),
    series: base.series.map((series) => ({ ...series, values: series.values.slice(0, 10) })),
  };
}

/** Orders waiting on someone (credit holds, approvals), linked to each order. */
export function waitingOrdersPanel(orders: readonly OrderSummary[]): PanelData {
  return {
    columns: [
      { key: 'number', header: 'Order' },
      { key: 'account', header: 'Account' },
      { key: 'placedAt', header: 'Placed' },
      { key: 'subtotal', header: 'Subtotal', numeric: true },
    ],
    rows: orders.map((order) => ({
      key: order.id,
      link: `/orders/${order.id}`,
      cells: {
        number: order.number,
        account: `${order.accountCode} · ${order.accountName}`,
        placedAt: displayDate(order.placedAt),
        subtotal: formatMoneyDisplay(order.subtotal),
      },
    })),
    labels: [],
    series: [],
  };
}
