import { randomUUID } from 'node:crypto';
import {
  WEBHOOK_TEST_EVENT,
  type WebhookEventBody,
  type WebhookTestEventBody,
} from '@tradecounter/contracts';
import { OutboxOrderEvent, webhookEventId, WebhookTopic } from '@tradecounter/domain';

/** The JSON an integration receives for one topic of one order event. */
export function webhookBody(event: OutboxOrderEvent, topic: WebhookTopic): WebhookEventBody {
  return {
    id: webhookEventId(event.eventId, topic),
    type: topic,
    createdAt: new Date(event.at).toISOString(),
    data: {
      orderId: event.orderId,
      orderNumber: event.orderNumber,
      accountId: event.accountId,
      accountCode: event.accountCode,
      kind: event.kind,
      from: event.from,
      to: event.to,
      reason: event.reason,
      details: event.data,
    },
  };
}

/** A test event for one subscription: a fresh id each time, so a receiver's de-duplication never hides it. */
export function webhookTestBody(subscriptionId: string, at: Date = new Date()): WebhookTestEventBody {
  return {
    id: `test.${randomUUID()}`,
    type: WEBHOOK_TEST_EVENT,
    createdAt: at.toISOString(),
    data: { subscriptionId, message: 'A test event from Tradecounter: no order changed.' },
  };
}
