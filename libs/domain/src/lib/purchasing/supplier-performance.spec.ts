import { completedOn, supplierPerformance, type PurchaseLineFacts } from './supplier-performance';

const period = { from: '2027-03-01', to: '2027-03-31' };
const today = '2027-04-05';
const noHolidays = new Set<string>();

function line(over: Partial<PurchaseLineFacts>): PurchaseLineFacts {
  return { supplierCode: 'ACME', expectedDate: '2027-03-10', quantity: 10, open: 0, receipts: [], ...over };
}

describe('supplier performance', () => {
  it('completes a line on the receipt that brings it to its quantity, in date order', () => {
    // 4 on 03-12, then 6 on 03-09 (entered later): 6 by 03-09, 10 by 03-12.
    expect(
      completedOn({
        quantity: 10,
        receipts: [
          { on: '2027-03-12', qty: 4 },
          { on: '2027-03-09', qty: 6 },
        ],
      }),
    ).toBe('2027-03-12');
    expect(completedOn({ quantity: 10, receipts: [{ on: '2027-03-09', qty: 9 }] })).toBeNull();
  });

  it('counts in full on time, business days late and overdue lines per supplier', () => {
    const lines = [
      // On time: all 10 by Wed 03-10.
      line({ receipts: [{ on: '2027-03-10', qty: 10 }] }),
      // Late: due Fri 03-12, completed Tue 03-16 = 2 business days late (Mon 15, Tue 16).
      line({
        expectedDate: '2027-03-12',
        receipts: [
          { on: '2027-03-11', qty: 5 },
          { on: '2027-03-16', qty: 5 },
        ],
      }),
      // Part received and still open past its date: overdue, not completed, not in the average.
      line({ expectedDate: '2027-03-20', open: 3, receipts: [{ on: '2027-03-19', qty: 7 }] }),
      // Due outside the period: not counted.
      line({ expectedDate: '2027-04-02', open: 10 }),
      // Another supplier: nothing received, due 03-31, before today: overdue.
      line({ supplierCode: 'BOLT', expectedDate: '2027-03-31', open: 10 }),
    ];
    expect(supplierPerformance(lines, period, today, noHolidays)).toEqual([
      {
        supplierCode: 'ACME',
        lines: 3,
        inFullOnTime: 1,
        inFullOnTimeShare: 1 / 3,
        averageDaysLate: 1, // (0 + 2) ÷ 2 completed lines
        overdueLines: 1,
      },
      {
        supplierCode: 'BOLT',
        lines: 1,
        inFullOnTime: 0,
        inFullOnTimeShare: 0,
        averageDaysLate: null, // no completed line
        overdueLines: 1,
      },
    ]);
  });

  it('skips holidays when counting days late', () => {
    // Due Fri 03-12, completed Tue 03-16, Mon 03-15 a holiday: 1 business day late.
    const late = line({ expectedDate: '2027-03-12', receipts: [{ on: '2027-03-16', qty: 10 }] });
    expect(supplierPerformance([late], period, today, new Set(['2027-03-15']))[0]?.averageDaysLate).toBe(1);
  });

  it('does not call a line overdue before its date has passed', () => {
    const open = line({ expectedDate: '2027-03-31', open: 10 });
    expect(supplierPerformance([open], period, '2027-03-31', noHolidays)[0]?.overdueLines).toBe(0);
  });
});
