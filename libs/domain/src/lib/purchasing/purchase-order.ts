/** As in the contracts (the domain depends on nothing). */
export type PurchaseStatus = 'draft' | 'sent' | 'partially_received' | 'received' | 'cancelled' | 'closed';

/** What a purchase line still expects: quantity − received − closed, never below 0. */
export function openUnits(line: { quantity: number; received: number; closed: number }): number {
  return Math.max(0, line.quantity - line.received - line.closed);
}

/**
 * The most a line may be received in all: its quantity plus the tolerance
 * share of it, rounded down (tolerance 0.05 on 30 units: 31).
 * `tolerance` is a decimal string ("0.050"), read exactly in thousandths.
 */
export function receivableLimit(quantity: number, tolerance: string): number {
  const [whole = '0', fraction = ''] = tolerance.trim().split('.');
  const thousandths = Number(whole) * 1000 + Number((fraction + '000').slice(0, 3));
  return quantity + Math.floor((quantity * thousandths) / 1000);
}

/**
 * The status a sent purchase order has once its lines are as given: while
 * anything is open, sent (partially received once anything arrived); when
 * nothing more comes, closed if a close short ended it, else received.
 */
export function statusAfterChange(
  lines: readonly { quantity: number; received: number; closed: number }[],
  by: 'receipt' | 'close',
): PurchaseStatus {
  const received = lines.reduce((sum, l) => sum + l.received, 0);
  const open = lines.reduce((sum, l) => sum + openUnits(l), 0);
  if (open > 0) return received > 0 ? 'partially_received' : 'sent';
  return by === 'close' ? 'closed' : 'received';
}

/** Statuses whose open units are inbound supply (and may be received, closed, rescheduled). */
export const OPEN_PURCHASE_STATUSES: readonly PurchaseStatus[] = ['sent', 'partially_received'];
