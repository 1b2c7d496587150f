import type { WebhookDelivery } from '@tradecounter/contracts';
import { concat, exhaustMap, last, map, Observable, of, switchMap, takeWhile, timer } from 'rxjs';

/** How long the page watches a test event before leaving it to the log. */
export const TEST_WATCH_MS = 15_000;
const TEST_POLL_MS = 1_000;

/** A test delivery's outcome is known: delivered, given up, or an attempt failed (it will be retried). */
export function testSettled(delivery: WebhookDelivery): boolean {
  return delivery.status !== 'pending' || delivery.lastError !== null || delivery.lastStatusCode !== null;
}

/** What to tell the admin about a test delivery. */
export function testOutcome(delivery: WebhookDelivery): { ok: boolean; text: string } {
  if (delivery.status === 'delivered')
    return {
      ok: true,
      text: `Test event delivered: the endpoint answered ${delivery.lastStatusCode ?? '2xx'}`,
    };
  if (delivery.lastStatusCode !== null)
    return { ok: false, text: `Test event not accepted: the endpoint answered ${delivery.lastStatusCode}` };
  if (delivery.lastError) return { ok: false, text: `Test event not delivered: ${delivery.lastError}` };
  return { ok: false, text: 'Test event queued: no answer yet, see the log' };
}

/** What following a test event needs of the API (WebhooksApi has it). */
export interface TestEventApi {
  sendTest(subscriptionId: string): Observable<WebhookDelivery>;
  delivery(subscriptionId: string, deliveryId: string): Observable<WebhookDelivery | undefined>;
}

/**
 * Sends a test event and follows its delivery until it settles or
 * TEST_WATCH_MS pass; emits the delivery as sent, then as last seen.
 */
export function sendTestEvent(api: TestEventApi, subscriptionId: string): Observable<WebhookDelivery> {
  return api.sendTest(subscriptionId).pipe(
    switchMap((sent) =>
      concat(
        of(sent),
        timer(TEST_POLL_MS, TEST_POLL_MS).pipe(
          takeWhile((tick) => tick < TEST_WATCH_MS / TEST_POLL_MS),
          exhaustMap(() => api.delivery(subscriptionId, sent.id)),
          takeWhile((seen) => seen !== undefined && !testSettled(seen), true),
          last(undefined, sent),
          map((seen) => seen ?? sent),
        ),
      ),
    ),
  );
}
