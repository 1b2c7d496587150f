import type { SummaryFigures, SummaryReport } from '@tradecounter/contracts';
import { formatMoneyDisplay } from '../shared/money-format';
import { type Better, relativeTrend, shareTrend, type Trend } from './kpi-trend';
import { formatCount, formatHours, formatRating, formatShare } from './report-format';

/** One headline figure as a card shows it. */
export interface Kpi {
  key: string;
  label: string;
  value: string;
  /** The same figure in the period before, as shown. */
  previous: string;
  trend: Trend;
  /** A second reading, e.g. against the current promise. */
  note?: string;
  /** What the figure measures, for the card's tooltip. */
  hint: string;
}

interface KpiDefinition {
  key: string;
  label: string;
  hint: string;
  better: Better;
  kind: 'money' | 'count' | 'hours' | 'share' | 'rating';
  read: (figures: SummaryFigures) => string | number | null;
  note?: (figures: SummaryFigures) => string;
  /** Per order, so meaningless with a category filter. */
  delivery?: boolean;
}

const DEFINITIONS: readonly KpiDefinition[] = [
  {
    key: 'netSales',
    label: 'Net sales',
    hint: 'Subtotals of the orders placed in the period, cancelled and rejected excluded',
    better: 'higher',
    kind: 'money',
    read: (f) => f.netSales,
  },
  {
    key: 'orders',
    label: 'Orders',
    hint: 'Orders placed in the period',
    better: 'higher',
    kind: 'count',
    read: (f) => f.orders,
  },
  {
    key: 'averageOrderValue',
    label: 'Average order value',
    hint: 'Net sales ÷ orders',
    better: 'higher',
    kind: 'money',
    read: (f) => f.averageOrderValue,
  },
  {
    key: 'cycleTimeMedian',
    label: 'Cycle time (median)',
    hint: 'Placement to last shipment of the fully shipped orders',
    better: 'lower',
    kind: 'hours',
    read: (f) => f.cycleTime.medianHours,
    delivery: true,
  },
  {
    key: 'cycleTimeP90',
    label: 'Cycle time (p90)',
    hint: '9 in 10 fully shipped orders went out within this time',
    better: 'lower',
    kind: 'hours',
    read: (f) => f.cycleTime.p90Hours,
    delivery: true,
  },
  {
    key: 'onTimeDelivery',
    label: 'On time (first promise)',
    hint: 'Delivered lines on or before the date first promised at placement',
    better: 'higher',
    kind: 'share',
    read: (f) => f.onTimeDelivery,
    note: (f) => `Against current promise: ${formatShare(f.onTimeDeliveryCurrent)}`,
    delivery: true,
  },
  {
    key: 'inFull',
    label: 'In full',
    hint: 'Fully shipped orders whose every line went in one shipment',
    better: 'higher',
    kind: 'share',
    read: (f) => f.inFull,
    delivery: true,
  },
  {
    key: 'otif',
    label: 'OTIF (first promise)',
    hint: 'Delivered orders with every unit on time against the first promise and in full',
    better: 'higher',
    kind: 'share',
    read: (f) => f.otif,
    note: (f) => `Against current promise: ${formatShare(f.otifCurrent)}`,
    delivery: true,
  },
  {
    key: 'lineFillRate',
    label: 'Line fill rate',
    hint: 'Lines fully covered from stock at placement',
    better: 'higher',
    kind: 'share',
    read: (f) => f.lineFillRate,
    delivery: true,
  },
  {
    key: 'backlog',
    label: 'Backlog',
    hint: 'Value of ordered units not yet shipped, today',
    better: 'neither',
    kind: 'money',
    read: (f) => f.backlog,
    delivery: true,
  },
  {
    key: 'deliveryRating',
    label: 'Delivery rating',
    hint: 'Mean rating customers gave their deliveries',
    better: 'higher',
    kind: 'rating',
    read: (f) => f.deliveryRating,
    delivery: true,
  },
];

function show(kind: KpiDefinition['kind'], value: string | number | null): string {
  switch (kind) {
    case 'money':
      return formatMoneyDisplay(value === null ? null : String(value));
    case 'count':
      return formatCount(value === null ? null : Number(value));
    case 'hours':
      return formatHours(value === null ? null : Number(value));
    case 'share':
      return formatShare(value === null ? null : Number(value));
    case 'rating':
      return formatRating(value === null ? null : Number(value));
  }
}

function trendOf(
  definition: KpiDefinition,
  current: string | number | null,
  previous: string | number | null,
): Trend {
  if (definition.kind === 'share') {
    return shareTrend(current as number | null, previous as number | null, definition.better);
  }
  return relativeTrend(current, previous, definition.better);
}

/**
 * The headline cards of a summary, each against the period before. Backlog
 * is measured today whatever the period, so it has no trend; with a category
 * filter the delivery figures do not apply and are left out.
 */
export function summaryKpis(report: SummaryReport): Kpi[] {
  return DEFINITIONS.filter((d) => report.deliveryFiguresApply || !d.delivery).map((definition) => {
    const current = definition.read(report);
    const previous = definition.read(report.previous);
    return {
      key: definition.key,
      label: definition.label,
      hint: definition.hint,
      value: show(definition.kind, current),
      previous: show(definition.kind, previous),
      trend:
        definition.key === 'backlog'
          ? { direction: 'none', tone: 'neutral', change: '' }
          : trendOf(definition, current, previous),
      note: definition.note?.(report),
    };
  });
}
