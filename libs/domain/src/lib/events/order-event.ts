/**
 * An order event as the outbox carries it: what happened to which order,
 * from and to which status, and the kind's own data.
 */
export interface OutboxOrderEvent {
  eventId: string;
  orderId: string;
  orderNumber: string;
  accountId: string;
  accountCode: string;
  placedBy: string | null;
  actorId: string | null;
  subtotal: string;
  currency: string;
  kind: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export type WebhookTopic =
  | 'order.created'
  | 'order.status_changed'
  | 'order.repromised'
  | 'shipment.created'
  | 'shipment.delivered'
  | 'return.created'
  | 'return.status_changed'
  | 'credit_note.created';

/**
 * After-sales events ride the same outbox as order events, about the order
 * they return goods of: a return asked for or opened (`return_created`), a
 * return's status moving (`return_status`), a credit note issued
 * (`credit_note`). Their `data` names the return (and the credit note).
 * Their notifications are made where they happen, not by the dispatcher.
 */
export const AFTER_SALES_EVENT_KINDS = ['return_created', 'return_status', 'credit_note'] as const;

export function isAfterSalesEvent(event: Pick<OutboxOrderEvent, 'kind'>): boolean {
  return (AFTER_SALES_EVENT_KINDS as readonly string[]).includes(event.kind);
}

/**
 * The webhook topics an order event is published as. Placement is
 * `order.created` only (its first status is part of the order); any later
 * event that moves the status is also `order.status_changed`, so a shipment
 * that ships the order is both `shipment.created` and a status change.
 */
export function webhookTopics(event: Pick<OutboxOrderEvent, 'kind' | 'from' | 'to'>): WebhookTopic[] {
  if (event.kind === 'return_created') return ['return.created'];
  if (event.kind === 'return_status') return event.from !== event.to ? ['return.status_changed'] : [];
  if (event.kind === 'credit_note') return ['credit_note.created'];
  if (event.from === null && event.to !== null) return ['order.created'];
  const topics: WebhookTopic[] = [];
  if (event.kind === 'shipment') topics.push('shipment.created');
  if (event.kind === 'delivered') topics.push('shipment.delivered');
  if (event.kind === 'repromised') topics.push('order.repromised');
  if (event.to !== null && event.from !== event.to) topics.push('order.status_changed');
  return topics;
}

/** The delivery's X-Event-Id: one per event and topic, the same on every retry and redelivery. */
export function webhookEventId(eventId: string, topic: WebhookTopic): string {
  return `${eventId}.${topic}`;
}
