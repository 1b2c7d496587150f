import type { DeliveryReport, SummaryFigures, SummaryReport } from '@tradecounter/contracts';
import { deliveryCsv, summaryCsv } from './report-csv';

const figures: SummaryFigures = {
  netSales: '5308.90',
  orders: 3,
  units: 12,
  averageOrderValue: '1769.63',
  cycleTime: { medianHours: 30, p90Hours: 166.89999999999998, orders: 3 },
  onTimeDelivery: 0.8991467950120324,
  onTimeDeliveryCurrent: 1,
  inFull: 2 / 3,
  otif: 0,
  otifCurrent: null,
  lineFillRate: 0.75,
  deliveryRating: 4.25,
  backlog: '120.00',
  counts: { lines: 4, deliveredLines: 3, shippedOrders: 3, deliveredOrders: 3, ratings: 4 },
};

describe('report CSV', () => {
  it('writes the summary with readable headings and exact decimals, never a float’s noise', () => {
    const report: SummaryReport = {
      ...figures,
      asOf: '2026-12-06T14:02:31.000Z',
      from: '2026-12-01',
      to: '2026-12-06',
      deliveryFiguresApply: true,
      previous: { ...figures, from: '2026-11-25', to: '2026-11-30', netSales: '0.00', orders: 0 },
    };
    expect(summaryCsv(report, 'USD').split('\r\n')).toEqual([
      'Figure,1 Dec 2026 to 6 Dec 2026,25 Nov 2026 to 30 Nov 2026',
      'Net sales (USD),5308.90,0.00',
      'Orders,3,0',
      'Units,12,12',
      'Average order value (USD),1769.63,1769.63',
      'Cycle time median (hours),30.0,30.0',
      'Cycle time 90th percentile (hours),166.9,166.9',
      'On time to first promise (%),89.9,89.9',
      'On time to current promise (%),100.0,100.0',
      'In full (%),66.7,66.7',
      'OTIF to first promise (%),0.0,0.0',
      'OTIF to current promise (%),,',
      'Line fill rate (%),75.0,75.0',
      'Delivery rating (1 to 5),4.25,4.25',
      'Backlog today (USD),120.00,120.00',
      '',
    ]);
  });

  it('writes delivery rows as the screen shows them', () => {
    const report: DeliveryReport = {
      asOf: '2026-12-06T14:02:31.000Z',
      from: '2026-11-30',
      to: '2026-12-06',
      groupBy: 'week',
      rows: [
        {
          key: '2026-11-30',
          label: 'Week of 30 Nov 2026',
          deliveredLines: 1999,
          onTimeDelivery: 1797 / 1999,
          onTimeDeliveryCurrent: 1,
          deliveredOrders: 3,
          otif: 1 / 3,
          otifCurrent: null,
          shippedOrders: 3,
          inFull: 1,
        },
      ],
    };
    expect(deliveryCsv(report)).toBe(
      [
        'Week,On time to first promise (%),On time to current promise (%),OTIF to first promise (%),OTIF to current promise (%),In full (%),Delivered lines,Delivered orders,Shipped orders,Key',
        'Week of 30 Nov 2026,89.9,100.0,33.3,,100.0,1999,3,3,2026-11-30',
        '',
      ].join('\r\n'),
    );
  });
});
