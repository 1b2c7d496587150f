import { type AccountOwnership, type Actor, isCustomerActor } from '../access';

/**
 * A return's life, as domain.md "Returns and after-sales" states it:
 *
 *   (customer asks) ─request─▶ requested ──approve──▶ approved ──receive (all in)──▶ received ─▶ credited
 *   (staff opens)   ─open────────────────────────────▶ approved ──close─────────────▶ received ─▶ credited
 *                              requested ──reject───▶ rejected
 *
 * A receipt that leaves approved units still to come keeps it `approved`.
 * Once everything approved arrived (or staff close it), it is `received`,
 * and `credited` when a credit note was issued for it; a return whose lines
 * were all replaced (no credit note) stays `received`. `rejected` and
 * `credited` are final.
 */
export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'received', 'credited'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_ACTIONS = ['request', 'open', 'approve', 'reject', 'receive', 'close'] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

/** The statuses an action may start from (`request` and `open` create the return). */
const FROM: Record<ReturnAction, readonly (ReturnStatus | null)[]> = {
  request: [null],
  open: [null],
  approve: ['requested'],
  reject: ['requested'],
  receive: ['approved'],
  close: ['approved'],
};

/** Whether `action` applies to a return in `status` (null: no return yet). */
export function returnActionApplies(status: ReturnStatus | null, action: ReturnAction): boolean {
  return FROM[action].includes(status);
}

/** No action leaves these. */
export function isFinalReturnStatus(status: ReturnStatus): boolean {
  return status === 'rejected' || status === 'credited' || status === 'received';
}

/**
 * Who may take `action` for a return of `account` (returnActionApplies
 * decides whether the status allows it):
 * - request: the account's own customer users;
 * - open (staff opening one, it starts approved): its account manager, warehouse, admin;
 * - approve, reject: its account manager, admin;
 * - receive: warehouse, admin;
 * - close: warehouse, its account manager, admin.
 */
export function mayActOnReturn(actor: Actor, account: AccountOwnership, action: ReturnAction): boolean {
  const ownManager = actor.role === 'account_manager' && account.accountManagerId === actor.id;
  switch (action) {
    case 'request':
      return isCustomerActor(actor) && actor.accountId === account.id;
    case 'open':
      return ownManager || actor.role === 'warehouse' || actor.role === 'admin';
    case 'approve':
    case 'reject':
      return ownManager || actor.role === 'admin';
    case 'receive':
      return actor.role === 'warehouse' || actor.role === 'admin';
    case 'close':
      return ownManager || actor.role === 'warehouse' || actor.role === 'admin';
  }
}

/** The status a new return starts in: a customer's request waits for approval; staff open it approved. */
export function initialReturnStatus(openedBy: 'customer' | 'staff'): ReturnStatus {
  return openedBy === 'staff' ? 'approved' : 'requested';
}

export interface ReturnLineProgress {
  quantity: number;
  received: number;
}

/**
 * The status after a receipt (or a close) of an approved return: still
 * `approved` while approved units are to come and it was not closed; then
 * `credited` when it has a credit note, else `received`.
 */
export function statusAfterReceipt(
  lines: readonly ReturnLineProgress[],
  creditNotes: number,
  closed: boolean,
): ReturnStatus {
  const allIn = lines.every((line) => line.received >= line.quantity);
  if (!allIn && !closed) return 'approved';
  return creditNotes > 0 ? 'credited' : 'received';
}

/** Reading a return: its account's own users and the staff who may read that account. */
export function mayReadReturn(actor: Actor, account: AccountOwnership): boolean {
  if (isCustomerActor(actor)) return actor.accountId === account.id;
  if (actor.role === 'account_manager') return account.accountManagerId === actor.id;
  return true;
}
