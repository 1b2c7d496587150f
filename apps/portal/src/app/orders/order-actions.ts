import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { Order, OrderSummary } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { confirmAction } from '../shared/confirm-dialog';
import { OrdersApi } from './orders-api';
import type { OrderActionName } from './order-action-rules';
import { askReason } from './reason-dialog';

export { availableActions, type OrderActionName } from './order-action-rules';

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
