import { describeError } from '../common/worker-loop';
import { signWebhook } from './webhook-signature';

/** A delivery claimed for an attempt, with where and how to sign it. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

export type SendOutcome =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'failed'; statusCode: number | null; error: string }
  /** Cut short by shutdown: not an attempt that says anything about the receiver. */
  | { kind: 'aborted' };

/**
 * One attempt: POST the stored body with its signature and ids. Any 2xx is
 * delivered; redirects are not followed (a moved endpoint must be updated).
 */
export async function sendWebhook(
  delivery: ClaimedDelivery,
  timeoutMs: number,
  shutdown: AbortSignal,
): Promise<SendOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, shutdown]),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tradecounter-Webhooks/1',
        'x-signature': signWebhook(delivery.body, delivery.secret),
        'x-event-id': delivery.eventId,
        'x-event-type': delivery.eventType,
        'x-delivery-attempt': String(delivery.attempts),
      },
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return { kind: 'delivered', statusCode: response.status };
    return { kind: 'failed', statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    if (shutdown.aborted) return { kind: 'aborted' };
    if (timeout.aborted)
      return { kind: 'failed', statusCode: null, error: `No answer within ${timeoutMs} ms` };
    return { kind: 'failed', statusCode: null, error: describeError(error).slice(0, 500) };
  }
}
