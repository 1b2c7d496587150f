import type { PurchaseOrderLine } from '@tradecounter/contracts';
import {
  addScan,
  countedUnits,
  overOpen,
  receiptRequest,
  setCount,
  type ReceivingNow,
} from './receiving-list';

function line(
  id: string,
  sku: string,
  open: number,
  more: Partial<PurchaseOrderLine> = {},
): PurchaseOrderLine {
  return {
    id,
    lineNo: 1,
    productId: `p-${sku}`,
    sku,
    name: sku,
    supplierSku: null,
    warehouseCode: 'MAIN',
    quantity: open,
    received: 0,
    closed: 0,
    open,
    allocated: 0,
    unitCost: '1.00',
    lineTotal: '1.00',
    expectedDate: '2026-12-10',
    ...more,
  };
}

const bolt = line('l1', 'BOLT-1', 10, { supplierSku: 'ACME-77' });
const nut = line('l2', 'NUT-2', 4);

describe('counting a receipt by scans', () => {
  it('adds scans of one line up, by SKU or supplier SKU, whatever the case and spaces', () => {
    let now: ReceivingNow = {};
    for (const [code, qty] of [
      ['BOLT-1', 1],
      [' bolt-1 ', 2],
      ['acme-77', 3],
    ] as const) {
      const outcome = addScan([bolt, nut], now, code, qty);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.line.id).toBe('l1');
      now = outcome.now;
    }
    expect(now).toEqual({ l1: 6 });
    expect(countedUnits(now)).toBe(6);
  });

  it('refuses an unknown code, a line with nothing open and a quantity that is not a whole number ≥ 1', () => {
    const done = line('l3', 'DONE-3', 0);
    expect(addScan([bolt, done], {}, 'WHAT-9', 1)).toEqual({
      ok: false,
      message: 'WHAT-9 is not on this purchase order.',
    });
    expect(addScan([bolt, done], {}, 'DONE-3', 1).ok).toBe(false);
    expect(addScan([bolt], {}, 'BOLT-1', 0).ok).toBe(false);
    expect(addScan([bolt], {}, 'BOLT-1', 1.5).ok).toBe(false);
    expect(addScan([bolt], {}, '   ', 1).ok).toBe(false);
  });

  it('fills the first line with room when one SKU is on lines for two warehouses', () => {
    const east = line('e', 'BOLT-1', 2, { warehouseCode: 'EAST' });
    const west = line('w', 'BOLT-1', 5, { warehouseCode: 'WEST' });
    let now: ReceivingNow = {};
    const lines = [east, west];
    for (let i = 0; i < 3; i++) {
      const outcome = addScan(lines, now, 'BOLT-1', 1);
      if (!outcome.ok) throw new Error(outcome.message);
      now = outcome.now;
    }
    expect(now).toEqual({ e: 2, w: 1 });
  });

  it('lets the count go over what is open (the API applies the tolerance) and says by how much', () => {
    const outcome = addScan([nut], { l2: 4 }, 'NUT-2', 2);
    expect(outcome.ok && outcome.now).toEqual({ l2: 6 });
    expect(overOpen(nut, { l2: 6 })).toBe(2);
    expect(overOpen(nut, { l2: 3 })).toBe(0);
  });

  it('sets a count as typed, removing it at 0, and posts only counted lines in line order', () => {
    let now = setCount({}, 'l2', 3);
    now = setCount(now, 'l1', 5);
    now = setCount(now, 'l2', 0);
    expect(now).toEqual({ l1: 5 });
    expect(receiptRequest([bolt, nut], setCount(now, 'l2', 1))).toEqual({
      lines: [
        { lineId: 'l1', quantity: 5 },
        { lineId: 'l2', quantity: 1 },
      ],
    });
  });
});
