import { randomUUID } from 'node:crypto';
import type { Order, SalesQuote } from '@tradecounter/contracts';
import { bearer, type TestUser } from './fixtures';
import type { OrderingWorld } from './order-fixtures';
import type { TestApp } from './test-app';

/** Sales quotes through their real routes, for the specs of what reads them (documents, reports). */

export async function requestQuote(
  t: TestApp,
  user: TestUser,
  lines: { productId: string; quantity: number }[],
  extra: Record<string, unknown> = {},
): Promise<SalesQuote> {
  const response = await t.http
    .post('/api/quotes')
    .set(bearer(user))
    .set('Idempotency-Key', randomUUID())
    .send({ lines, ...extra })
    .expect(201);
  return response.body as SalesQuote;
}

/** Prices every line of the quote (by product; "1.00" for one not named) as `staff`. */
export async function priceQuote(
  t: TestApp,
  staff: TestUser,
  quote: SalesQuote,
  prices: Record<string, string>,
  validUntil?: string,
): Promise<SalesQuote> {
  const lines = quote.lines.map((line) => ({
    productId: line.productId,
    unitPrice: prices[line.productId] ?? '1.00',
  }));
  const response = await t.http
    .post(`/api/quotes/${quote.id}/quote`)
    .set(bearer(staff))
    .send({ lines, ...(validUntil ? { validUntil } : {}) })
    .expect(200);
  return response.body as SalesQuote;
}

/** Accepts the quote's latest revision (only `lineIds` when given) into an order. */
export async function acceptQuote(
  t: TestApp,
  w: OrderingWorld,
  quote: SalesQuote,
  lineIds?: string[],
): Promise<Order> {
  const response = await t.http
    .post(`/api/quotes/${quote.id}/accept`)
    .set(bearer(w.buyer))
    .set('Idempotency-Key', randomUUID())
    .send({
      revision: quote.revision,
      shippingAddressId: w.mineAddress,
      shipComplete: false,
      ...(lineIds ? { lineIds } : {}),
    })
    .expect(201);
  return response.body as Order;
}

/** `decline` (a buyer) or `withdraw` (staff). */
export async function endQuote(
  t: TestApp,
  user: TestUser,
  quote: SalesQuote,
  how: 'decline' | 'withdraw',
): Promise<SalesQuote> {
  const response = await t.http
    .post(`/api/quotes/${quote.id}/${how}`)
    .set(bearer(user))
    .send({ reason: `${how} in a test` })
    .expect(200);
  return response.body as SalesQuote;
}
