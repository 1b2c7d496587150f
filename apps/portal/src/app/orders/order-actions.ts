import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { Order, OrderSummary, Role } from '@tradecounter/contracts';
import { countsTowardExposure, mayCancel, nextStatus } from '@tradecounter/domain';
import type { Observable } from 'rxjs';
import { confirmAction } from '../shared/confirm-dialog';
import { OrdersApi } from './orders-api';
import { askReason } from './reason-dialog';

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

/** Asks (with a reason where one is kept) and runs an order action; emits the changed order, or undefined. */
@Injectable({ providedIn: 'root' })
export class OrderActions {
  private readonly api = inject(OrdersApi);
  private readonly dialog = inject(MatDialog);

  run(order: OrderSummary, action: OrderActionName): Observable<Order | undefined> {
    const number = order.number;
    switch (action) {
      case 'cancel':
        return askReason(this.dialog, {
          title: `Cancel order ${number}?`,
          message:
            'The order is cancelled and everything reserved for it is released. This cannot be undone.',
          confirmLabel: 'Cancel order',
          reasonRequired: false,
          action: (reason) => this.api.cancel(order.id, reason),
        });
      case 'reject':
        return askReason(this.dialog, {
          title: `Reject order ${number}?`,
          message: 'The buyer sees your reason. What the order reserved is released.',
          confirmLabel: 'Reject order',
          reasonRequired: true,
          action: (reason) => this.api.reject(order.id, reason),
        });
      case 'approve':
        return confirmAction(this.dialog, {
          title: `Approve order ${number}?`,
          message: `${order.accountName}: ${order.lineCount} lines placed by ${order.placedBy?.name ?? 'a buyer'}. It is confirmed, or held if it passes the account's credit limit.`,
          confirmLabel: 'Approve',
          action: () => this.api.act(order.id, 'approve'),
        });
      case 'release-hold':
        return confirmAction(this.dialog, {
          title: `Release the credit hold on ${number}?`,
          message: `${order.accountName}: the order is confirmed and goes to the warehouse.`,
          confirmLabel: 'Release hold',
          action: () => this.api.act(order.id, 'release-hold'),
        });
      case 'mark-paid':
        return confirmAction(this.dialog, {
          title: `Mark order ${number} paid?`,
          message: "The payment is recorded and the order stops counting against the account's credit.",
          confirmLabel: 'Mark paid',
          action: () => this.api.act(order.id, 'mark-paid'),
        });
    }
  }
}

export const ACTION_LABELS: Record<OrderActionName, string> = {
  cancel: 'Cancel',
  approve: 'Approve',
  reject: 'Reject',
  'release-hold': 'Release hold',
  'mark-paid': 'Mark paid',
};
