import type { CreatedChannel } from '@tradecounter/contracts';
import { bearer, createProduct, uniqueTag } from '../test-support/fixtures';
import { createOrderingWorld, orderCounts, OrderingWorld, placeOrder } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

interface Line {
  productId?: string;
  sku?: string;
  quantity: number;
}

/** The answer of a route, as a client sees it. */
interface Answer {
  status: number;
  type: string;
  detail: unknown;
  errors: unknown;
}

/**
 * Every route that takes requested lines reads them the same way: the same
 * bad line gets the same 400, the same field names and messages, whether it
 * is ordered, promised, priced, sent by an integration or saved as a template.
 */
describe('requested lines, read alike on every route', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let integration: CreatedChannel;
  let sold: { id: string; sku: string };
  let withdrawn: { id: string; sku: string };
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    integration = (
      await t.http
        .post('/api/channels')
        .set(bearer(w.admin))
        .send({ name: `lines-${uniqueTag().toLowerCase()}`, accountIds: [w.mine.id] })
        .expect(201)
    ).body as CreatedChannel;
    sold = await createProduct(t);
    withdrawn = await createProduct(t, { active: false });
  });
  afterAll(() => t.close());

  const answer = async (request: PromiseLike<{ status: number; headers: object; body: unknown }>) => {
    const response = await request;
    const body = response.body as { detail?: unknown; errors?: unknown };
    return {
      status: response.status,
      type: String((response.headers as Record<string, unknown>)['content-type']).split(';')[0],
      detail: body.detail,
      errors: body.errors,
    } satisfies Answer;
  };

  /** Each route, sending these lines in the body it takes. */
  const routes: Record<string, (lines: Line[]) => Promise<Answer>> = {
    order: (lines) =>
      answer(placeOrder(t, w.buyer, { lines, shippingAddressId: w.mineAddress, shipComplete: false })),
    promise: (lines) => answer(t.http.post('/api/availability/promise').set(bearer(w.buyer)).send({ lines })),
    quote: (lines) => answer(t.http.post('/api/pricing/quote').set(bearer(w.buyer)).send({ lines })),
    'channel order': (lines) =>
      answer(
        t.http
          .post('/api/channel-orders')
          .set('X-Api-Key', integration.apiKey)
          .send({
            accountCode: w.mine.code,
            externalRef: `REF-${uniqueTag()}`,
            shippingAddressId: w.mineAddress,
            lines,
          }),
      ),
    template: (lines) =>
      answer(
        t.http
          .post('/api/templates')
          .set(bearer(w.buyer))
          .send({ name: `List ${uniqueTag()}`, lines }),
      ),
  };
  // Channel orders name products by SKU only, templates by id only; the others take either.
  const bySku = ['order', 'promise', 'quote', 'channel order'];
  const byId = ['order', 'promise', 'quote', 'template'];

  const refused = (errors: { field: string; message: string }[]): Answer => ({
    status: 400,
    type: 'application/problem+json',
    detail: 'Some lines cannot be accepted',
    errors,
  });

  const cases: [string, string[], () => Line[], () => Answer][] = [
    [
      'an unknown SKU',
      bySku,
      () => [{ sku: 'NO-SUCH-SKU', quantity: 1 }],
      () => refused([{ field: 'lines[0].sku', message: 'is not a known product' }]),
    ],
    [
      'an unknown product id',
      byId,
      () => [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
      () => refused([{ field: 'lines[0].productId', message: 'is not a known product' }]),
    ],
    [
      'a withdrawn product by SKU',
      bySku,
      () => [{ sku: withdrawn.sku, quantity: 1 }],
      () => refused([{ field: 'lines[0].sku', message: `${withdrawn.sku} is no longer sold` }]),
    ],
    [
      'a withdrawn product by id',
      byId,
      () => [{ productId: withdrawn.id, quantity: 1 }],
      () => refused([{ field: 'lines[0].productId', message: `${withdrawn.sku} is no longer sold` }]),
    ],
    [
      'a product repeated by SKU',
      bySku,
      () => [
        { sku: sold.sku, quantity: 1 },
        { sku: sold.sku, quantity: 2 },
      ],
      () =>
        refused([{ field: 'lines[1]', message: 'repeats the product of lines[0]; one line per product' }]),
    ],
    [
      'a product repeated by id',
      byId,
      () => [
        { productId: sold.id, quantity: 1 },
        { productId: sold.id, quantity: 2 },
      ],
      () =>
        refused([{ field: 'lines[1]', message: 'repeats the product of lines[0]; one line per product' }]),
    ],
    [
      'a zero quantity by SKU',
      bySku,
      () => [{ sku: sold.sku, quantity: 0 }],
      () => ({
        status: 400,
        type: 'application/problem+json',
        detail: 'The request has invalid fields',
        errors: [{ field: 'lines[0].quantity', message: 'quantity must not be less than 1' }],
      }),
    ],
    [
      'a zero quantity by id',
      byId,
      () => [{ productId: sold.id, quantity: 0 }],
      () => ({
        status: 400,
        type: 'application/problem+json',
        detail: 'The request has invalid fields',
        errors: [{ field: 'lines[0].quantity', message: 'quantity must not be less than 1' }],
      }),
    ],
  ];

  it.each(cases)(
    'refuses %s the same way on every route that takes it',
    async (_name, names, lines, expected) => {
      const before = await orderCounts(t, w.mine.id);
      for (const name of names) {
        const route = routes[name] as (lines: Line[]) => Promise<Answer>;
        expect({ route: name, ...(await route(lines())) }).toEqual({ route: name, ...expected() });
      }
      expect(await orderCounts(t, w.mine.id)).toEqual(before); // nothing placed
    },
  );

  it('names a product the way each route takes it: by SKU for integrations, by id for templates', async () => {
    const channel = await routes['channel order']?.([{ productId: sold.id, quantity: 1 } as Line]);
    expect(channel?.errors).toContainEqual({ field: 'lines[0].productId', message: 'is not a known field' });
    const template = await routes['template']?.([{ sku: sold.sku, quantity: 1 }]);
    expect(template?.errors).toContainEqual({ field: 'lines[0].sku', message: 'is not a known field' });
  });
});
