/**
 * The order lifecycle (domain.md, "Orders"). An order moves forward through
 * these states, skipping those that do not apply; `cancelled` and `rejected`
 * end it, as does `delivered`.
 */
export const ORDER_STATUSES = [
  'pending_approval',
  'on_hold',
  'confirmed',
  'picking',
  'packed',
  'partially_shipped',
  'shipped',
  'delivered',
  'cancelled',
  'rejected',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction =
  | 'approve'
  | 'reject'
  | 'release_hold'
  | 'start_picking'
  | 'pack'
  | 'ship_part'
  | 'ship_rest'
  | 'deliver'
  | 'cancel';

/** Which action moves an order from which state to which. */
const TRANSITIONS: Record<OrderAction, Partial<Record<OrderStatus, OrderStatus>>> = {
  approve: { pending_approval: 'confirmed' }, // or on_hold: see afterApproval
  reject: { pending_approval: 'rejected' },
  release_hold: { on_hold: 'confirmed' },
  start_picking: { confirmed: 'picking' },
  pack: { picking: 'packed' },
  ship_part: {
    confirmed: 'partially_shipped',
    picking: 'partially_shipped',
    packed: 'partially_shipped',
    partially_shipped: 'partially_shipped',
  },
  ship_rest: { confirmed: 'shipped', picking: 'shipped', packed: 'shipped', partially_shipped: 'shipped' },
  deliver: { shipped: 'delivered' },
  cancel: {
    pending_approval: 'cancelled',
    on_hold: 'cancelled',
    confirmed: 'cancelled',
    picking: 'cancelled',
    packed: 'cancelled',
  },
};

/** The state `action` leads to from `from`, or null when it does not apply there. */
export function nextStatus(from: OrderStatus, action: OrderAction): OrderStatus | null {
  return TRANSITIONS[action][from] ?? null;
}

/** States from which a customer may still cancel: until picking starts. */
const CUSTOMER_CANCELLABLE: readonly OrderStatus[] = ['pending_approval', 'on_hold', 'confirmed'];

/**
 * Whether this party may cancel an order in `status`. Customers may until
 * picking starts; staff until something has shipped (what shipped cannot be
 * unshipped; the rest of a partly shipped order is closed by shipping it or
 * by a return, not by cancelling).
 */
export function mayCancel(status: OrderStatus, party: 'customer' | 'staff'): boolean {
  if (party === 'customer') return CUSTOMER_CANCELLABLE.includes(status);
  return nextStatus(status, 'cancel') !== null;
}

/** Whether an order in this status counts toward the account's credit exposure (before payment). */
export function countsTowardExposure(status: OrderStatus): boolean {
  return status !== 'cancelled' && status !== 'rejected';
}
