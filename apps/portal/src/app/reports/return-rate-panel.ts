import { formatFixed } from '@tradecounter/domain';
import type {
  ReportFilter,
  ReturnRateGroup,
  ReturnRateQuery,
  ReturnRateReport,
} from '@tradecounter/contracts';
import { displayDate } from '../shared/date-format';
import { formatCount } from './report-format';
import { NO_PANEL_DATA, type PanelData } from './report-rows';

/** The report's query: every filter of the page, and the grouping chosen on the panel. */
export function returnRateQuery(filter: ReportFilter, groupBy: ReturnRateGroup): ReturnRateQuery {
  return { ...filter, groupBy };
}

/** How many rows the chart shows (the table shows them all): the highest rates come first. */
const CHARTED = 10;

export const RETURN_RATE_HEADINGS: Record<ReturnRateGroup, string> = {
  product: 'Product',
  reason: 'Reason',
  account: 'Account',
};

/** The marker of a flagged product, in words (with an icon beside it), never colour alone. */
export const FLAGGED = 'High returns';

/**
 * "0.0250" → "2.50%": the API's exact 4-place rate as a percentage with two
 * decimals, by moving the decimal point (no float in between); "—" without deliveries.
 */
export function formatReturnRate(rate: string | null): string {
  if (rate === null) return '—';
  const [whole = '0', fraction = '0000'] = rate.split('.');
  const percent = `${whole}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  return `${percent}.${fraction.slice(2)}%`;
}

/** A rate on the chart's tooltip with the table's two decimals: 0.1469 → "14.69%". */
export function formatRateValue(rate: number): string {
  return `${formatFixed(rate * 100, 2)}%`;
}

/**
 * The return rate as a panel shows it: per product, reason or account the
 * delivered and returned units and the rate; flagged products carry a
 * "High returns" marker in the table, and in the chart a label starting
 * with ⚑ and a bar of their own series (legend "High returns").
 */
export function returnRatePanel(report: ReturnRateReport | undefined): PanelData {
  if (!report) return NO_PANEL_DATA;
  const charted = report.rows.filter((row) => row.returnRate !== null).slice(0, CHARTED);
  const rate = (row: (typeof charted)[number]) => Number(row.returnRate);
  return {
    columns: [
      { key: 'group', header: RETURN_RATE_HEADINGS[report.groupBy] },
      {
        key: 'delivered',
        header: report.groupBy === 'reason' ? 'Delivered units (all)' : 'Delivered units',
        numeric: true,
      },
      { key: 'returned', header: 'Returned units', numeric: true },
      { key: 'rate', header: 'Return rate', numeric: true },
    ],
    rows: report.rows.map((row) => ({
      key: row.key,
      cells: {
        group: row.label,
        delivered: formatCount(row.deliveredUnits),
        returned: formatCount(row.returnedUnits),
        rate: formatReturnRate(row.returnRate),
      },
      flag: row.flagged ? FLAGGED : undefined,
      link: report.groupBy === 'account' ? `/accounts/${row.key}` : undefined,
    })),
    labels: charted.map((row) => (row.flagged ? `⚑ ${row.label}` : row.label)),
    // Display only: the chart gets numbers; the table and the CSV show the exact rates.
    // With flags, two series: the legend names "High returns" beside its colour, even when every bar is one.
    series: charted.some((row) => row.flagged)
      ? [
          { name: 'Return rate', values: charted.map((row) => (row.flagged ? null : rate(row))) },
          { name: FLAGGED, values: charted.map((row) => (row.flagged ? rate(row) : null)) },
        ]
      : [{ name: 'Return rate', values: charted.map(rate) }],
  };
}

/** "Returned ÷ delivered units, 1 Nov 2026 to 30 Nov 2026 · 17 of 900 units returned (1.89%) · ⚑ 2 products with high returns (…)". */
export function returnRateSubtitle(
  period: { from: string; to: string },
  report: ReturnRateReport | undefined,
): string {
  const base = `Returned ÷ delivered units, ${displayDate(period.from)} to ${displayDate(period.to)}`;
  if (!report || (report.totals.deliveredUnits === 0 && report.totals.returnedUnits === 0)) return base;
  const { deliveredUnits, returnedUnits, returnRate } = report.totals;
  const flagged = report.rows.filter((row) => row.flagged).length;
  return (
    `${base} · ${formatCount(returnedUnits)} of ${formatCount(deliveredUnits)} units returned` +
    (returnRate === null ? '' : ` (${formatReturnRate(returnRate)})`) +
    (flagged > 0
      ? ` · ⚑ ${flagged} ${flagged === 1 ? 'product' : 'products'} with high returns (top tenth by rate, 5 or more returned)`
      : '')
  );
}
