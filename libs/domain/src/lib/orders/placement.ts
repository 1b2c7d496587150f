import type { Cents } from '../money';

export interface PlacementCheck {
  /** The order's subtotal. */
  total: Cents;
  /** The placing buyer's order limit; null means no limit (and staff have none). */
  orderLimit: Cents | null;
  /** Whether the placing user may approve orders of this account (an approver's own order needs no approval). */
  placedByApprover: boolean;
  /** The account's open exposure before this order: orders neither cancelled, rejected nor paid. */
  exposure: Cents;
  creditLimit: Cents;
}

export type PlacementDecision =
  | { status: 'pending_approval'; reason: string }
  | { status: 'on_hold'; reason: string }
  | { status: 'confirmed' };

/**
 * Where a new order starts (domain.md): above the buyer's order limit it
 * waits for an approver; otherwise, if exposure plus the order passes the
 * credit limit, it waits on credit hold; otherwise it is confirmed.
 */
export function placementDecision(check: PlacementCheck): PlacementDecision {
  if (!check.placedByApprover && check.orderLimit !== null && check.total > check.orderLimit) {
    return { status: 'pending_approval', reason: 'The order is above the buyer’s order limit' };
  }
  return creditDecision(check);
}

/** After approval (or at placement), the credit check alone. */
export function creditDecision(
  check: Pick<PlacementCheck, 'total' | 'exposure' | 'creditLimit'>,
): PlacementDecision {
  if (check.exposure + check.total > check.creditLimit) {
    return { status: 'on_hold', reason: 'The order would take the account over its credit limit' };
  }
  return { status: 'confirmed' };
}

/** What the account can still order on credit (never below zero). */
export function availableCredit(creditLimit: Cents, exposure: Cents): Cents {
  return creditLimit > exposure ? creditLimit - exposure : 0n;
}
