import type { Order, PlaceOrderRequest } from '@tradecounter/contracts';
import { defer, firstValueFrom, of, throwError } from 'rxjs';
import { type OrderPlacer, OrderSubmission, retryable } from './order-submission';

/** Stands in for Angular's HttpErrorResponse (status and headers are all the helper reads). */
function httpError(status: number, headers: Record<string, string> = {}) {
  return { status, headers: { has: (name: string) => name in headers } };
}

const body: PlaceOrderRequest = { shippingAddressId: 'a', shipComplete: true, expectedSubtotal: '10.00' };

describe('OrderSubmission', () => {
  it('sends the same key for the same body and a new one for another body', () => {
    let n = 0;
    const submission = new OrderSubmission({} as OrderPlacer, () => `key-${++n}`);
    expect(submission.keyFor(body)).toBe('key-1');
    expect(submission.keyFor({ ...body })).toBe('key-1');
    expect(submission.keyFor({ ...body, expectedSubtotal: '11.00' })).toBe('key-2');
    submission.forget();
    expect(submission.keyFor({ ...body, expectedSubtotal: '11.00' })).toBe('key-3');
  });

  it('retries a lost response with the same key', async () => {
    jest.useFakeTimers();
    const keys: string[] = [];
    let calls = 0;
    const api = {
      // Like HttpClient: every subscription sends the request again.
      place: (_body: PlaceOrderRequest, key: string) =>
        defer(() => {
          keys.push(key);
          calls++;
          return calls === 1 ? throwError(() => httpError(0)) : of({ id: 'o1' } as Order);
        }),
    } as OrderPlacer;
    const placed = firstValueFrom(new OrderSubmission(api, () => 'k').place(body));
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(placed).resolves.toEqual({ id: 'o1' });
    expect(keys).toEqual(['k', 'k']);
    jest.useRealTimers();
  });

  it('does not retry a price change; placing at the new prices goes under a new key', async () => {
    const sent: { key: string; expected?: string }[] = [];
    const api = {
      place: (sentBody: PlaceOrderRequest, key: string) =>
        defer(() => {
          sent.push({ key, expected: sentBody.expectedSubtotal });
          return sentBody.expectedSubtotal === '10.00'
            ? throwError(() => httpError(409))
            : of({ id: 'o1' } as Order);
        }),
    } as OrderPlacer;
    let n = 0;
    const submission = new OrderSubmission(api, () => `key-${++n}`);
    await expect(firstValueFrom(submission.place(body))).rejects.toMatchObject({ status: 409 });
    await expect(firstValueFrom(submission.place({ ...body, expectedSubtotal: '12.00' }))).resolves.toEqual({
      id: 'o1',
    });
    expect(sent).toEqual([
      { key: 'key-1', expected: '10.00' },
      { key: 'key-2', expected: '12.00' },
    ]);
  });

  it('retries only what may be retried', () => {
    expect(retryable(httpError(0))).toBe(true);
    expect(retryable(httpError(409, { 'Retry-After': '1' }))).toBe(true);
    expect(retryable(httpError(409))).toBe(false);
    expect(retryable(httpError(422))).toBe(false);
    expect(retryable(new Error('boom'))).toBe(false);
  });
});
