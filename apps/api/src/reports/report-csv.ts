import {
  REPORT_GROUP_HEADINGS,
  type BacklogReport,
  type DeliveryReport,
  type DormantAccountsReport,
  type PromiseAccuracyReport,
  type QuoteConversionReport,
  type ReturnRateGroup,
  type ReturnRateReport,
  type SalesReport,
  type SummaryFigures,
  type SummaryReport,
  type SupplierPerformanceReport,
} from '@tradecounter/contracts';
import { formatDisplayDate, formatFixed, formatShareNumber } from '@tradecounter/domain';
import { toCsv } from './csv';

/*
 * Each report as CSV: the values the screen shows, under the headings it
 * shows (labels and dates in the display style), with numbers a
 * spreadsheet reads: money as exact decimal strings (no symbol, no
 * grouping; the currency in the heading), shares as percentages with one
 * decimal, hours with one, ratings with two. Never a float's noise.
 */

type Cell = string | number | null;

const percent = (share: number | null): string | null => (share === null ? null : formatShareNumber(share));
const fixed = (value: number | null, decimals: number): string | null =>
  value === null ? null : formatFixed(value, decimals);
const period = (p: { from: string; to: string }) =>
  `${formatDisplayDate(p.from)} to ${formatDisplayDate(p.to)}`;

function summaryFigures(currency: string): [string, (f: SummaryFigures) => Cell][] {
  return [
    [`Net sales (${currency})`, (f) => f.netSales],
    ['Orders', (f) => f.orders],
    ['Units', (f) => f.units],
    [`Average order value (${currency})`, (f) => f.averageOrderValue],
    ['Cycle time median (hours)', (f) => fixed(f.cycleTime.medianHours, 1)],
    ['Cycle time 90th percentile (hours)', (f) => fixed(f.cycleTime.p90Hours, 1)],
    ['On time to first promise (%)', (f) => percent(f.onTimeDelivery)],
    ['On time to current promise (%)', (f) => percent(f.onTimeDeliveryCurrent)],
    ['In full (%)', (f) => percent(f.inFull)],
    ['OTIF to first promise (%)', (f) => percent(f.otif)],
    ['OTIF to current promise (%)', (f) => percent(f.otifCurrent)],
    ['Line fill rate (%)', (f) => percent(f.lineFillRate)],
    ['Delivery rating (1 to 5)', (f) => fixed(f.deliveryRating, 2)],
    [`Backlog today (${currency})`, (f) => f.backlog],
  ];
}

export function summaryCsv(report: SummaryReport, currency: string): string {
  return toCsv(
    ['Figure', period(report), period(report.previous)],
    summaryFigures(currency).map(([name, value]) => [name, value(report), value(report.previous)]),
  );
}

export function salesCsv(report: SalesReport, currency: string): string {
  return toCsv(
    [
      REPORT_GROUP_HEADINGS[report.groupBy],
      `Net sales (${currency})`,
      'Orders',
      'Units',
      `Savings vs list (${currency})`,
      'Key',
    ],
    report.rows.map((row) => [row.label, row.netSales, row.orders, row.units, row.savings, row.key]),
  );
}

export function deliveryCsv(report: DeliveryReport): string {
  return toCsv(
    [
      REPORT_GROUP_HEADINGS[report.groupBy],
      'On time to first promise (%)',
      'On time to current promise (%)',
      'OTIF to first promise (%)',
      'OTIF to current promise (%)',
      'In full (%)',
      'Delivered lines',
      'Delivered orders',
      'Shipped orders',
      'Key',
    ],
    report.rows.map((row) => [
      row.label,
      percent(row.onTimeDelivery),
      percent(row.onTimeDeliveryCurrent),
      percent(row.otif),
      percent(row.otifCurrent),
      percent(row.inFull),
      row.deliveredLines,
      row.deliveredOrders,
      row.shippedOrders,
      row.key,
    ]),
  );
}

export function backlogCsv(report: BacklogReport, currency: string): string {
  return toCsv(
    ['Age', `Value (${currency})`, 'Orders', 'Units'],
    report.buckets.map((bucket) => [bucket.label, bucket.value, bucket.orders, bucket.units]),
  );
}

export function promiseAccuracyCsv(report: PromiseAccuracyReport): string {
  return toCsv(
    ['Shipped vs promised (business days)', 'Days late', 'Lines', 'Units'],
    report.buckets.map((bucket) => [bucket.label, bucket.days, bucket.lines, bucket.units]),
  );
}

export function dormantAccountsCsv(report: DormantAccountsReport, currency: string): string {
  return toCsv(
    [
      'Account code',
      'Account',
      'Account manager',
      'Last order',
      'Days since',
      `Sales in the last 12 months (${currency})`,
      'Account ID',
    ],
    report.rows.map((row) => [
      row.code,
      row.name,
      row.accountManager?.name ?? null,
      row.lastOrderDate === null ? 'Never ordered' : formatDisplayDate(row.lastOrderDate),
      row.daysSinceLastOrder,
      row.trailing12MonthSales,
      row.accountId,
    ]),
  );
}

export function quoteConversionCsv(report: QuoteConversionReport, currency: string): string {
  return toCsv(
    [
      report.groupBy === 'account' ? 'Account' : 'Account manager',
      'Quoted',
      'Accepted',
      'Declined',
      'Expired',
      'Withdrawn',
      'Open',
      'Conversion (%)',
      `Quoted value (${currency})`,
      `Accepted value (${currency})`,
      'Value conversion (%)',
      'Key',
    ],
    report.rows.map((row) => [
      row.label,
      row.quoted,
      row.accepted,
      row.declined,
      row.expired,
      row.withdrawn,
      row.open,
      percent(row.conversion),
      row.quotedValue,
      row.acceptedValue,
      percent(row.valueConversion),
      row.key,
    ]),
  );
}

export function supplierPerformanceCsv(report: SupplierPerformanceReport): string {
  return toCsv(
    [
      'Supplier',
      'Code',
      'Lines due',
      'In full on time',
      'In full on time (%)',
      'Average business days late',
      'Overdue lines',
    ],
    report.rows.map((row) => [
      row.supplierName,
      row.supplierCode,
      row.lines,
      row.inFullOnTime,
      percent(row.inFullOnTimeShare),
      fixed(row.averageDaysLate, 2),
      row.overdueLines,
    ]),
  );
}

const RETURN_RATE_HEADINGS: Record<ReturnRateGroup, string> = {
  product: 'Product',
  reason: 'Reason',
  account: 'Account',
};

/** "0.0250" → "2.50": the rate as a percentage, exactly (the decimal point moved two places). */
function ratePercent(rate: string | null): string | null {
  if (rate === null) return null;
  const [whole = '0', fraction = '0000'] = rate.split('.');
  const percent = `${whole}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  return `${percent}.${fraction.slice(2)}`;
}

export function returnRateCsv(report: ReturnRateReport): string {
  return toCsv(
    [
      RETURN_RATE_HEADINGS[report.groupBy],
      report.groupBy === 'reason' ? 'Delivered units (all)' : 'Delivered units',
      'Returned units',
      'Return rate (%)',
      'Flagged',
      'Key',
    ],
    [
      ...report.rows.map((row): Cell[] => [
        row.label,
        row.deliveredUnits,
        row.returnedUnits,
        ratePercent(row.returnRate),
        row.flagged ? 'yes' : '',
        row.key,
      ]),
      [
        'Total',
        report.totals.deliveredUnits,
        report.totals.returnedUnits,
        ratePercent(report.totals.returnRate),
        '',
        '',
      ],
    ],
  );
}
