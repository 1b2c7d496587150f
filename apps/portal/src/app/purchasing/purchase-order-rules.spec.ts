import type { PurchaseOrder, PurchaseOrderLine, PurchaseOrderStatus } from '@tradecounter/contracts';
import { openLines, purchaseOrderActions, purchaseOrderTotals } from './purchase-order-rules';

function line(id: string, quantity: number, received: number, closed = 0): PurchaseOrderLine {
  return {
    id,
    lineNo: 1,
    productId: `p-${id}`,
    sku: id.toUpperCase(),
    name: id,
    supplierSku: null,
    warehouseCode: 'MAIN',
    quantity,
    received,
    closed,
    open: Math.max(0, quantity - received - closed),
    allocated: 0,
    unitCost: '1.00',
    lineTotal: `${quantity}.00`,
    expectedDate: '2026-12-10',
  };
}

function order(status: PurchaseOrderStatus, lines: PurchaseOrderLine[]): PurchaseOrder {
  return {
    id: 'po',
    number: 'PO-000001',
    supplierCode: 'ACME',
    supplierName: 'Acme',
    supplierEmail: 'a@acme.test',
    status,
    notes: null,
    createdAt: '2026-12-01T10:00:00Z',
    sentAt: null,
    expectedDate: null,
    total: '0.00',
    lines,
    events: [],
    version: 1,
  };
}

describe('what may be done to a purchase order', () => {
  it('edits, sends or cancels a draft; one without lines cannot be sent', () => {
    expect(purchaseOrderActions(order('draft', [line('a', 5, 0)]), true)).toEqual(['edit', 'send', 'cancel']);
    expect(purchaseOrderActions(order('draft', []), true)).toEqual(['edit', 'cancel']);
  });

  it('receives, reschedules or closes a sent order; cancels it only while nothing came', () => {
    expect(purchaseOrderActions(order('sent', [line('a', 5, 0)]), true)).toEqual([
      'receive',
      'reschedule',
      'close',
      'cancel',
    ]);
    expect(purchaseOrderActions(order('partially_received', [line('a', 5, 2)]), true)).toEqual([
      'receive',
      'reschedule',
      'close',
    ]);
  });

  it('offers nothing on a finished order, nor to a reader (a manager)', () => {
    for (const status of ['received', 'cancelled', 'closed'] as const) {
      expect(purchaseOrderActions(order(status, [line('a', 5, 5)]), true)).toEqual([]);
    }
    expect(purchaseOrderActions(order('draft', [line('a', 5, 0)]), false)).toEqual([]);
    expect(purchaseOrderActions(order('sent', [line('a', 5, 0)]), false)).toEqual([]);
  });

  it('adds up units and lists the lines still open', () => {
    const o = order('partially_received', [line('a', 10, 4), line('b', 3, 3), line('c', 6, 1, 5)]);
    expect(purchaseOrderTotals(o)).toEqual({ quantity: 19, received: 8, closed: 5, open: 6 });
    expect(openLines(o).map((l) => l.id)).toEqual(['a']);
  });
});
