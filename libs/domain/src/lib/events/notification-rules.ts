import { withDisplayDates } from '../display/dates';
import { formatMoneyForDisplay } from '../display/money-display';
import { isAfterSalesEvent, type OutboxOrderEvent } from './order-event';

/**
 * Who hears about an event: the order's customer (its placer when a
 * customer placed it, else the account's customer users), the account's
 * approvers, or its account manager.
 */
export type NotificationAudience = 'customer' | 'approvers' | 'accountManager';

export type NotificationKind =
  | 'order_confirmed'
  | 'approval_needed'
  | 'order_held'
  | 'order_rejected'
  | 'order_cancelled'
  | 'order_shipped'
  | 'order_delivered'
  | 'backorder_moved';

export interface NotificationDraft {
  audience: NotificationAudience;
  kind: NotificationKind;
  title: string;
  body: string;
}

interface PromiseMove {
  sku?: unknown;
  from?: unknown;
  to?: unknown;
}

/** The notifications an order event gives rise to (none for most). */
export function notificationsFor(event: OutboxOrderEvent): NotificationDraft[] {
  // Returns and credit notes notify where they happen (ReturnsService), with the return linked.
  if (isAfterSalesEvent(event)) return [];
  const order = event.orderNumber;
  const drafts: NotificationDraft[] = [];
  if (event.kind === 'shipment') {
    drafts.push({
      audience: 'customer',
      kind: 'order_shipped',
      title: `Order ${order} shipped`,
      body: shippedBody(event.data),
    });
  } else if (event.kind === 'delivered') {
    drafts.push({
      audience: 'customer',
      kind: 'order_delivered',
      title: `Order ${order} delivered`,
      body: 'A shipment of your order was delivered.',
    });
  } else if (event.kind === 'repromised') {
    drafts.push({
      audience: 'customer',
      kind: 'backorder_moved',
      title: `New delivery date for order ${order}`,
      body: repromisedBody(event.data),
    });
  }
  if (event.from === event.to) return drafts;
  switch (event.to) {
    case 'confirmed':
      drafts.push({
        audience: 'customer',
        kind: 'order_confirmed',
        title: `Order ${order} confirmed`,
        body: `Your order of ${formatMoneyForDisplay(event.subtotal, event.currency)} is confirmed.`,
      });
      break;
    case 'pending_approval':
      drafts.push({
        audience: 'approvers',
        kind: 'approval_needed',
        title: `Order ${order} waits for your approval`,
        body: withReason(
          `An order of ${formatMoneyForDisplay(event.subtotal, event.currency)} needs an approver.`,
          event.reason,
        ),
      });
      break;
    case 'on_hold':
      drafts.push({
        audience: 'accountManager',
        kind: 'order_held',
        title: `Order ${order} (${event.accountCode}) is on credit hold`,
        body: withReason(
          `An order of ${formatMoneyForDisplay(event.subtotal, event.currency)} waits for a release.`,
          event.reason,
        ),
      });
      break;
    case 'rejected':
      drafts.push({
        audience: 'customer',
        kind: 'order_rejected',
        title: `Order ${order} was rejected`,
        body: withReason('An approver rejected the order.', event.reason),
      });
      break;
    case 'cancelled':
      // Whoever cancels their own order knows it already.
      if (event.actorId !== event.placedBy) {
        drafts.push({
          audience: 'customer',
          kind: 'order_cancelled',
          title: `Order ${order} was cancelled`,
          body: withReason('The order was cancelled.', event.reason),
        });
      }
      break;
  }
  return drafts;
}

function withReason(text: string, reason: string | null): string {
  return reason ? `${text} Reason: ${reason}` : text;
}

function shippedBody(data: Record<string, unknown> | null): string {
  const carrier = typeof data?.['carrier'] === 'string' ? data['carrier'] : null;
  const tracking = typeof data?.['trackingNumber'] === 'string' ? data['trackingNumber'] : null;
  if (carrier && tracking) return `Shipped with ${carrier}, tracking number ${tracking}.`;
  if (tracking) return `Tracking number ${tracking}.`;
  return 'A shipment of your order is on its way.';
}

function repromisedBody(data: Record<string, unknown> | null): string {
  const changes = Array.isArray(data?.['changes']) ? (data['changes'] as PromiseMove[]) : [];
  const moves = changes
    .filter((change) => typeof change.sku === 'string' && typeof change.to === 'string')
    .map((change) => `${String(change.sku)}: ${String(change.from)} → ${String(change.to)}`);
  if (moves.length === 0) return 'The expected delivery of a backordered line moved.';
  return withDisplayDates(`Expected delivery moved. ${moves.join('; ')}.`);
}
