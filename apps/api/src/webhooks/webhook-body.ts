import type { WebhookEventBody } from '@tradecounter/contracts';
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
