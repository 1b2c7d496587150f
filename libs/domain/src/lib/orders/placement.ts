import type { Cents } from '../money';
import type { OrderStatus } from './order-status';

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

export type StartStatus = Extract<OrderStatus, 'pending_approval' | 'on_hold' | 'confirmed'>;

/** What placing an order would do, with the figures that decide it (a dry run shows these before the click). */
export type PlacementExplanation =
  | { outcome: 'placed'; total: Cents }
  | { outcome: 'needs_approval'; total: Cents; orderLimit: Cents; overBy: Cents }
  | {
      outcome: 'credit_hold';
      total: Cents;
      creditLimit: Cents;
      exposure: Cents;
      availableCredit: Cents;
      /** How far exposure plus this order passes the credit limit. */
      overBy: Cents;
    };

/** The decision of `placementDecision`, explained: the same rule, so a preview and a placement agree. */
export function explainPlacement(check: PlacementCheck): PlacementExplanation {
  const decision = placementDecision(check);
  const total = check.total;
  switch (decision.status) {
    case 'confirmed':
      return { outcome: 'placed', total };
    case 'pending_approval': {
      const orderLimit = check.orderLimit ?? 0n;
      return { outcome: 'needs_approval', total, orderLimit, overBy: total - orderLimit };
    }
    case 'on_hold':
      return {
        outcome: 'credit_hold',
        total,
        creditLimit: check.creditLimit,
        exposure: check.exposure,
        availableCredit: availableCredit(check.creditLimit, check.exposure),
        overBy: check.exposure + total - check.creditLimit,
      };
  }
}
