import type { PurchaseOrder, PurchaseOrderLine } from '@tradecounter/contracts';

export type PurchaseOrderAction = 'edit' | 'send' | 'receive' | 'reschedule' | 'close' | 'cancel';

/**
 * What may be done to a purchase order now, by someone who may write
 * (warehouse, admin; a manager reads only). Mirrors the API's rules so that
 * no button leads to a 409: drafts are edited, sent or cancelled; a sent
 * order with nothing received may still be cancelled; open units are
 * received, rescheduled or closed short.
 */
export function purchaseOrderActions(order: PurchaseOrder, canWrite: boolean): PurchaseOrderAction[] {
  if (!canWrite) return [];
  const received = order.lines.some((line) => line.received > 0);
  const open = openLines(order).length > 0;
  switch (order.status) {
    case 'draft':
      return order.lines.length ? ['edit', 'send', 'cancel'] : ['edit', 'cancel'];
    case 'sent':
    case 'partially_received':
      return [
        ...(open ? (['receive', 'reschedule', 'close'] as const) : []),
        ...(received ? [] : (['cancel'] as const)),
      ];
    default:
      return [];
  }
}

/** Lines with units still expected. */
export function openLines(order: PurchaseOrder): PurchaseOrderLine[] {
  return order.lines.filter((line) => line.open > 0);
}

/** Units ordered, received, closed and open over the whole order. */
export function purchaseOrderTotals(order: PurchaseOrder): {
  quantity: number;
  received: number;
  closed: number;
  open: number;
} {
  return order.lines.reduce(
    (sum, line) => ({
      quantity: sum.quantity + line.quantity,
      received: sum.received + line.received,
      closed: sum.closed + line.closed,
      open: sum.open + line.open,
    }),
    { quantity: 0, received: 0, closed: 0, open: 0 },
  );
}
