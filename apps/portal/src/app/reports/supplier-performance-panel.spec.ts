import type { SupplierPerformanceReport, SupplierPerformanceRow } from '@tradecounter/contracts';
import { supplierPerformancePanel, supplierPerformanceSubtitle } from './supplier-performance-panel';

function row(code: string, lines: number, inFullOnTime: number, more: Partial<SupplierPerformanceRow> = {}) {
  return {
    supplierCode: code,
    supplierName: `Supplier ${code}`,
    lines,
    inFullOnTime,
    inFullOnTimeShare: lines ? inFullOnTime / lines : null,
    averageDaysLate: lines ? 1.25 : null,
    overdueLines: 0,
    ...more,
  };
}

const report = (rows: SupplierPerformanceRow[]): SupplierPerformanceReport => ({
  asOf: '2026-12-06T14:02:31.000Z',
  from: '2026-11-01',
  to: '2026-11-30',
  rows,
});

describe('supplierPerformancePanel', () => {
  it('tables the suppliers with lines due or overdue, most lines first, and charts the in-full-on-time share of those with lines', () => {
    const panel = supplierPerformancePanel(
      report([row('B', 2, 1), row('A', 8, 6), row('C', 0, 0, { overdueLines: 1 }), row('D', 0, 0)]),
    );
    expect(panel.rows.map((r) => r.key)).toEqual(['A', 'B', 'C']);
    expect(panel.rows[0].cells).toEqual({
      supplier: 'Supplier A',
      lines: '8',
      inFullOnTime: '6',
      share: expect.stringContaining('75'),
      averageDaysLate: '1.3',
      overdueLines: '0',
    });
    expect(panel.rows[2].cells['share']).toBe('—');
    expect(panel.rows[2].cells['averageDaysLate']).toBe('—');
    expect(panel.labels).toEqual(['Supplier A', 'Supplier B']);
    expect(panel.series).toEqual([{ name: 'In full on time', values: [0.75, 0.5] }]);
  });

  it('is empty without a report, or when no supplier had anything due', () => {
    expect(supplierPerformancePanel(undefined).rows).toEqual([]);
    expect(supplierPerformancePanel(report([])).labels).toEqual([]);
    expect(supplierPerformancePanel(report([row('D', 0, 0)])).rows).toEqual([]);
  });

  it('says the period and the overall share in the subtitle', () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    expect(supplierPerformanceSubtitle(period, report([]))).toMatch(/^Purchase lines due .+ to .+$/);
    expect(supplierPerformanceSubtitle(period, report([row('A', 3, 3), row('B', 1, 0)]))).toMatch(
      /· 4 lines, 75(\.0)?\s?% in full on time$/,
    );
  });
});
