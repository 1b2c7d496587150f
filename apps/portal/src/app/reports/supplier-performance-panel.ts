import type { ReportFilter, SupplierPerformanceReport } from '@tradecounter/contracts';
import { displayDate } from '../shared/date-format';
import { formatCount, formatShare } from './report-format';
import { NO_PANEL_DATA, type PanelData } from './report-rows';

/** The report's query: only the period applies (suppliers have no account or channel). */
export function supplierPerformanceQuery(filter: ReportFilter): { from?: string; to?: string } {
  return { from: filter.from, to: filter.to };
}

/** How many suppliers the chart shows (the table shows them all). */
const CHARTED = 10;

/**
 * Supplier performance as a panel shows it: per supplier, the purchase lines
 * due in the period, the share received in full by their expected date,
 * average days late and lines still overdue. The chart compares the shares,
 * suppliers with the most lines first; suppliers with nothing due are left out.
 */
export function supplierPerformancePanel(report: SupplierPerformanceReport | undefined): PanelData {
  if (!report) return NO_PANEL_DATA;
  // A supplier with nothing due in the period has nothing to say: without any, the panel is empty.
  const rows = report.rows
    .filter((row) => row.lines > 0 || row.overdueLines > 0)
    .sort((a, b) => b.lines - a.lines || a.supplierName.localeCompare(b.supplierName));
  const charted = rows.filter((row) => row.inFullOnTimeShare !== null).slice(0, CHARTED);
  return {
    columns: [
      { key: 'supplier', header: 'Supplier' },
      { key: 'lines', header: 'Lines due', numeric: true },
      { key: 'inFullOnTime', header: 'In full on time', numeric: true },
      { key: 'share', header: 'Share', numeric: true },
      { key: 'averageDaysLate', header: 'Average days late', numeric: true },
      { key: 'overdueLines', header: 'Overdue lines', numeric: true },
    ],
    rows: rows.map((row) => ({
      key: row.supplierCode,
      cells: {
        supplier: row.supplierName,
        lines: formatCount(row.lines),
        inFullOnTime: formatCount(row.inFullOnTime),
        share: formatShare(row.inFullOnTimeShare),
        averageDaysLate: row.averageDaysLate === null ? '—' : row.averageDaysLate.toFixed(1),
        overdueLines: formatCount(row.overdueLines),
      },
    })),
    labels: charted.map((row) => row.supplierName),
    series: [{ name: 'In full on time', values: charted.map((row) => row.inFullOnTimeShare ?? 0) }],
  };
}

/** "Purchase lines due 1 Dec 2026 to 31 Dec 2026 · 12 lines, 75.0% in full on time". */
export function supplierPerformanceSubtitle(
  period: { from: string; to: string },
  report: SupplierPerformanceReport | undefined,
): string {
  const due = `Purchase lines due ${displayDate(period.from)} to ${displayDate(period.to)}`;
  const lines = report?.rows.reduce((sum, row) => sum + row.lines, 0) ?? 0;
  if (!report || lines === 0) return due;
  const inFull = report.rows.reduce((sum, row) => sum + row.inFullOnTime, 0);
  return `${due} · ${formatCount(lines)} ${lines === 1 ? 'line' : 'lines'}, ${formatShare(inFull / lines)} in full on time`;
}
