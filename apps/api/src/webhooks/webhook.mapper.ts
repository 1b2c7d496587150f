import type { WebhookDelivery, WebhookSubscription } from '@tradecounter/contracts';
import type { WebhookDeliveryEntity } from './webhook-delivery.entity';
import type { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import type { SubscriptionCounts } from './webhooks.repository';

/** `secretHint`: the secret masked (webhook-signature.ts maskSecret), from the sealed value opened. */
export function toSubscription(
  entity: WebhookSubscriptionEntity,
  secretHint: string,
  counts: SubscriptionCounts = { pending: 0, failed: 0 },
): WebhookSubscription {
  return {
    id: entity.id,
    url: entity.url,
    events: entity.events,
    active: entity.active,
    secretHint,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    pendingDeliveries: counts.pending,
    failedDeliveries: counts.failed,
  };
}

export function toDelivery(entity: WebhookDeliveryEntity): WebhookDelivery {
  return {
    id: entity.id,
    subscriptionId: entity.subscriptionId,
    eventId: entity.eventId,
    eventType: entity.eventType,
    status: entity.status,
    attempts: entity.attempts,
    lastStatusCode: entity.lastStatusCode,
    lastError: entity.lastError,
    nextAttemptAt: entity.status === 'pending' ? (entity.nextAttemptAt?.toISOString() ?? null) : null,
    deliveredAt: entity.deliveredAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
    body: JSON.parse(entity.body) as unknown,
  };
}
