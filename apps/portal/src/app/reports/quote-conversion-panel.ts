import type {
  QuoteConversionGroupBy,
  QuoteConversionQuery,
  QuoteConversionReport,
  ReportFilter,
} from '@tradecounter/contracts';
import { formatMoneyDisplay } from '../shared/money-format';
import { displayDate } from '../shared/date-format';
import { formatCount, formatShare } from './report-format';
import { NO_PANEL_DATA, type PanelData } from './report-rows';

/** A page's report filter as the quote-conversion report takes it: quotes have no channel or category. */
export function quoteConversionQuery(
  filter: ReportFilter,
  groupBy: QuoteConversionGroupBy,
): QuoteConversionQuery {
  const { from, to, accountId, accountManagerId } = filter;
  return { from, to, accountId, accountManagerId, groupBy };
}

/** How many groups the chart shows (the table shows them all). */
const CHARTED = 10;

/**
 * Quote conversion as a panel shows it: per account manager or account, the
 * quotes first quoted in the period by outcome, the conversion share and
 * the values; the chart compares quoted with accepted, most quoted first.
 */
export function quoteConversionPanel(report: QuoteConversionReport | undefined): PanelData {
  if (!report) return NO_PANEL_DATA;
  const rows = [...report.rows].sort((a, b) => b.quoted - a.quoted || a.label.localeCompare(b.label));
  const charted = rows.slice(0, CHARTED);
  return {
    columns: [
      { key: 'label', header: report.groupBy === 'account' ? 'Account' : 'Account manager' },
      { key: 'quoted', header: 'Quoted', numeric: true },
      { key: 'accepted', header: 'Accepted', numeric: true },
      { key: 'declined', header: 'Declined', numeric: true },
      { key: 'expired', header: 'Expired', numeric: true },
      { key: 'withdrawn', header: 'Withdrawn', numeric: true },
      { key: 'open', header: 'Open', numeric: true },
      { key: 'conversion', header: 'Conversion', numeric: true },
      { key: 'quotedValue', header: 'Quoted value', numeric: true },
      { key: 'acceptedValue', header: 'Accepted value', numeric: true },
    ],
    rows: rows.map((row) => ({
      key: row.key,
      link: report.groupBy === 'account' ? `/accounts/${row.key}` : undefined,
      cells: {
        label: row.label,
        quoted: formatCount(row.quoted),
        accepted: formatCount(row.accepted),
        declined: formatCount(row.declined),
        expired: formatCount(row.expired),
        withdrawn: formatCount(row.withdrawn),
        open: formatCount(row.open),
        conversion: formatShare(row.conversion),
        quotedValue: formatMoneyDisplay(row.quotedValue),
        acceptedValue: formatMoneyDisplay(row.acceptedValue),
      },
    })),
    labels: charted.map((row) => row.label),
    series: [
      { name: 'Quoted', values: charted.map((row) => row.quoted) },
      { name: 'Accepted', values: charted.map((row) => row.accepted) },
    ],
  };
}

/** "Quoted 1 Oct 2026 to 31 Oct 2026 · 6 quotes, 33.3% accepted (by count)". */
export function quoteConversionSubtitle(
  period: { from: string; to: string },
  report: QuoteConversionReport | undefined,
): string {
  const quoted = `First quoted ${displayDate(period.from)} to ${displayDate(period.to)}`;
  if (!report || report.total.quoted === 0) return quoted;
  const quotes = `${formatCount(report.total.quoted)} ${report.total.quoted === 1 ? 'quote' : 'quotes'}`;
  return `${quoted} · ${quotes}, ${formatShare(report.total.conversion)} accepted`;
}
