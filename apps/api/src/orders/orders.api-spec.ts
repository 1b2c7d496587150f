import type { Order, OrderSummary } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import {
  addInbound,
  createOrderingWorld,
  orderCounts,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { IdempotencyRepository } from './idempotency.repository';

/** A date `days` from today, far enough ahead to be after any promise made now. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('placing orders', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  /** A product with `onHand` units at the test warehouse. */
  async function stocked(onHand: number, fields: Parameters<typeof createProduct>[1] = {}) {
    const product = await createProduct(t, fields);
    await setStock(t, product.id, w.warehouseCode, onHand);
    return product;
  }

  const order = (lines: { productId: string; quantity: number }[], extra: Record<string, unknown> = {}) => ({
    lines,
    shippingAddressId: w.mineAddress,
    shipComplete: false,
    ...extra,
  });

  describe('a buyer’s order', () => {
    it('is priced, promised from stock, inbound and supplier, reserved, and reads back the same', async () => {
      const inStock = await stocked(10);
      const partly = await stocked(2);
      const inboundId = await addInbound(t, partly.id, w.warehouseCode, 10, daysAhead(20));
      const none = await createProduct(t, { listPrice: '5.25' });
      const placed = await placeOrder(
        t,
        w.buyer,
        order(
          [
            { productId: inStock.id, quantity: 4 },
            { productId: partly.id, quantity: 6 },
            { productId: none.id, quantity: 3 },
          ],
          { poNumber: ' PO-1 ', notes: 'Side door' },
        ),
      ).expect(201);
      const body = placed.body as Order;
      // 4 × 12.00 + 6 × 12.00 + 3 × 5.25 = 48.00 + 72.00 + 15.75 = 135.75
      expect(body).toMatchObject({
        accountId: w.mine.id,
        accountCode: w.mine.code,
        status: 'confirmed',
        channel: 'portal',
        poNumber: 'PO-1',
        notes: 'Side door',
        subtotal: '135.75',
        currency: 'USD',
        lineCount: 3,
        warehouseCode: w.warehouseCode,
        shipComplete: false,
        paidAt: null,
        placedBy: { id: w.buyer.id },
        shipments: [],
      });
      expect(body.number).toMatch(/^SO-\d{6,}$/);
      expect(placed.headers['location']).toBe(`/api/orders/${body.id}`);
      expect(body.lines.map((line) => [line.sku, line.unitPrice, line.lineTotal])).toEqual([
        [inStock.sku, '12.00', '48.00'],
        [partly.sku, '12.00', '72.00'],
        [none.sku, '5.25', '15.75'],
      ]);
      expect(body.lines.map((line) => [line.allocated, line.reserved, line.backordered])).toEqual([
        [4, 4, 0],
        [6, 2, 0],
        [0, 0, 3],
      ]);
      expect(body.lines[1]?.promise.splits.map((split) => [split.qty, split.source])).toEqual([
        [2, 'stock'],
        [4, 'inbound'],
      ]);
      for (const line of body.lines) {
        expect(line.firstPromisedDate).toBe(line.promise.splits.at(-1)?.deliveryDate);
        expect(line.currentPromisedDate).toBe(line.firstPromisedDate);
      }
      expect(body.events).toEqual([
        {
          at: body.placedAt,
          by: { id: w.buyer.id, name: expect.any(String) },
          from: null,
          to: 'confirmed',
          kind: 'placed',
          reason: null,
        },
      ]);
      expect(body.shippingAddress).toMatchObject({ id: w.mineAddress, line1: '1 Test Street' });

      expect(await stockOf(t, inStock.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 4 });
      expect(await stockOf(t, partly.id, w.warehouseCode)).toEqual({ onHand: 2, reserved: 2 });
      const [receipt] = await t.dataSource.query('SELECT allocated FROM inbound WHERE id = $1', [inboundId]);
      expect(receipt.allocated).toBe(4);

      const read = await t.http.get(`/api/orders/${body.id}`).set(bearer(w.buyer)).expect(200);
      expect(read.body).toEqual(body);

      // The address is a snapshot: editing it later does not rewrite the order.
      await t.dataSource.query(`UPDATE addresses SET line1 = '9 Moved Road' WHERE id = $1`, [w.mineAddress]);
      const again = await t.http.get(`/api/orders/${body.id}`).set(bearer(w.buyer)).expect(200);
      expect(again.body.shippingAddress.line1).toBe('1 Test Street');
      await t.dataSource.query(`UPDATE addresses SET line1 = '1 Test Street' WHERE id = $1`, [w.mineAddress]);

      const audit = await t.http
        .get(`/api/audit?entity=order&entityId=${body.id}`)
        .set(bearer(w.admin))
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({
        action: 'create',
        after: { number: body.number, status: 'confirmed', subtotal: '135.75' },
      });
    });

    it('promises one date for ship complete and keeps the requested date', async () => {
      const a = await stocked(5);
      const b = await createProduct(t, { leadTimeDays: 15 });
      const requested = daysAhead(60);
      const placed = await placeOrder(
        t,
        w.buyer,
        order(
          [
            { productId: a.id, quantity: 1 },
            { productId: b.id, quantity: 1 },
          ],
          { shipComplete: true, requestedDeliveryDate: requested },
        ),
      ).expect(201);
      const [first, second] = placed.body.lines as Order['lines'];
      expect(first?.firstPromisedDate).toBe(second?.firstPromisedDate);
      expect(first?.firstPromisedDate).toBe(second?.promise.splits.at(-1)?.deliveryDate);
      expect(first?.requestedDate).toBe(requested);
      expect(placed.body.requestedDeliveryDate).toBe(requested);
    });

    it('orders by SKU too', async () => {
      const product = await stocked(3);
      const placed = await t.http
        .post('/api/orders')
        .set(bearer(w.buyer))
        .set('Idempotency-Key', `sku-${product.sku}`)
        .send({
          lines: [{ sku: product.sku, quantity: 2 }],
          shippingAddressId: w.mineAddress,
          shipComplete: false,
        })
        .expect(201);
      expect(placed.body.lines[0]).toMatchObject({ productId: product.id, quantity: 2, reserved: 2 });
    });
  });

  describe('idempotency', () => {
    it('returns the same order for the same key and body, 422 for another body, 400 without a key', async () => {
      const product = await stocked(10);
      const body = order([{ productId: product.id, quantity: 2 }]);
      const first = await placeOrder(t, w.buyer, body, 'key-one').expect(201);
      const second = await placeOrder(t, w.buyer, body, 'key-one').expect(200);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      const other = await placeOrder(
        t,
        w.buyer,
        order([{ productId: product.id, quantity: 3 }]),
        'key-one',
      ).expect(422);
      expect(other.body.errors).toContainEqual(expect.objectContaining({ field: 'Idempotency-Key' }));
      // Keys belong to their user: another user's same key is another order.
      await placeOrder(t, w.approver, body, 'key-one').expect(201);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 4 });

      const missing = await t.http.post('/api/orders').set(bearer(w.buyer)).send(body).expect(400);
      expect(missing.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'is required' }]);
      await placeOrder(t, w.buyer, body, 'has spaces').expect(400);
      await placeOrder(t, w.buyer, body, 'x'.repeat(201)).expect(400);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 4 });
    });

    it('keeps keys for at least 24 hours and prunes those past 48', async () => {
      const insert = (key: string, hoursAgo: number) =>
        t.dataSource.query(
          `INSERT INTO idempotency_keys (user_id, key, request_hash, created_at)
           VALUES ($1, $2, 'x', now() - make_interval(hours => $3))`,
          [w.buyer.id, key, hoursAgo],
        );
      await insert('aged-25h', 25);
      await insert('aged-49h', 49);
      await t.app.get(IdempotencyRepository).prune();
      const kept = (await t.dataSource.query(
        `SELECT key FROM idempotency_keys WHERE user_id = $1 AND key LIKE 'aged-%'`,
        [w.buyer.id],
      )) as { key: string }[];
      expect(kept.map((row) => row.key)).toEqual(['aged-25h']);
    });

    it('treats the same fields in another order as the same body', async () => {
      const product = await stocked(10);
      const first = await placeOrder(
        t,
        w.buyer,
        {
          shipComplete: false,
          shippingAddressId: w.mineAddress,
          lines: [{ quantity: 1, productId: product.id }],
        },
        'key-two',
      ).expect(201);
      const second = await placeOrder(
        t,
        w.buyer,
        order([{ productId: product.id, quantity: 1 }]),
        'key-two',
      ).expect(200);
      expect(second.body.id).toBe(first.body.id);
    });
  });

  describe('bad input: 4xx, reasons, and nothing created', () => {
    const many = (count: number, productId: string) =>
      Array.from({ length: count }, () => ({ productId, quantity: 1 }));

    it.each<
      [string, (p: { id: string; inactive: string; packs: string }) => Record<string, unknown>, string]
    >([
      ['a zero quantity', (p) => order([{ productId: p.id, quantity: 0 }]), 'lines[0].quantity'],
      ['a negative quantity', (p) => order([{ productId: p.id, quantity: -1 }]), 'lines[0].quantity'],
      ['a fractional quantity', (p) => order([{ productId: p.id, quantity: 1.5 }]), 'lines[0].quantity'],
      [
        'a quantity as text',
        (p) => ({ ...order([]), lines: [{ productId: p.id, quantity: '1' }] }),
        'lines[0].quantity',
      ],
      [
        'a null quantity',
        (p) => ({ ...order([]), lines: [{ productId: p.id, quantity: null }] }),
        'lines[0].quantity',
      ],
      ['an absurd quantity', (p) => order([{ productId: p.id, quantity: 1e12 }]), 'lines[0].quantity'],
      [
        'an unknown product',
        () => order([{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }]),
        'lines[0].productId',
      ],
      ['an inactive product', (p) => order([{ productId: p.inactive, quantity: 1 }]), 'lines[0].productId'],
      [
        'a product twice',
        (p) =>
          order([
            { productId: p.id, quantity: 1 },
            { productId: p.id, quantity: 2 },
          ]),
        'lines[1]',
      ],
      ['part of a pack', (p) => order([{ productId: p.packs, quantity: 15 }]), 'lines[0].quantity'],
      ['below the minimum', (p) => order([{ productId: p.packs, quantity: 6 }]), 'lines[0].quantity'],
      [
        'a unit price',
        (p) => ({ ...order([]), lines: [{ productId: p.id, quantity: 1, unitPrice: '0.01' }] }),
        'lines[0].unitPrice',
      ],
      ['a status', (p) => order([{ productId: p.id, quantity: 1 }], { status: 'confirmed' }), 'status'],
      ['a subtotal', (p) => order([{ productId: p.id, quantity: 1 }], { subtotal: '0.01' }), 'subtotal'],
      ['501 lines', (p) => order(many(501, p.id)), 'lines'],
      ['no lines at all', () => order([]), 'lines'],
      ['a null line', () => ({ ...order([]), lines: [null] }), 'lines[0]'],
      [
        "another account's address",
        (p) => order([{ productId: p.id, quantity: 1 }], { shippingAddressId: w.theirsAddress }),
        'shippingAddressId',
      ],
      [
        'an unknown address',
        (p) =>
          order([{ productId: p.id, quantity: 1 }], {
            shippingAddressId: '00000000-0000-4000-8000-000000000000',
          }),
        'shippingAddressId',
      ],
      [
        'no ship-complete choice',
        (p) => ({ lines: [{ productId: p.id, quantity: 1 }], shippingAddressId: w.mineAddress }),
        'shipComplete',
      ],
      [
        'an impossible requested date',
        (p) => order([{ productId: p.id, quantity: 1 }], { requestedDeliveryDate: '2027-02-30' }),
        'requestedDeliveryDate',
      ],
      [
        'a requested date before the earliest delivery',
        (p) => order([{ productId: p.id, quantity: 1 }], { requestedDeliveryDate: daysAhead(0) }),
        'requestedDeliveryDate',
      ],
      [
        'a malformed expected subtotal',
        (p) => order([{ productId: p.id, quantity: 1 }], { expectedSubtotal: 12 }),
        'expectedSubtotal',
      ],
      [
        'a line naming neither product nor SKU',
        () => ({ ...order([]), lines: [{ quantity: 1 }] }),
        'lines[0]',
      ],
    ])('refuses %s', async (_name, make, field) => {
      const product = await stocked(20);
      const inactive = await stocked(20, { active: false });
      const packs = await stocked(100, { minOrderQty: 12, orderMultiple: 6 });
      const before = await orderCounts(t, w.mine.id);
      const response = await placeOrder(
        t,
        w.buyer,
        make({ id: product.id, inactive: inactive.id, packs: packs.id }),
      );
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
      expect(await orderCounts(t, w.mine.id)).toEqual(before);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 20, reserved: 0 });
    });

    it('names every bad line at once', async () => {
      const product = await stocked(20);
      const response = await placeOrder(
        t,
        w.buyer,
        order([
          { productId: product.id, quantity: 1 },
          { productId: '00000000-0000-4000-8000-000000000000', quantity: 1 },
          { productId: product.id, quantity: 1 },
        ]),
      ).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'lines[1].productId',
        'lines[2]',
      ]);
    });

    it('says the cart is empty when there are no lines and no cart', async () => {
      const response = await placeOrder(t, w.buyer, {
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(400);
      expect(response.body.detail).toBe('The cart is empty');
    });

    it('requires a PO number where the account says so', async () => {
      const product = await stocked(5);
      await t.dataSource.query('UPDATE accounts SET requires_po = true WHERE id = $1', [w.mine.id]);
      try {
        const response = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 1 }])).expect(
          400,
        );
        expect(response.body.errors).toEqual([
          { field: 'poNumber', message: 'is required for this account' },
        ]);
        await placeOrder(
          t,
          w.buyer,
          order([{ productId: product.id, quantity: 1 }], { poNumber: '   ' }),
        ).expect(400);
        await placeOrder(
          t,
          w.buyer,
          order([{ productId: product.id, quantity: 1 }], { poNumber: 'PO-7' }),
        ).expect(201);
      } finally {
        await t.dataSource.query('UPDATE accounts SET requires_po = false WHERE id = $1', [w.mine.id]);
      }
    });
  });

  describe('conflicts: 409 and nothing placed', () => {
    it('refuses a product that is not backorderable beyond what can be promised, naming the line', async () => {
      const scarce = await stocked(3, { backorderable: false });
      await addInbound(t, scarce.id, w.warehouseCode, 2, daysAhead(10));
      const plenty = await stocked(50);
      const before = await orderCounts(t, w.mine.id);
      const response = await placeOrder(
        t,
        w.buyer,
        order([
          { productId: plenty.id, quantity: 5 },
          { productId: scarce.id, quantity: 6 },
        ]),
      ).expect(409);
      expect(response.body.errors).toEqual([
        {
          field: 'lines[1].quantity',
          message: `only 5 of ${scarce.sku} can be promised; it is not backorderable`,
        },
      ]);
      expect(await orderCounts(t, w.mine.id)).toEqual(before);
      expect(await stockOf(t, plenty.id, w.warehouseCode)).toEqual({ onHand: 50, reserved: 0 });
      // Stock and the receipt together cover 5.
      const placed = await placeOrder(t, w.buyer, order([{ productId: scarce.id, quantity: 5 }])).expect(201);
      expect(placed.body.lines[0]).toMatchObject({ allocated: 5, reserved: 3, backordered: 0 });
    });

    it('refuses an order whose subtotal is not the one the buyer saw, with the new prices', async () => {
      const product = await stocked(10, { listPrice: '7.50' });
      const response = await placeOrder(
        t,
        w.buyer,
        order([{ productId: product.id, quantity: 2 }], { expectedSubtotal: '14.00' }),
      ).expect(409);
      expect(response.body).toMatchObject({
        status: 409,
        expectedSubtotal: '14.00',
        subtotal: '15.00',
        lines: [
          { productId: product.id, sku: product.sku, quantity: 2, unitPrice: '7.50', lineTotal: '15.00' },
        ],
      });
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 0 });
      await placeOrder(
        t,
        w.buyer,
        order([{ productId: product.id, quantity: 2 }], { expectedSubtotal: '15' }),
      ).expect(201);
    });

    it.each(['on_hold', 'closed'])('refuses any order from an account that is %s', async (status) => {
      const product = await stocked(10);
      await t.dataSource.query('UPDATE accounts SET status = $2 WHERE id = $1', [w.mine.id, status]);
      try {
        const response = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 1 }])).expect(
          409,
        );
        expect(response.body.detail).toContain(status === 'on_hold' ? 'on hold' : 'closed');
      } finally {
        await t.dataSource.query(`UPDATE accounts SET status = 'active' WHERE id = $1`, [w.mine.id]);
      }
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 0 });
    });
  });

  describe('who may place', () => {
    it('lets an account manager order for their own account by phone, and nobody else’s', async () => {
      const product = await stocked(10);
      const placed = await placeOrder(t, w.am, {
        ...order([{ productId: product.id, quantity: 1 }]),
        accountId: w.mine.id,
      }).expect(201);
      expect(placed.body).toMatchObject({
        channel: 'phone',
        accountId: w.mine.id,
        placedBy: { id: w.am.id },
      });
      await placeOrder(t, w.am, {
        ...order([{ productId: product.id, quantity: 1 }], { shippingAddressId: w.theirsAddress }),
        accountId: w.theirs.id,
      }).expect(404);
      const unnamed = await placeOrder(t, w.am, order([{ productId: product.id, quantity: 1 }])).expect(400);
      expect(unnamed.body.errors).toEqual([
        { field: 'accountId', message: 'is required when staff place an order' },
      ]);
      await placeOrder(t, w.admin, {
        ...order([{ productId: product.id, quantity: 1 }], { shippingAddressId: w.theirsAddress }),
        accountId: w.theirs.id,
      }).expect(201);
    });

    it('keeps a customer to their own account whatever accountId they send', async () => {
      const product = await stocked(10);
      const placed = await placeOrder(t, w.buyer, {
        ...order([{ productId: product.id, quantity: 1 }]),
        accountId: w.theirs.id,
      }).expect(201);
      expect(placed.body.accountId).toBe(w.mine.id);
    });

    it('refuses warehouse staff and managers (403)', async () => {
      const product = await stocked(10);
      for (const user of [w.warehouse, w.manager]) {
        await placeOrder(t, user, {
          ...order([{ productId: product.id, quantity: 1 }]),
          accountId: w.mine.id,
        }).expect(403);
      }
    });
  });

  describe('approval, credit, payment and cancellation', () => {
    it('holds an order over the buyer’s limit for an approver of the account, who approves it', async () => {
      const product = await stocked(100);
      // 50 × 12.00 = 600.00, above the buyer's 500.00 limit.
      const placed = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 50 }])).expect(
        201,
      );
      expect(placed.body.status).toBe('pending_approval');
      expect(placed.body.events[0]).toMatchObject({ kind: 'placed', to: 'pending_approval' });
      expect(placed.body.events[0].reason).toMatch(/order limit/);
      const id = placed.body.id as string;
      await t.http.post(`/api/orders/${id}/approve`).set(bearer(w.buyer)).expect(403);
      await t.http.post(`/api/orders/${id}/approve`).set(bearer(w.otherApprover)).expect(404);
      const approved = await t.http.post(`/api/orders/${id}/approve`).set(bearer(w.approver)).expect(200);
      expect(approved.body.status).toBe('confirmed');
      expect(approved.body.events.at(-1)).toMatchObject({
        kind: 'approved',
        from: 'pending_approval',
        to: 'confirmed',
        by: { id: w.approver.id },
      });
      await t.http.post(`/api/orders/${id}/approve`).set(bearer(w.approver)).expect(409);
      // An approver's own big order needs no approval.
      const own = await placeOrder(t, w.approver, order([{ productId: product.id, quantity: 50 }])).expect(
        201,
      );
      expect(own.body.status).toBe('confirmed');
    });

    it('rejects with a reason and releases what the order reserved', async () => {
      const product = await stocked(100);
      const placed = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 50 }])).expect(
        201,
      );
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 100, reserved: 50 });
      await t.http.post(`/api/orders/${placed.body.id}/reject`).set(bearer(w.approver)).send({}).expect(400);
      const rejected = await t.http
        .post(`/api/orders/${placed.body.id}/reject`)
        .set(bearer(w.approver))
        .send({ reason: 'Too many' })
        .expect(200);
      expect(rejected.body.status).toBe('rejected');
      expect(rejected.body.events.at(-1)).toMatchObject({ kind: 'rejected', reason: 'Too many' });
      expect(rejected.body.lines[0]).toMatchObject({ allocated: 0, reserved: 0 });
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 100, reserved: 0 });
    });

    it('puts an order past the credit limit on hold; the account manager releases it; payment lowers exposure', async () => {
      const product = await stocked(1000);
      const credit = async () =>
        (await t.http.get(`/api/accounts/${w.theirs.id}/credit`).set(bearer(w.otherBuyer)).expect(200)).body;
      // Other tests order for this account too: start from a clean slate of paid orders and a 100.00 limit.
      await t.dataSource.query('UPDATE orders SET paid_at = now() WHERE account_id = $1', [w.theirs.id]);
      await t.dataSource.query('UPDATE account_exposure SET exposure = 0 WHERE account_id = $1', [
        w.theirs.id,
      ]);
      await t.dataSource.query(`UPDATE accounts SET credit_limit = 100 WHERE id = $1`, [w.theirs.id]);
      try {
        const within = await placeOrder(t, w.otherBuyer, {
          ...order([{ productId: product.id, quantity: 5 }], { shippingAddressId: w.theirsAddress }),
        }).expect(201);
        expect(within.body.status).toBe('confirmed');
        expect(await credit()).toEqual({
          accountId: w.theirs.id,
          creditLimit: '100.00',
          creditExposure: '60.00',
          availableCredit: '40.00',
          paymentTerms: 'net_30',
          onHold: false,
        });
        // 60.00 + 48.00 > 100.00
        const held = await placeOrder(t, w.otherBuyer, {
          ...order([{ productId: product.id, quantity: 4 }], { shippingAddressId: w.theirsAddress }),
        }).expect(201);
        expect(held.body.status).toBe('on_hold');
        expect((await credit()).availableCredit).toBe('0.00');
        const account = await t.http
          .get(`/api/accounts/${w.theirs.id}`)
          .set(bearer(w.otherBuyer))
          .expect(200);
        expect(account.body.creditExposure).toBe('108.00');

        await t.http.post(`/api/orders/${held.body.id}/release-hold`).set(bearer(w.am)).expect(404);
        await t.http.post(`/api/orders/${held.body.id}/release-hold`).set(bearer(w.otherBuyer)).expect(403);
        const released = await t.http
          .post(`/api/orders/${held.body.id}/release-hold`)
          .set(bearer(w.otherAm))
          .expect(200);
        expect(released.body.status).toBe('confirmed');
        expect(released.body.events.at(-1)).toMatchObject({
          kind: 'hold_released',
          from: 'on_hold',
          to: 'confirmed',
        });
        await t.http.post(`/api/orders/${held.body.id}/release-hold`).set(bearer(w.otherAm)).expect(409);

        await t.http.post(`/api/orders/${within.body.id}/mark-paid`).set(bearer(w.otherAm)).expect(403);
        const paid = await t.http
          .post(`/api/orders/${within.body.id}/mark-paid`)
          .set(bearer(w.manager))
          .expect(200);
        expect(paid.body.paidAt).not.toBeNull();
        expect(paid.body.status).toBe('confirmed');
        expect(paid.body.events.at(-1)).toMatchObject({ kind: 'paid', from: 'confirmed', to: 'confirmed' });
        await t.http.post(`/api/orders/${within.body.id}/mark-paid`).set(bearer(w.admin)).expect(409);
        expect((await credit()).creditExposure).toBe('48.00');
      } finally {
        await t.dataSource.query(`UPDATE accounts SET credit_limit = 1000000 WHERE id = $1`, [w.theirs.id]);
      }
    });

    it('approval runs the credit check: an approved order that passes the limit is held', async () => {
      const product = await stocked(100);
      const placed = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 50 }])).expect(
        201,
      );
      const { creditExposure } = (
        await t.http.get(`/api/accounts/${w.mine.id}/credit`).set(bearer(w.buyer)).expect(200)
      ).body as { creditExposure: string };
      // Leave 599.99 of room besides this order: its 600.00 does not fit.
      const limit = (Number(creditExposure) - 0.01).toFixed(2);
      await t.dataSource.query('UPDATE accounts SET credit_limit = $2 WHERE id = $1', [w.mine.id, limit]);
      try {
        const approved = await t.http
          .post(`/api/orders/${placed.body.id}/approve`)
          .set(bearer(w.approver))
          .expect(200);
        expect(approved.body.status).toBe('on_hold');
        expect(approved.body.events.at(-1)).toMatchObject({ kind: 'approved', to: 'on_hold' });
      } finally {
        await t.dataSource.query(`UPDATE accounts SET credit_limit = 1000000 WHERE id = $1`, [w.mine.id]);
      }
    });

    it('lets the buyer cancel before picking and staff after, releasing stock and inbound', async () => {
      const product = await stocked(4);
      const inboundId = await addInbound(t, product.id, w.warehouseCode, 10, daysAhead(15));
      const first = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 7 }])).expect(201);
      expect(first.body.lines[0]).toMatchObject({ reserved: 4, allocated: 7 });
      const cancelled = await t.http
        .post(`/api/orders/${first.body.id}/cancel`)
        .set(bearer(w.buyer))
        .send({ reason: 'Ordered by mistake' })
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(cancelled.body.events.at(-1)).toMatchObject({
        kind: 'cancelled',
        from: 'confirmed',
        to: 'cancelled',
        reason: 'Ordered by mistake',
      });
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 4, reserved: 0 });
      const [receipt] = await t.dataSource.query('SELECT allocated FROM inbound WHERE id = $1', [inboundId]);
      expect(receipt.allocated).toBe(0);
      await t.http.post(`/api/orders/${first.body.id}/cancel`).set(bearer(w.buyer)).send({}).expect(409);

      const second = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 2 }])).expect(
        201,
      );
      await t.dataSource.query(`UPDATE orders SET status = 'picking' WHERE id = $1`, [second.body.id]);
      const late = await t.http
        .post(`/api/orders/${second.body.id}/cancel`)
        .set(bearer(w.buyer))
        .send({})
        .expect(409);
      expect(late.body.detail).toContain('ask your account manager');
      await t.http.post(`/api/orders/${second.body.id}/cancel`).set(bearer(w.otherAm)).send({}).expect(404);
      await t.http.post(`/api/orders/${second.body.id}/cancel`).set(bearer(w.am)).send({}).expect(200);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 4, reserved: 0 });
    });
  });

  describe('receiving inbound', () => {
    it('turns a receipt’s allocations into the lines’ reserved stock; cancelling then releases stock', async () => {
      const product = await stocked(1);
      const inboundId = await addInbound(t, product.id, w.warehouseCode, 6, daysAhead(12));
      const a = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 3 }])).expect(201);
      const b = await placeOrder(t, w.approver, order([{ productId: product.id, quantity: 2 }])).expect(201);
      expect(a.body.lines[0]).toMatchObject({ reserved: 1, allocated: 3 });
      expect(b.body.lines[0]).toMatchObject({ reserved: 0, allocated: 2 });
      await t.http.post(`/api/inbound/${inboundId}/receive`).set(bearer(w.warehouse)).expect(200);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 7, reserved: 5 });
      const [left] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM order_line_allocations WHERE inbound_id = $1',
        [inboundId],
      );
      expect(left.n).toBe(0);
      const readA = await t.http.get(`/api/orders/${a.body.id}`).set(bearer(w.buyer)).expect(200);
      expect(readA.body.lines[0]).toMatchObject({ reserved: 3, allocated: 3 });
      await t.http.post(`/api/orders/${a.body.id}/cancel`).set(bearer(w.buyer)).send({}).expect(200);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 7, reserved: 2 });
    });
  });

  describe('reading', () => {
    it('shows each caller only the orders they may see; another account’s order is a 404', async () => {
      const product = await stocked(10);
      const mine = await placeOrder(
        t,
        w.buyer,
        order([{ productId: product.id, quantity: 1 }], { poNumber: 'FIND-ME' }),
      ).expect(201);
      const theirs = await placeOrder(t, w.otherBuyer, {
        ...order([{ productId: product.id, quantity: 1 }], { shippingAddressId: w.theirsAddress }),
      }).expect(201);
      const ids = async (user: typeof w.buyer, query = '') =>
        (
          (await t.http.get(`/api/orders?pageSize=100${query}`).set(bearer(user)).expect(200)).body
            .items as OrderSummary[]
        ).map((item) => item.id);
      expect(await ids(w.buyer)).toContain(mine.body.id);
      expect(await ids(w.buyer)).not.toContain(theirs.body.id);
      expect(await ids(w.buyer, `&accountId=${w.theirs.id}`)).not.toContain(theirs.body.id);
      expect(await ids(w.am)).toContain(mine.body.id);
      expect(await ids(w.am)).not.toContain(theirs.body.id);
      expect(await ids(w.warehouse, `&accountId=${w.theirs.id}`)).toContain(theirs.body.id);
      expect(await ids(w.manager, '&search=find-me')).toEqual([mine.body.id]);
      expect(await ids(w.buyer, `&search=${mine.body.number}`)).toEqual([mine.body.id]);
      expect(await ids(w.buyer, '&status=rejected')).not.toContain(mine.body.id);
      expect(await ids(w.buyer, '&channel=phone')).not.toContain(mine.body.id);
      expect(await ids(w.buyer, `&from=${daysAhead(-1)}&to=${daysAhead(1)}`)).toContain(mine.body.id);
      expect(await ids(w.buyer, `&from=${daysAhead(2)}`)).not.toContain(mine.body.id);

      const list = await t.http.get('/api/orders?pageSize=1').set(bearer(w.buyer)).expect(200);
      expect(list.body).toMatchObject({ page: 1, pageSize: 1, total: expect.any(Number) });
      expect(Object.keys(list.body.items[0]).sort()).toEqual(
        [
          'id',
          'number',
          'accountId',
          'accountCode',
          'accountName',
          'status',
          'channel',
          'externalRef',
          'poNumber',
          'subtotal',
          'currency',
          'lineCount',
          'placedAt',
          'placedBy',
          'warehouseCode',
          'shipComplete',
          'paidAt',
        ].sort(),
      );

      for (const user of [w.otherBuyer, w.otherApprover, w.otherAm]) {
        const response = await t.http.get(`/api/orders/${mine.body.id}`).set(bearer(user)).expect(404);
        expect(response.body.detail).toBe('Order not found');
      }
      await t.http.get('/api/orders/00000000-0000-4000-8000-000000000000').set(bearer(w.buyer)).expect(404);
      await t.http.get('/api/orders/not-an-id').set(bearer(w.buyer)).expect(404);
      await t.http.get(`/api/orders/${mine.body.id}`).set(bearer(w.warehouse)).expect(200);
      await t.http.get(`/api/accounts/${w.theirs.id}/credit`).set(bearer(w.buyer)).expect(404);
      await t.http.get('/api/orders?pageSize=101').set(bearer(w.buyer)).expect(400);
      await t.http.get('/api/orders?status=lost').set(bearer(w.buyer)).expect(400);
    });

    it('sorts by a whitelisted field in either direction, ties broken by id; an unknown field is a 400', async () => {
      const product = await stocked(20);
      for (const [quantity, poNumber] of [
        [3, 'SORT-B'],
        [1, 'SORT-C'],
        [2, 'SORT-A'],
      ] as const) {
        await placeOrder(t, w.buyer, order([{ productId: product.id, quantity }], { poNumber })).expect(201);
      }
      const listed = async (query: string, pageSize = 100) =>
        (
          (
            await t.http
              .get(`/api/orders?search=sort-&pageSize=${pageSize}${query}`)
              .set(bearer(w.buyer))
              .expect(200)
          ).body.items as OrderSummary[]
        ).map((item) => item.poNumber);
      expect(await listed('')).toEqual(['SORT-A', 'SORT-C', 'SORT-B']);
      expect(await listed('&sort=placedAt&dir=asc')).toEqual(['SORT-B', 'SORT-C', 'SORT-A']);
      expect(await listed('&sort=poNumber')).toEqual(['SORT-A', 'SORT-B', 'SORT-C']);
      expect(await listed('&sort=subtotal&dir=desc')).toEqual(['SORT-B', 'SORT-A', 'SORT-C']);
      expect(await listed('&sort=number&dir=desc')).toEqual(['SORT-A', 'SORT-C', 'SORT-B']);

      const pages = [];
      for (const page of [1, 2, 3]) pages.push(...(await listed(`&sort=status&page=${page}`, 1)));
      expect(pages.sort()).toEqual(['SORT-A', 'SORT-B', 'SORT-C']);

      const unknown = await t.http.get('/api/orders?sort=password').set(bearer(w.buyer)).expect(400);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(unknown.body)).toContain(
        'sort must be one of: placedAt, number, poNumber, status, subtotal',
      );
      await t.http.get('/api/orders?sort=placedAt&dir=up').set(bearer(w.buyer)).expect(400);
    });

    it('lists a buyer’s open lines with their current promise', async () => {
      const product = await stocked(10);
      const placed = await placeOrder(t, w.buyer, order([{ productId: product.id, quantity: 3 }])).expect(
        201,
      );
      const open = await t.http.get('/api/orders/open-lines?pageSize=100').set(bearer(w.buyer)).expect(200);
      const line = (open.body.items as { orderLineId: string }[]).find(
        (item) => item.orderLineId === placed.body.lines[0].id,
      );
      expect(line).toEqual({
        orderId: placed.body.id,
        orderNumber: placed.body.number,
        orderLineId: placed.body.lines[0].id,
        productId: product.id,
        sku: product.sku,
        name: product.name,
        ordered: 3,
        shipped: 0,
        open: 3,
        currentPromisedDate: placed.body.lines[0].currentPromisedDate,
        status: 'confirmed',
      });
      const theirs = await t.http
        .get('/api/orders/open-lines?pageSize=100')
        .set(bearer(w.otherBuyer))
        .expect(200);
      expect(
        (theirs.body.items as { orderId: string }[]).some((item) => item.orderId === placed.body.id),
      ).toBe(false);
      const numbers = async (query: string) =>
        (
          (await t.http.get(`/api/orders/open-lines?pageSize=100${query}`).set(bearer(w.buyer)).expect(200))
            .body.items as { orderNumber: string }[]
        ).map((item) => item.orderNumber);
      const byNumber = await numbers('&sort=orderNumber&dir=desc');
      expect(byNumber).toEqual([...byNumber].sort().reverse());
      await t.http.get('/api/orders/open-lines?sort=placedAt').set(bearer(w.buyer)).expect(400);
    });
  });
});
