import type { IsoInstant } from './common';

/** What an integration can subscribe to; each delivery's `type` and `X-Event-Type`. */
export const WEBHOOK_EVENT_TYPES = [
  'order.created',
  'order.status_changed',
  'order.repromised',
  'shipment.created',
  'shipment.delivered',
  'return.created',
  'return.status_changed',
  'credit_note.created',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only on request (POST /api/webhooks/:id/test), to the one subscription; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** What a delivery can carry: a subscribed event, or a test event. */
export type WebhookDeliveryEventType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;

/** A subscription as the API shows it: the secret only masked (its last four characters). */
export interface WebhookSubscription {
  id: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  secretHint: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  /** Deliveries still being retried, and those that gave up. */
  pendingDeliveries: number;
  failedDeliveries: number;
}

/** The answer to creating a subscription: the only time the whole secret is shown. */
export interface CreatedWebhookSubscription extends WebhookSubscription {
  secret: string;
}

export interface CreateWebhookRequest {
  url: string;
  events: WebhookEventType[];
  /** 16–200 characters; generated when absent. */
  secret?: string;
}

export interface UpdateWebhookRequest {
  url?: string;
  events?: WebhookEventType[];
  active?: boolean;
  secret?: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event sent (or being sent) to one subscription. */
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  /** X-Event-Id: the same on every attempt and redelivery, for the receiver to de-duplicate. */
  eventId: string;
  eventType: WebhookDeliveryEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: IsoInstant | null;
  deliveredAt: IsoInstant | null;
  createdAt: IsoInstant;
  /** The JSON body as signed and sent. */
  body: unknown;
}

/** The JSON body POSTed to a subscriber. */
export interface WebhookEventBody {
  id: string;
  type: WebhookEventType;
  createdAt: IsoInstant;
  data: {
    orderId: string;
    orderNumber: string;
    accountId: string;
    accountCode: string;
    kind: string;
    from: string | null;
    to: string | null;
    reason: string | null;
    details: Record<string, unknown> | null;
  };
}

/** The JSON body of a test event: signed and sent like any other, about nothing but the subscription. */
export interface WebhookTestEventBody {
  id: string;
  type: typeof WEBHOOK_TEST_EVENT;
  createdAt: IsoInstant;
  data: { subscriptionId: string; message: string };
}
