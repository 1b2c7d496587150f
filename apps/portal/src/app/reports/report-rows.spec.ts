import type { Account, PriceTierSummary, SalesReport, SalesRow } from '@tradecounter/contracts';
import type { DeliveryReport } from '@tradecounter/contracts';
import { accountSalesPanel, daysLabel, deliveryPanel, salesPanel, shareAxisMin } from './report-rows';

function row(key: string, netSales: string, savings = '0.00'): SalesRow {
  return { key, label: key, netSales, orders: 1, units: 2, savings };
}

function report(rows: SalesRow[], groupBy: SalesReport['groupBy'] = 'day'): SalesReport {
  return {
    asOf: '2026-12-06T14:02:31.000Z',
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
    expect(panel.labels).toEqual(['1 Jan 2025', '2 Jan 2025', '3 Jan 2025', '4 Jan 2025']);
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

describe('a customer’s spend by month', () => {
  it('says Spend and marks the months not over yet or cut by the period as partial', () => {
    const panel = salesPanel(
      report([row('2026-10', '30.00'), row('2026-11', '20.00'), row('2026-12', '10.00')], 'month'),
      {
        heading: 'Month',
        seriesName: 'Spend',
        timeline: {
          grouping: 'month',
          period: { from: '2026-10-15', to: '2026-12-06' },
          today: '2026-12-06',
        },
      },
    );
    expect(panel.columns[1]).toEqual({ key: 'netSales', header: 'Spend', numeric: true });
    expect(panel.series[0]?.name).toBe('Spend');
    expect(panel.labels).toEqual(['Oct 2026', 'Nov 2026', 'Dec 2026']);
    expect(panel.partial).toEqual([true, false, true]);
    expect(panel.rows.map((r) => r.cells['label'])).toEqual([
      '2026-10 (partial)',
      '2026-11',
      '2026-12 (partial)',
    ]);
  });
});

describe('the on-time / OTIF chart', () => {
  const delivery = (shares: number[]): DeliveryReport => ({
    asOf: '2026-12-06T14:02:31.000Z',
    from: '2026-11-02',
    to: '2026-11-29',
    groupBy: 'week',
    rows: shares.map((share, index) => ({
      key: `2026-11-${String(2 + index * 7).padStart(2, '0')}`,
      label: `Week ${index}`,
      deliveredLines: 10,
      onTimeDelivery: share,
      onTimeDeliveryCurrent: Math.min(1, share + 0.03),
      deliveredOrders: 5,
      otif: share - 0.02,
      otifCurrent: null,
      shippedOrders: 5,
      inFull: 1,
    })),
  });

  it('starts its axis a little below the lowest share, so four lines near the top do not overlap', () => {
    const panel = deliveryPanel(delivery([0.91, 0.95, 0.97, 0.93]), 'Week');
    expect(panel.min).toBe(0.8); // 0.89 − 0.05 = 0.84, down to the 5 % step
    expect(panel.series.map((s) => s.dashed ?? false)).toEqual([false, true, false, true]);
  });

  it('starts at zero when the shares go low anyway, or there are none', () => {
    expect(shareAxisMin([{ name: 'x', values: [0.15, 0.9] }])).toBe(0);
    expect(shareAxisMin([{ name: 'x', values: [null] }])).toBe(0);
    expect(shareAxisMin([{ name: 'x', values: [1, 1] }])).toBe(0.9);
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
