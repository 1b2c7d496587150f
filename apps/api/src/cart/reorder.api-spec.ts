import { randomUUID } from 'node:crypto';
import type { Cart, Order, QuickOrderResult } from '@tradecounter/contracts';
import { bearer, createProduct, createUser, TestUser } from '../test-support/fixtures';
import { BuyingWorld, createBuyingWorld, createStockedProduct, withdraw } from '../test-support/buying';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('reorder, and ordering the cart', () => {
  let t: TestApp;
  let w: BuyingWorld;
  let address: string;
  let otherAddress: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createBuyingWorld(t);
    // Room for the orders below without credit holds getting in the way.
    await t.dataSource.query('UPDATE accounts SET credit_limit = 1000000 WHERE id = ANY($1::uuid[])', [
      [w.mine.id, w.theirs.id],
    ]);
    address = (await t.http.get(`/api/accounts/${w.mine.id}/addresses`).set(bearer(w.buyer)).expect(200))
      .body[0].id;
    otherAddress = (
      await t.http.get(`/api/accounts/${w.theirs.id}/addresses`).set(bearer(w.otherBuyer)).expect(200)
    ).body[0].id;
  });
  afterAll(() => t.close());

  const newBuyer = () => createUser(t, 'approver', w.mine.id);
  const cartOf = async (user: TestUser): Promise<Cart> =>
    (await t.http.get('/api/cart').set(bearer(user)).expect(200)).body;
  const place = (user: TestUser, body: Record<string, unknown>) =>
    t.http
      .post('/api/orders')
      .set(bearer(user))
      .set('Idempotency-Key', randomUUID())
      .send({
        shippingAddressId: user.accountId === w.theirs.id ? otherAddress : address,
        shipComplete: false,
        ...body,
      });
  const reorder = (user: TestUser, orderId: string) =>
    t.http.post(`/api/cart/reorder/${orderId}`).set(bearer(user));

  it("puts a past order's lines in the cart, merged with what is there, and reports products no longer sold", async () => {
    const buyer = await newBuyer();
    const a = await createStockedProduct(t, w, 50);
    const b = await createStockedProduct(t, w, 50, { minOrderQty: 6, orderMultiple: 6 });
    const c = await createStockedProduct(t, w, 50);
    const placed: Order = (
      await place(buyer, {
        lines: [
          { productId: a.id, quantity: 2 },
          { productId: b.id, quantity: 12 },
          { productId: c.id, quantity: 1 },
        ],
      }).expect(201)
    ).body;
    await withdraw(t, w.admin, c.id);
    await t.http.put(`/api/cart/lines/${a.id}`).set(bearer(buyer)).send({ quantity: 3 }).expect(200);

    const result: QuickOrderResult = (await reorder(buyer, placed.id).expect(200)).body;
    expect(result.rows.map((row) => [row.row, row.sku, row.quantity, row.status, row.reason])).toEqual([
      [1, a.sku, 2, 'added', null],
      [2, b.sku, 12, 'added', null],
      [3, c.sku, 1, 'error', `${c.sku} is no longer sold`],
    ]);
    expect(result).toMatchObject({ added: 2, failed: 1 });
    expect(result.cart.lines.map((line) => [line.sku, line.quantity])).toEqual([
      [a.sku, 5],
      [b.sku, 12],
    ]);
    // Any user of the account may reorder any of its orders, in any status.
    await t.http
      .post(`/api/orders/${placed.id}/cancel`)
      .set(bearer(buyer))
      .send({ reason: 'test' })
      .expect(200);
    const again: QuickOrderResult = (await reorder(w.buyer, placed.id).expect(200)).body;
    expect(again.added).toBe(2);
  });

  it("answers 404 for another account's order, as for a missing one, and 403 to staff", async () => {
    const theirs: Order = (
      await place(w.otherBuyer, { lines: [{ productId: (await createProduct(t)).id, quantity: 1 }] }).expect(
        201,
      )
    ).body;
    const missing = await reorder(w.buyer, theirs.id).expect(404);
    expect(missing.body.detail).toBe('Order not found');
    await reorder(w.buyer, '00000000-0000-4000-8000-000000000000').expect(404);
    await reorder(w.buyer, 'SO-1').expect(404);
    await reorder(w.otherAm, theirs.id).expect(403);
    expect((await cartOf(w.buyer)).lines.some((line) => line.productId === theirs.lines[0]?.productId)).toBe(
      false,
    );
  });

  it('orders the cart when an order has no lines, and empties it in the same transaction', async () => {
    const buyer = await newBuyer();
    const a = await createStockedProduct(t, w, 10);
    const b = await createStockedProduct(t, w, 10);
    await t.http
      .post('/api/cart/lines')
      .set(bearer(buyer))
      .send({
        lines: [
          { sku: a.sku, quantity: 2 },
          { sku: b.sku, quantity: 3 },
        ],
      })
      .expect(200);
    const cart = await cartOf(buyer);
    const placed: Order = (await place(buyer, { expectedSubtotal: cart.subtotal }).expect(201)).body;
    // The cart's lines, in the cart's order (the order they were typed in).
    expect(cart.lines.map((line) => [line.productId, line.quantity])).toEqual([
      [a.id, 2],
      [b.id, 3],
    ]);
    expect(placed.lines.map((line) => [line.productId, line.quantity])).toEqual([
      [a.id, 2],
      [b.id, 3],
    ]);
    expect(placed.subtotal).toBe(cart.subtotal);
    expect(await cartOf(buyer)).toMatchObject({ lines: [], subtotal: '0.00' });
  });

  it('leaves the cart as it was when the order is refused', async () => {
    const buyer = await newBuyer();
    const scarce = await createStockedProduct(t, w, 1, { backorderable: false });
    await t.http.put(`/api/cart/lines/${scarce.id}`).set(bearer(buyer)).send({ quantity: 2 }).expect(200);
    await place(buyer, {}).expect(409);
    await place(buyer, { expectedSubtotal: '0.01' }).expect(409);
    expect((await cartOf(buyer)).lines).toEqual([
      expect.objectContaining({ productId: scarce.id, quantity: 2 }),
    ]);
  });
});
