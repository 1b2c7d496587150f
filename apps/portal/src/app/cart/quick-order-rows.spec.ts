import type { QuickOrderResult } from '@tradecounter/contracts';
import { parseQuickOrder } from '@tradecounter/domain';
import { reportCsv, reportPasted } from './quick-order-rows';

function result(rows: QuickOrderResult['rows']): QuickOrderResult {
  const added = rows.filter((r) => r.status === 'added').length;
  return { cart: {} as QuickOrderResult['cart'], rows, added, failed: rows.length - added };
}

describe('quick order report', () => {
  it('keeps exactly the failed pasted rows in the box, as typed', () => {
    const text = 'GLV-1 10\nnope\nTAPE-48 5\nBAD-SKU 2';
    const parsed = parseQuickOrder(text);
    const report = reportPasted(
      text,
      parsed,
      result([
        {
          row: 1,
          rows: [1],
          sku: 'GLV-1',
          quantity: 10,
          status: 'added',
          reason: null,
          productId: 'a',
          suggestedQuantity: null,
        },
        {
          row: 2,
          rows: [2],
          sku: 'TAPE-48',
          quantity: 5,
          status: 'error',
          reason: 'must be a multiple of 6',
          productId: 'b',
          suggestedQuantity: 6,
        },
        {
          row: 3,
          rows: [3],
          sku: 'BAD-SKU',
          quantity: 2,
          status: 'error',
          reason: 'unknown SKU',
          productId: null,
          suggestedQuantity: null,
        },
      ]),
    );
    expect(report.added).toBe(1);
    expect(report.failed).toBe(3);
    expect(report.leftOver).toBe('nope\nTAPE-48 5\nBAD-SKU 2');
    expect(report.outcomes.map((o) => o.rows[0])).toEqual([1, 2, 3, 4]);
    expect(report.outcomes[2].reason).toBe('must be a multiple of 6 — try 6');
  });

  it('puts failed CSV rows back by their file line numbers', () => {
    const csv = 'sku,quantity\nA,1\nB,x\n';
    const report = reportCsv(
      csv,
      result([
        {
          row: 2,
          rows: [2],
          sku: 'A',
          quantity: 1,
          status: 'added',
          reason: null,
          productId: 'a',
          suggestedQuantity: null,
        },
        {
          row: 3,
          rows: [3],
          sku: 'B',
          quantity: null,
          status: 'error',
          reason: 'not a number',
          productId: null,
          suggestedQuantity: null,
        },
      ]),
    );
    expect(report.leftOver).toBe('B,x');
  });
});
