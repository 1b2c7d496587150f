import type {
  BacklogReport,
  DeliveryReport,
  DormantAccountsReport,
  PromiseAccuracyReport,
  SummaryFigures,
  SummaryReport,
} from '@tradecounter/contracts';
import { toCsv } from './csv';

/** Each report as CSV: the numbers the JSON (and so the screen) carries, unrounded. */

const SUMMARY_FIGURES: [string, (f: SummaryFigures) => string | number | null][] = [
  ['netSales', (f) => f.netSales],
  ['orders', (f) => f.orders],
  ['units', (f) => f.units],
  ['averageOrderValue', (f) => f.averageOrderValue],
  ['cycleTimeMedianHours', (f) => f.cycleTime.medianHours],
  ['cycleTimeP90Hours', (f) => f.cycleTime.p90Hours],
  ['onTimeDelivery', (f) => f.onTimeDelivery],
  ['onTimeDeliveryCurrent', (f) => f.onTimeDeliveryCurrent],
  ['inFull', (f) => f.inFull],
  ['otif', (f) => f.otif],
  ['otifCurrent', (f) => f.otifCurrent],
  ['lineFillRate', (f) => f.lineFillRate],
  ['deliveryRating', (f) => f.deliveryRating],
  ['backlog', (f) => f.backlog],
];

export function summaryCsv(report: SummaryReport): string {
  return toCsv(
    ['figure', `${report.from} to ${report.to}`, `${report.previous.from} to ${report.previous.to}`],
    SUMMARY_FIGURES.map(([name, value]) => [name, value(report), value(report.previous)]),
  );
}

export function deliveryCsv(report: DeliveryReport): string {
  return toCsv(
    [
      'key',
      'label',
      'deliveredLines',
      'onTimeDelivery',
      'onTimeDeliveryCurrent',
      'deliveredOrders',
      'otif',
      'otifCurrent',
      'shippedOrders',
      'inFull',
    ],
    report.rows.map((row) => [
      row.key,
      row.label,
      row.deliveredLines,
      row.onTimeDelivery,
      row.onTimeDeliveryCurrent,
      row.deliveredOrders,
      row.otif,
      row.otifCurrent,
      row.shippedOrders,
      row.inFull,
    ]),
  );
}

export function backlogCsv(report: BacklogReport): string {
  return toCsv(
    ['key', 'label', 'value', 'orders', 'units'],
    report.buckets.map((bucket) => [bucket.key, bucket.label, bucket.value, bucket.orders, bucket.units]),
  );
}

export function promiseAccuracyCsv(report: PromiseAccuracyReport): string {
  return toCsv(
    ['daysLate', 'label', 'lines', 'units'],
    report.buckets.map((bucket) => [bucket.days, bucket.label, bucket.lines, bucket.units]),
  );
}

export function dormantAccountsCsv(report: DormantAccountsReport): string {
  return toCsv(
    [
      'accountId',
      'code',
      'name',
      'accountManager',
      'lastOrderDate',
      'daysSinceLastOrder',
      'trailing12MonthSales',
    ],
    report.rows.map((row) => [
      row.accountId,
      row.code,
      row.name,
      row.accountManager?.name ?? null,
      row.lastOrderDate,
      row.daysSinceLastOrder,
      row.trailing12MonthSales,
    ]),
  );
}
