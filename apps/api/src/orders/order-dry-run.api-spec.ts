import { randomUUID } from 'node:crypto';
import type { Order, OrderPreview } from '@tradecounter/contracts';
import { bearer, createProduct, TestUser } from '../test-support/fixtures';
import {
  createOrderingWorld,
  orderCounts,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('a dry run of placing an order (POST /api/orders?dryRun=true)', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  async function stocked(onHand: number) {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, onHand);
    return product;
  }

  const order = (lines: { productId: string; quantity: number }[], extra: Record<string, unknown> = {}) => ({
    lines,
    shippingAddressId: w.mineAddress,
    shipComplete: false,
    ...extra,
  });

  const dryRun = (user: TestUser, body: Record<string, unknown>) =>
    t.http.post('/api/orders?dryRun=true').set(bearer(user)).send(body);

  async function nameOf(user: TestUser): Promise<string> {
    const [row] = (await t.dataSource.query('SELECT name FROM users WHERE id = $1', [user.id])) as {
      name: string;
    }[];
    return row?.name ?? '';
  }

  const keyCount = async () =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM idempotency_keys')) as { n: number }[])[0]?.n;

  /** What a preview says of its lines, in the shape of a placed order's lines. */
  const previewLines = (preview: OrderPreview) =>
    preview.lines.map((line) => [line.sku, line.quantity, line.unitPrice, line.lineTotal, line.promisedDate]);
  const placedLines = (placed: Order) =>
    placed.lines.map((line) => [
      line.sku,
      line.quantity,
      line.unitPrice,
      line.lineTotal,
      line.firstPromisedDate,
    ]);

  it('says an order over the buyer’s limit needs approval, by whom, and writes nothing; placing agrees', async () => {
    const product = await stocked(100);
    const before = { counts: await orderCounts(t, w.mine.id), keys: await keyCount() };
    const body = order([{ productId: product.id, quantity: 50 }]);
    const key = randomUUID();
    // 50 × 12.00 = 600.00, over the buyer's 500.00 limit. A key sent with a dry run is not claimed.
    const preview = (await dryRun(w.buyer, body).set('Idempotency-Key', key).expect(200))
      .body as OrderPreview;
    expect(preview).toMatchObject({
      accountId: w.mine.id,
      accountName: w.mine.name,
      currency: 'USD',
      warehouseCode: w.warehouseCode,
      shipComplete: false,
      subtotal: '600.00',
      outcome: {
        kind: 'needs_approval',
        status: 'pending_approval',
        orderTotal: '600.00',
        orderLimit: '500.00',
        overBy: '100.00',
        approvers: [{ id: w.approver.id, name: await nameOf(w.approver) }],
      },
    });
    expect(preview.lines[0]).toMatchObject({ lineNo: 1, fromStock: 50, fromInbound: 0, backordered: 0 });
    expect(await orderCounts(t, w.mine.id)).toEqual(before.counts);
    expect(await keyCount()).toBe(before.keys);
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 100, reserved: 0 });

    // The same key now places the order (201, not a replay of anything).
    const placed = (await placeOrder(t, w.buyer, body, key).expect(201)).body as Order;
    expect(placed.status).toBe(preview.outcome.status);
    expect(placed.subtotal).toBe(preview.subtotal);
    expect(placedLines(placed)).toEqual(previewLines(preview));

    // The approver then sees how far over the buyer's limit it is.
    const facts = await t.http.get(`/api/orders/${placed.id}/approval`).set(bearer(w.approver)).expect(200);
    expect(facts.body).toEqual({
      orderId: placed.id,
      status: 'pending_approval',
      orderTotal: '600.00',
      orderLimit: '500.00',
      overBy: '100.00',
      placedBy: { id: w.buyer.id, name: await nameOf(w.buyer) },
    });
    await t.http.get(`/api/orders/${placed.id}/approval`).set(bearer(w.otherApprover)).expect(404);
  });

  it('says an approver’s own order of the same size is placed', async () => {
    const product = await stocked(100);
    const body = order([{ productId: product.id, quantity: 50 }]);
    const preview = (await dryRun(w.approver, body).expect(200)).body as OrderPreview;
    expect(preview.outcome).toEqual({ kind: 'placed', status: 'confirmed', orderTotal: '600.00' });
    const placed = (await placeOrder(t, w.approver, body).expect(201)).body as Order;
    expect(placed.status).toBe('confirmed');
  });

  it('says an order past the credit limit goes on hold with the available credit, for the buyer and by phone; placing agrees', async () => {
    const product = await stocked(1000);
    await t.dataSource.query('UPDATE orders SET paid_at = now() WHERE account_id = $1', [w.theirs.id]);
    await t.dataSource.query('UPDATE account_exposure SET exposure = 0 WHERE account_id = $1', [w.theirs.id]);
    await t.dataSource.query('UPDATE accounts SET credit_limit = 100 WHERE id = $1', [w.theirs.id]);
    try {
      const body = order([{ productId: product.id, quantity: 10 }], { shippingAddressId: w.theirsAddress });
      // 10 × 12.00 = 120.00 against 100.00 of credit.
      const expected = {
        kind: 'credit_hold',
        status: 'on_hold',
        orderTotal: '120.00',
        creditLimit: '100.00',
        creditExposure: '0.00',
        availableCredit: '100.00',
        overBy: '20.00',
      };
      const buyers = (await dryRun(w.otherBuyer, body).expect(200)).body as OrderPreview;
      expect(buyers.outcome).toEqual(expected);
      const phone = { ...body, accountId: w.theirs.id };
      const staff = (await dryRun(w.otherAm, phone).expect(200)).body as OrderPreview;
      expect(staff.outcome).toEqual(expected);
      expect(staff.accountName).toBe(w.theirs.name);
      // Another account manager's account is not found, as for placing.
      await dryRun(w.am, phone).expect(404);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 1000, reserved: 0 });

      const placed = (await placeOrder(t, w.otherAm, phone).expect(201)).body as Order;
      expect(placed.status).toBe(staff.outcome.status);
      expect(placedLines(placed)).toEqual(previewLines(staff));
      // Now 120.00 is exposed: nothing left.
      const after = (
        await dryRun(
          w.otherBuyer,
          order([{ productId: product.id, quantity: 1 }], {
            shippingAddressId: w.theirsAddress,
          }),
        ).expect(200)
      ).body as OrderPreview;
      expect(after.outcome).toMatchObject({ kind: 'credit_hold', availableCredit: '0.00', overBy: '32.00' });
    } finally {
      await t.dataSource.query('UPDATE accounts SET credit_limit = 1000000 WHERE id = $1', [w.theirs.id]);
    }
  });

  it('previews the cart without emptying it', async () => {
    const product = await stocked(10);
    await t.http
      .put(`/api/cart/lines/${product.id}`)
      .set(bearer(w.approver))
      .send({ quantity: 2 })
      .expect(200);
    const preview = (
      await dryRun(w.approver, { shippingAddressId: w.mineAddress, shipComplete: true }).expect(200)
    ).body as OrderPreview;
    expect(preview).toMatchObject({ subtotal: '24.00', shipComplete: true, outcome: { kind: 'placed' } });
    expect(preview.earliestDelivery).toBe(preview.lines[0]?.promisedDate);
    const cart = await t.http.get('/api/cart').set(bearer(w.approver)).expect(200);
    expect(cart.body.lines).toHaveLength(1);
    await t.http.delete(`/api/cart/lines/${product.id}`).set(bearer(w.approver));
  });

  it('does not ask for the PO number an account requires (it is given at checkout); placing does', async () => {
    const product = await stocked(10);
    await t.dataSource.query('UPDATE accounts SET requires_po = true WHERE id = $1', [w.mine.id]);
    try {
      const body = order([{ productId: product.id, quantity: 1 }]);
      const preview = (await dryRun(w.approver, body).expect(200)).body as OrderPreview;
      expect(preview.outcome.kind).toBe('placed');
      await placeOrder(t, w.approver, body).expect(400);
    } finally {
      await t.dataSource.query('UPDATE accounts SET requires_po = false WHERE id = $1', [w.mine.id]);
    }
  });

  it('refuses what placing refuses, and a dryRun that is not a boolean', async () => {
    const product = await stocked(10);
    const body = order([{ productId: product.id, quantity: 1 }]);
    await t.http.post('/api/orders?dryRun=maybe').set(bearer(w.buyer)).send(body).expect(400);
    await dryRun(w.buyer, { ...body, expectedSubtotal: '1.00' }).expect(409);
    await dryRun(w.am, body).expect(400); // staff name the account
    await dryRun(w.warehouse, { ...body, accountId: w.mine.id }).expect(403);
    // Without dryRun the key is still required.
    await t.http.post('/api/orders?dryRun=false').set(bearer(w.buyer)).send(body).expect(400);
  });
});
