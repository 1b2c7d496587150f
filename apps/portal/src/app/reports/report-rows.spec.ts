import type { Account, PriceTierSummary, SalesReport, SalesRow } from '@tradecounter/contracts';
import { accountSalesPanel, daysLabel, salesPanel } from './report-rows';

function row(key: string, netSales: string, savings = '0.00'): SalesRow {
  return { key, label: key, netSales, orders: 1, units: 2, savings };
}

function report(rows: SalesRow[], groupBy: SalesReport['groupBy'] = 'day'): SalesReport {
  return {
    from: '2025-01-01',
    to: '2025-01-04',
    groupBy,
    rows,
    total: { netSales: '0.00', orders: rows.length, units: 0, savings: '0.00' },
  };
}

describe('salesPanel', () => {
  it('charts quiet days as zero but tables only the days with sales', () => {
    const panel = salesPanel(report([row('2025-01-02', '10.50'), row('2025-01-04', '1.00')]), {
      heading: 'Day',
      timeline: { grouping: 'day', period: { from: '2025-01-01', to: '2025-01-04' } },
    });
    expect(panel.labels).toEqual(['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04']);
    // Whole cents to the chart.
    expect(panel.series).toEqual([{ name: 'Net sales', values: [0, 1050, 0, 100] }]);
    expect(panel.rows.map((r) => r.cells['netSales'])).toEqual(['$10.50', '$1.00']);
  });

  it('charts the top rows only, tables every row, with savings as a second series', () => {
    const panel = salesPanel(
      report([row('a', '30.00', '3.00'), row('b', '20.00', '2.00'), row('c', '10.00', '1.00')], 'product'),
      { heading: 'Product', top: 2, withSavings: true },
    );
    expect(panel.labels).toEqual(['a', 'b']);
    expect(panel.series.map((s) => s.values)).toEqual([
      [3000, 2000],
      [300, 200],
    ]);
    expect(panel.columns.map((c) => c.key)).toEqual(['label', 'netSales', 'orders', 'units', 'savings']);
    expect(panel.rows.map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });
});

describe('accountSalesPanel', () => {
  it("shows each account's tier, and list price for an account without one", () => {
    const accounts = [
      { id: 'a1', priceTierId: 't1' },
      { id: 'a2', priceTierId: null },
    ] as Account[];
    const tiers = [{ id: 't1', name: 'Gold', discountPercent: '7.5' }] as PriceTierSummary[];
    const panel = accountSalesPanel(
      report([row('a1', '5.00'), row('a2', '4.00')], 'account'),
      accounts,
      tiers,
    );
    expect(panel.rows.map((r) => [r.cells['tier'], r.link])).toEqual([
      ['Gold (7.5%)', '/accounts/a1'],
      ['List price', '/accounts/a2'],
    ]);
    expect(panel.columns.map((c) => c.key)).toEqual(['label', 'tier', 'netSales', 'orders', 'units']);
  });
});

describe('daysLabel', () => {
  it('marks the open ends and signs the days', () => {
    expect([-5, -1, 0, 2, 10].map((days, index) => daysLabel(days, index, 5))).toEqual([
      '≤ −5',
      '−1',
      '0',
      '+2',
      '≥ +10',
    ]);
  });
});
