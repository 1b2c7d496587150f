import { channelDisplayName } from '@tradecounter/domain';
import type { OrderStatus } from '@tradecounter/contracts';

const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_approval: 'Awaiting approval',
  on_hold: 'On credit hold',
  confirmed: 'Confirmed',
  picking: 'Picking',
  packed: 'Packed',
  partially_shipped: 'Partly shipped',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  rejected: 'Rejected',
};

const STATUS_EXPLANATIONS: Partial<Record<OrderStatus, string>> = {
  pending_approval:
    'The order is over the order limit of the person who placed it. An approver of the account must approve it before it is confirmed; its stock is reserved meanwhile.',
  on_hold:
    'The order would take the account past its credit limit. Its stock is reserved, and it is confirmed once the account manager releases the hold (for example after a payment).',
  confirmed: 'The order is confirmed and waits for the warehouse to pick it.',
  picking: 'The warehouse is picking the order.',
  packed: 'The order is packed and waits for the carrier.',
  partially_shipped:
    'Part of the order is on its way (see the shipments below); the rest follows as it arrives in stock.',
  shipped: 'Everything has shipped; see the shipments below to track them.',
  cancelled: 'The order was cancelled and everything it reserved was released.',
  rejected: 'An approver rejected the order and everything it reserved was released.',
};

export const ORDER_STATUS_OPTIONS: readonly OrderStatus[] = Object.keys(STATUS_LABELS) as OrderStatus[];

export function orderStatusLabel(status: OrderStatus | null): string {
  return status ? STATUS_LABELS[status] : '—';
}

/** What the status means for the buyer, in words; '' where the label says it all. */
export function orderStatusExplanation(status: OrderStatus): string {
  return STATUS_EXPLANATIONS[status] ?? '';
}

/** "api" → "API", an integration by its name (libs/domain channelDisplayName). */
export function channelLabel(channel: string): string {
  return channelDisplayName(channel);
}
