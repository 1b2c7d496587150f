import type { WebhookDelivery } from '@tradecounter/contracts';
import { testOutcome, testSettled } from './webhook-test';

const pending: WebhookDelivery = {
  id: '1',
  subscriptionId: 's',
  eventId: 'test.x',
  eventType: 'webhook.test',
  status: 'pending',
  attempts: 0,
  lastStatusCode: null,
  lastError: null,
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: '2027-01-01T00:00:00Z',
  body: {},
};

describe('a test delivery', () => {
  it('is settled once delivered, given up, or an attempt failed', () => {
    expect(testSettled(pending)).toBe(false);
    expect(testSettled({ ...pending, status: 'delivered', lastStatusCode: 204 })).toBe(true);
    expect(testSettled({ ...pending, lastError: 'refused: is an internal address' })).toBe(true);
    expect(testSettled({ ...pending, lastStatusCode: 500, lastError: 'HTTP 500' })).toBe(true);
  });

  it('tells how it went', () => {
    expect(testOutcome({ ...pending, status: 'delivered', lastStatusCode: 204 })).toEqual({
      ok: true,
      text: 'Test event delivered: the endpoint answered 204',
    });
    expect(testOutcome({ ...pending, lastStatusCode: 500, lastError: 'HTTP 500' }).text).toBe(
      'Test event not accepted: the endpoint answered 500',
    );
    expect(testOutcome({ ...pending, lastError: 'refused: is an internal address' }).text).toBe(
      'Test event not delivered: refused: is an internal address',
    );
    expect(testOutcome(pending)).toEqual({
      ok: false,
      text: 'Test event queued: no answer yet, see the log',
    });
  });
});
