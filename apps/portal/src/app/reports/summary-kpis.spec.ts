import type { SummaryFigures, SummaryReport } from '@tradecounter/contracts';
import { summaryKpis } from './summary-kpis';

function figures(overrides: Partial<SummaryFigures> = {}): SummaryFigures {
  return {
    netSales: '12500.00',
    orders: 50,
    units: 400,
    averageOrderValue: '250.00',
    cycleTime: { medianHours: 30, p90Hours: 72, orders: 40 },
    onTimeDelivery: 0.92,
    onTimeDeliveryCurrent: 0.97,
    inFull: 0.88,
    otif: 0.81,
    otifCurrent: 0.9,
    lineFillRate: 0.95,
    deliveryRating: 4.25,
    backlog: '3000.00',
    counts: { lines: 120, deliveredLines: 100, shippedOrders: 40, deliveredOrders: 35, ratings: 8 },
    ...overrides,
  };
}

function report(
  current: Partial<SummaryFigures>,
  previous: Partial<SummaryFigures>,
  deliveryFiguresApply = true,
): SummaryReport {
  return {
    asOf: '2026-12-06T14:02:31.000Z',
    ...figures(current),
    from: '2025-05-01',
    to: '2025-05-30',
    deliveryFiguresApply,
    previous: { ...figures(previous), from: '2025-04-01', to: '2025-04-30' },
  };
}

describe('summaryKpis', () => {
  it('shows each figure with its change against the period before', () => {
    const kpis = summaryKpis(
      report(
        { netSales: '12500.00', cycleTime: { medianHours: 30, p90Hours: 72, orders: 40 }, otif: 0.81 },
        // 10,000 → 12,500: +25%; 40 h → 30 h: −25%, good; 85% → 81%: −4 points, bad.
        { netSales: '10000.00', cycleTime: { medianHours: 40, p90Hours: 72, orders: 30 }, otif: 0.85 },
      ),
    );
    const byKey = new Map(kpis.map((kpi) => [kpi.key, kpi]));
    expect(byKey.get('netSales')).toMatchObject({
      value: '$12,500.00',
      previous: '$10,000.00',
      trend: { direction: 'up', tone: 'good', change: '+25.0%' },
    });
    expect(byKey.get('cycleTimeMedian')).toMatchObject({
      value: '30.0 h',
      trend: { direction: 'down', tone: 'good', change: '−25.0%' },
    });
    expect(byKey.get('cycleTimeP90')).toMatchObject({ value: '3.0 d', trend: { direction: 'flat' } });
    expect(byKey.get('otif')).toMatchObject({
      value: '81.0%',
      note: 'Against current promise: 90.0%',
      trend: { direction: 'down', tone: 'bad', change: '−4.0 pts' },
    });
    expect(byKey.get('deliveryRating')?.value).toBe('4.25 / 5');
  });

  it('gives backlog no trend: it is measured today whatever the period', () => {
    const backlog = summaryKpis(report({ backlog: '5000.00' }, { backlog: '1000.00' })).find(
      (k) => k.key === 'backlog',
    );
    expect(backlog?.trend.direction).toBe('none');
  });

  it('leaves out the delivery figures when they do not apply (category filter)', () => {
    const keys = summaryKpis(report({ orders: null, averageOrderValue: null }, {}, false)).map((k) => k.key);
    expect(keys).toEqual(['netSales', 'orders', 'averageOrderValue']);
  });

  it('shows a dash and no trend for figures without data', () => {
    const kpis = summaryKpis(report({ onTimeDelivery: null, averageOrderValue: null }, {}));
    expect(kpis.find((k) => k.key === 'onTimeDelivery')).toMatchObject({
      value: '—',
      trend: { direction: 'none' },
    });
    expect(kpis.find((k) => k.key === 'averageOrderValue')).toMatchObject({
      value: '—',
      trend: { direction: 'none' },
    });
  });
});
