import type { OrderSummary, Role } from '@tradecounter/contracts';
import { countsTowardExposure, mayCancel, nextStatus } from '@tradecounter/domain';

export type OrderActionName = 'cancel' | 'approve' | 'reject' | 'release-hold' | 'mark-paid';

/**
 * Which actions a role may take on an order in its present state: those the
 * status transitions (nextStatus) allow from it, for the roles the API admits
 * (the API checks again).
 */
export function availableActions(order: OrderSummary, role: Role | undefined): OrderActionName[] {
  if (!role) return [];
  const actions: OrderActionName[] = [];
  const customer = role === 'buyer' || role === 'approver';
  const canCancelRole = customer || role === 'account_manager' || role === 'admin';
  if (canCancelRole && mayCancel(order.status, customer ? 'customer' : 'staff')) actions.push('cancel');
  if (role === 'approver' || role === 'admin') {
    if (nextStatus(order.status, 'approve')) actions.push('approve');
    if (nextStatus(order.status, 'reject')) actions.push('reject');
  }
  if ((role === 'account_manager' || role === 'admin') && nextStatus(order.status, 'release_hold')) {
    actions.push('release-hold');
  }
  // Payment matters while the order counts toward the account's credit.
  const payable = countsTowardExposure(order.status) && !order.paidAt;
  if (payable && (role === 'manager' || role === 'admin')) actions.push('mark-paid');
  return actions;
}
