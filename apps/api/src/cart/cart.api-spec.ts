import type { Cart, PromiseResponse, Quote } from '@tradecounter/contracts';
import { bearer, createProduct, TestUser } from '../test-support/fixtures';
import {
  BuyingWorld,
  countQueries,
  createBuyingWorld,
  createStockedProduct,
  withdraw,
} from '../test-support/buying';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('the cart', () => {
  let t: TestApp;
  let w: BuyingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createBuyingWorld(t);
    // Gold: 10 % off list; tier-wide breaks at 10 (5 %) and 50 (8 %), as in domain.md.
    const tier = await t.http
      .post('/api/price-tiers')
      .set(bearer(w.am))
      .send({ name: `Gold ${w.mine.code}`, discountPercent: '10' })
      .expect(201);
    await t.http
      .put(`/api/price-tiers/${tier.body.id}/breaks`)
      .set(bearer(w.am))
      .set('If-Match', tier.headers['etag'])
      .send([
        { productId: null, minQty: 10, discountPercent: '5' },
        { productId: null, minQty: 50, discountPercent: '8' },
      ])
      .expect(200);
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ priceTierId: tier.body.id })
      .expect(200);
  });
  afterAll(() => t.close());

  const cartOf = async (user: TestUser = w.buyer): Promise<Cart> =>
    (await t.http.get('/api/cart').set(bearer(user)).expect(200)).body;
  const setLine = (productId: string, quantity: unknown, user: TestUser = w.buyer) =>
    t.http.put(`/api/cart/lines/${productId}`).set(bearer(user)).send({ quantity });
  const emptyCart = (user: TestUser = w.buyer) => t.http.delete('/api/cart').set(bearer(user)).expect(200);

  it('starts empty, for the account and its warehouse', async () => {
    const user = w.approver;
    const cart = await cartOf(user);
    expect(cart).toEqual({
      accountId: w.mine.id,
      currency: 'USD',
      warehouseCode: w.warehouseCode,
      lines: [],
      subtotal: '0.00',
      shipComplete: null,
      updatedAt: null,
    });
  });

  it('is priced as a quote and promised as a promise of the same lines', async () => {
    await emptyCart();
    // 12.00 list, 10 in the cart: Gold 10.80, break 5 % → 10.26, line 102.60.
    const gloves = await createStockedProduct(t, w, 40, { listPrice: '12.00' });
    // Cases of 6, at least 12: 18 at 3.35 × 0.9 × 0.95 = 2.864… → 2.86, rounded once at the end.
    const tape = await createStockedProduct(t, w, 100, {
      listPrice: '3.35',
      minOrderQty: 12,
      orderMultiple: 6,
    });
    // 2 in stock, 5 wanted: 3 come from the supplier.
    const short = await createStockedProduct(t, w, 2, { listPrice: '0.99', leadTimeDays: 4 });
    await setLine(gloves.id, 10).expect(200);
    await setLine(tape.id, 18).expect(200);
    const last = await setLine(short.id, 5).expect(200);

    const cart: Cart = last.body;
    const lines = cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
    expect(lines).toEqual([
      { productId: gloves.id, quantity: 10 },
      { productId: tape.id, quantity: 18 },
      { productId: short.id, quantity: 5 },
    ]);
    const quote: Quote = (
      await t.http.post('/api/pricing/quote').set(bearer(w.buyer)).send({ lines }).expect(200)
    ).body;
    const promise: PromiseResponse = (
      await t.http.post('/api/availability/promise').set(bearer(w.buyer)).send({ lines }).expect(200)
    ).body;

    expect(cart.lines[0]).toMatchObject({ unitPrice: '10.26', lineTotal: '102.60', listPrice: '12.00' });
    cart.lines.forEach((line, index) => {
      expect(line.unitPrice).toBe(quote.lines[index]?.unitPrice);
      expect(line.lineTotal).toBe(quote.lines[index]?.lineTotal);
      expect(line.promise.splits).toEqual(promise.lines[index]?.splits);
      expect(line.problem).toBeNull();
    });
    expect(cart.subtotal).toBe(quote.subtotal);
    expect(cart.shipComplete).toEqual(promise.shipComplete);
    expect(cart.warehouseCode).toBe(promise.warehouseCode);
    // The short line: 2 from stock, 3 from the supplier; its own ship-complete date is its last split's.
    const shortLine = cart.lines[2];
    expect(shortLine?.promise.splits.map((split) => [split.qty, split.source])).toEqual([
      [2, 'stock'],
      [3, 'supplier'],
    ]);
    expect(shortLine?.promise.shipComplete.shipDate).toBe(shortLine?.promise.splits[1]?.shipDate);
    expect(cart.updatedAt).toEqual(expect.any(String));
  });

  it('keeps a line whose product is withdrawn, says why it cannot be ordered, and promises the rest', async () => {
    await emptyCart();
    const kept = await createStockedProduct(t, w, 5);
    const gone = await createStockedProduct(t, w, 5, { listPrice: '2.00' });
    const rule = await createStockedProduct(t, w, 50, { backorderable: false });
    await setLine(kept.id, 1).expect(200);
    await setLine(gone.id, 3).expect(200);
    await setLine(rule.id, 60).expect(200);
    await withdraw(t, w.admin, gone.id);
    const cart = await cartOf();
    const [keptLine, goneLine, ruleLine] = cart.lines;
    expect(keptLine?.problem).toBeNull();
    expect(goneLine).toMatchObject({
      productId: gone.id,
      quantity: 3,
      problem: `${gone.sku} is no longer sold; remove it to order the rest`,
      promise: { splits: [] },
    });
    expect(ruleLine?.problem).toBe(`only 50 can be promised and ${rule.sku} cannot be backordered`);
    // Gold: 2.00 × 0.9 = 1.80 × 3.
    expect(goneLine?.lineTotal).toBe('5.40');
  });

  describe('setting a line', () => {
    it('sets, replaces and removes a line; empties the cart', async () => {
      await emptyCart();
      const product = await createStockedProduct(t, w, 10);
      await setLine(product.id, 4).expect(200);
      const replaced = await setLine(product.id, 2).expect(200);
      expect(replaced.body.lines).toEqual([expect.objectContaining({ productId: product.id, quantity: 2 })]);
      const removed = await t.http.delete(`/api/cart/lines/${product.id}`).set(bearer(w.buyer)).expect(200);
      expect(removed.body.lines).toEqual([]);
      // Removing what is not there changes nothing.
      await t.http.delete(`/api/cart/lines/${product.id}`).set(bearer(w.buyer)).expect(200);
      await setLine(product.id, 1).expect(200);
      const emptied = await emptyCart();
      expect(emptied.body).toMatchObject({ lines: [], subtotal: '0.00', shipComplete: null });
    });

    it('refuses what the pack rules refuse, with the reason and the nearest quantity that can be ordered', async () => {
      await emptyCart();
      const cases = await createProduct(t, { minOrderQty: 12, orderMultiple: 6 });
      const multiple = await setLine(cases.id, 15).expect(400);
      expect(multiple.headers['content-type']).toContain('application/problem+json');
      expect(multiple.body).toMatchObject({
        detail: 'The quantity must be a multiple of 6 (sold in packs of 6); 18 would do',
        errors: [{ field: 'quantity', message: 'must be a multiple of 6 (sold in packs of 6)' }],
        suggestedQuantity: 18,
      });
      const minimum = await setLine(cases.id, 6).expect(400);
      expect(minimum.body).toMatchObject({
        errors: [{ field: 'quantity', message: 'must be at least 12 (the minimum order)' }],
        suggestedQuantity: 12,
      });
      // A huge quantity suggests the largest that can be ordered, never one past the maximum.
      const huge = await setLine(cases.id, 10_000_000).expect(400);
      expect(huge.body).toMatchObject({
        detail: 'The quantity must be at most 1000000; 999996 would do',
        suggestedQuantity: 999_996,
      });
      for (const quantity of [0, -1, 1.5, '12', null, 1e9, true]) {
        const response = await setLine(cases.id, quantity).expect(400);
        expect(response.body.errors[0].field).toBe('quantity');
      }
      await t.http.put(`/api/cart/lines/${cases.id}`).set(bearer(w.buyer)).send({}).expect(400);
      await t.http
        .put(`/api/cart/lines/${cases.id}`)
        .set(bearer(w.buyer))
        .send({ quantity: 12, price: 1 })
        .expect(400);
      expect((await cartOf()).lines).toEqual([]);
    });

    it('answers 404 for an unknown product and 400 for one no longer sold', async () => {
      await setLine('00000000-0000-4000-8000-000000000000', 1).expect(404);
      await setLine('not-a-product', 1).expect(404);
      const gone = await createProduct(t);
      await withdraw(t, w.admin, gone.id);
      const refused = await setLine(gone.id, 1).expect(400);
      expect(refused.body.detail).toBe(`${gone.sku} is no longer sold`);
    });

    it('holds at most 500 lines', async () => {
      const user = w.otherApprover;
      const tag = `CAP${Date.now().toString(36)}`.toUpperCase();
      // 500 products and a full cart, written directly: the limit is what is tested here, not 500 requests.
      await t.http.get('/api/cart').set(bearer(user)).expect(200);
      await t.dataSource.query(
        `WITH made AS (
           INSERT INTO products (sku, name, category, unit, list_price)
           SELECT $1 || '-' || n, 'Cap test ' || n, 'Cap test', 'each', 1 FROM generate_series(1, 500) AS n
           RETURNING id)
         , cart AS (INSERT INTO carts (user_id, account_id) VALUES ($2, $3) RETURNING user_id, account_id)
         INSERT INTO cart_lines (user_id, account_id, product_id, quantity)
         SELECT cart.user_id, cart.account_id, made.id, 1 FROM cart, made`,
        [tag, user.id, w.theirs.id],
      );
      const extra = await createProduct(t);
      const refused = await setLine(extra.id, 1, user).expect(400);
      expect(refused.body.detail).toBe('A cart holds at most 500 lines; this would make 501');
      // Changing a line already there is fine.
      const [first] = (await t.dataSource.query('SELECT id FROM products WHERE sku = $1', [`${tag}-1`])) as {
        id: string;
      }[];
      await setLine(first?.id as string, 2, user).expect(200);
      const quick = await t.http
        .post('/api/cart/lines')
        .set(bearer(user))
        .send({ lines: [{ sku: extra.sku, quantity: 1 }] })
        .expect(400);
      expect(quick.body.detail).toBe('A cart holds at most 500 lines; this would make 501');
      const cart = await cartOf(user);
      expect(cart.lines).toHaveLength(500);
      expect(cart.lines.some((line) => line.productId === extra.id)).toBe(false);
      await emptyCart(user);
    });
  });

  it('is each user’s own, and only customers have one', async () => {
    await emptyCart();
    const product = await createStockedProduct(t, w, 3);
    await setLine(product.id, 2).expect(200);
    expect((await cartOf(w.approver)).lines.some((line) => line.productId === product.id)).toBe(false);
    expect((await cartOf(w.otherBuyer)).lines).toEqual([]);
    for (const user of [w.am, w.admin, w.manager, w.warehouse]) {
      await t.http.get('/api/cart').set(bearer(user)).expect(403);
      await setLine(product.id, 1, user).expect(403);
      await t.http.delete('/api/cart').set(bearer(user)).expect(403);
    }
    await t.http.get('/api/cart').expect(401);
  });

  it('is shown in the same number of queries for 2 lines as for 100', async () => {
    const user = w.otherBuyer;
    const products = await Promise.all(
      Array.from({ length: 100 }, (_, index) => createProduct(t, { listPrice: `${index + 1}.25` })),
    );
    for (const product of products.slice(0, 2)) await setLine(product.id, 3, user).expect(200);
    await cartOf(user);
    const small = await countQueries(t, () => cartOf(user));
    const quick = await t.http
      .post('/api/cart/lines')
      .set(bearer(user))
      .send({ lines: products.slice(2).map((product) => ({ sku: product.sku, quantity: 3 })) })
      .expect(200);
    expect(quick.body.cart.lines).toHaveLength(100);
    const large = await countQueries(t, () => cartOf(user));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(4);
  });
});
