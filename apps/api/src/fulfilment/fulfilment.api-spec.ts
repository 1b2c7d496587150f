import type { Order, Page, PickListOrder } from '@tradecounter/contracts';
import { bearer, createProduct, createWarehouse, TestUser } from '../test-support/fixtures';
import {
  checkOrder,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('fulfilment: pick, pack, ship in parts, deliver, rate', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  async function stocked(onHand: number, bin: string | null = null) {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, onHand);
    await t.dataSource.query(
      'UPDATE stock SET bin_location = $3 WHERE product_id = $1 AND warehouse_code = $2',
      [product.id, w.warehouseCode, bin],
    );
    return product;
  }

  async function place(lines: { productId: string; quantity: number }[], user: TestUser = w.approver) {
    const placed = await placeOrder(t, user, {
      lines,
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    });
    expect(placed.status).toBe(201);
    return placed.body as Order;
  }

  const post = (user: TestUser, path: string, body: unknown = {}) =>
    t.http
      .post(path)
      .set(bearer(user))
      .send(body as object);
  const read = async (id: string, user: TestUser = w.buyer) =>
    (await t.http.get(`/api/orders/${id}`).set(bearer(user)).expect(200)).body as Order;
  const pickList = async (query = '') =>
    (
      await t.http
        .get(`/api/fulfilment/pick-list?warehouseCode=${w.warehouseCode}${query}`)
        .set(bearer(w.warehouse))
        .expect(200)
    ).body as Page<PickListOrder>;
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

  describe('the pick list', () => {
    it('lists orders with reserved units, oldest first, each line with its bin and pickable quantity, in bin order', async () => {
      const other = await createWarehouse(t);
      const a = await stocked(10, 'B-02-1');
      const b = await stocked(10, 'A-01-3');
      const c = await stocked(0); // backordered entirely: nothing to pick
      const first = await place([
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 3 },
        { productId: c.id, quantity: 4 },
      ]);
      const second = await place([{ productId: a.id, quantity: 5 }]);
      const nothing = await place([{ productId: c.id, quantity: 1 }]);

      const list = await pickList('&pageSize=100');
      const ids = list.items.map((order) => order.orderId);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(ids).not.toContain(nothing.id);
      const mine = list.items.find((order) => order.orderId === first.id);
      expect(mine).toMatchObject({
        orderNumber: first.number,
        status: 'confirmed',
        accountCode: w.mine.code,
      });
      expect(mine?.lines.map((line) => [line.sku, line.binLocation, line.pickable])).toEqual([
        [b.sku, 'A-01-3', 3],
        [a.sku, 'B-02-1', 2],
      ]);

      const one = await pickList(`&orderId=${second.id}`);
      expect(one).toMatchObject({ total: 1, items: [{ orderId: second.id }] });
      const elsewhere = await t.http
        .get(`/api/fulfilment/pick-list?warehouseCode=${other.code}`)
        .set(bearer(w.warehouse))
        .expect(200);
      expect(elsewhere.body).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
    });

    it('is for the warehouse and admins only, and names a real warehouse', async () => {
      const path = `/api/fulfilment/pick-list?warehouseCode=${w.warehouseCode}`;
      for (const user of [w.buyer, w.approver, w.am, w.manager]) {
        await t.http.get(path).set(bearer(user)).expect(403);
      }
      await t.http.get(path).set(bearer(w.admin)).expect(200);
      await t.http.get('/api/fulfilment/pick-list').set(bearer(w.warehouse)).expect(400);
      const unknown = await t.http
        .get('/api/fulfilment/pick-list?warehouseCode=NOPE9')
        .set(bearer(w.warehouse))
        .expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'warehouseCode', message: 'is not a known warehouse' }]);
      await t.http.get(`${path}&pageSize=101`).set(bearer(w.warehouse)).expect(400);
      await t.http.get(`${path}&orderId=nope`).set(bearer(w.warehouse)).expect(400);
    });
  });

  it('picks, packs, ships in two parts, delivers; stock and the order follow every step', async () => {
    const a = await stocked(20, 'C-01-1');
    const b = await stocked(6, 'C-02-1');
    const order = await place([
      { productId: a.id, quantity: 8 },
      { productId: b.id, quantity: 6 },
    ]);
    const [la, lb] = order.lines;
    if (!la || !lb) throw new Error('two lines');

    // Buyers cannot move fulfilment; another account's buyer does not even see the order.
    await post(w.buyer, `/api/orders/${order.id}/pick`).expect(403);
    await post(w.otherBuyer, `/api/orders/${order.id}/rating`, { score: 5 }).expect(404);

    const picking = (await post(w.warehouse, `/api/orders/${order.id}/pick`).expect(200)).body as Order;
    expect(picking.status).toBe('picking');
    await post(w.warehouse, `/api/orders/${order.id}/pick`).expect(409);
    await post(w.buyer, `/api/orders/${order.id}/cancel`).expect(409); // picking has started

    await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [] }).expect(400);
    await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [{ weightKg: -1 }] }).expect(400);
    // Packing waits for the check step: every line's units confirmed.
    await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [{}] }).expect(409);
    await checkOrder(t, w.warehouse, order.id);
    const packed = (
      await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [{ weightKg: 12.5 }, {}] }).expect(
        200,
      )
    ).body as Order;
    expect(packed.status).toBe('packed');
    expect(packed.packages).toEqual([
      { packageNo: 1, weightKg: 12.5 },
      { packageNo: 2, weightKg: null },
    ]);

    // First part: 5 of line a, all 6 of line b.
    const first = await post(w.warehouse, `/api/orders/${order.id}/shipments`, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      lines: [
        { orderLineId: la.id, quantity: 5 },
        { orderLineId: lb.id, quantity: 6 },
      ],
    }).expect(201);
    expect(first.body.status).toBe('partially_shipped');
    expect(await stockOf(t, a.id, w.warehouseCode)).toEqual({ onHand: 15, reserved: 3 }); // 20 − 5; 8 − 5
    expect(await stockOf(t, b.id, w.warehouseCode)).toEqual({ onHand: 0, reserved: 0 });
    const partial = await read(order.id);
    expect(partial.lines.map((line) => [line.shipped, line.reserved])).toEqual([
      [5, 3],
      [6, 0],
    ]);
    // Staff may no longer cancel: what shipped cannot be released.
    await post(w.admin, `/api/orders/${order.id}/cancel`, { reason: 'too late' }).expect(409);

    // Second part, another carrier: the 3 that remain.
    const second = (
      await post(w.warehouse, `/api/orders/${order.id}/shipments`, {
        carrier: 'FedEx',
        trackingNumber: '794644790132',
        lines: [{ orderLineId: la.id, quantity: 3 }],
      }).expect(201)
    ).body as Order;
    expect(second.status).toBe('shipped');
    expect(await stockOf(t, a.id, w.warehouseCode)).toEqual({ onHand: 12, reserved: 0 });
    expect(second.shipments).toEqual([
      {
        id: expect.any(String),
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        shippedAt: expect.any(String),
        deliveredAt: null,
        lines: [
          { orderLineId: la.id, quantity: 5 },
          { orderLineId: lb.id, quantity: 6 },
        ],
      },
      {
        id: expect.any(String),
        carrier: 'FedEx',
        trackingNumber: '794644790132',
        trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr=794644790132',
        shippedAt: expect.any(String),
        deliveredAt: null,
        lines: [{ orderLineId: la.id, quantity: 3 }],
      },
    ]);
    await post(w.warehouse, `/api/orders/${order.id}/shipments`, {
      carrier: 'UPS',
      trackingNumber: 'X1',
      lines: [{ orderLineId: la.id, quantity: 1 }],
    }).expect(409);

    // Not rateable before delivery.
    await post(w.buyer, `/api/orders/${order.id}/rating`, { score: 4 }).expect(409);

    const [s1, s2] = second.shipments;
    if (!s1 || !s2) throw new Error('two shipments');
    await post(w.warehouse, `/api/shipments/${s1.id}/deliver`, {
      deliveredAt: new Date(Date.now() + 3_600_000).toISOString(),
    }).expect(400);
    await post(w.warehouse, `/api/shipments/${s1.id}/deliver`, { deliveredAt: ago(86_400_000) }).expect(400);
    await post(w.warehouse, `/api/shipments/${s1.id}/deliver`, { deliveredAt: '2027-01-01' }).expect(400);
    await post(w.buyer, `/api/shipments/${s1.id}/deliver`, { deliveredAt: new Date().toISOString() }).expect(
      403,
    );
    const deliveredAt = s1.shippedAt; // the very instant it left, as the API shows it
    const one = (await post(w.warehouse, `/api/shipments/${s1.id}/deliver`, { deliveredAt }).expect(200))
      .body as Order;
    expect(one.status).toBe('shipped');
    expect(one.shipments[0]?.deliveredAt).toBe(deliveredAt);
    await post(w.warehouse, `/api/shipments/${s1.id}/deliver`, { deliveredAt }).expect(409);
    const both = (
      await post(w.warehouse, `/api/shipments/${s2.id}/deliver`, {
        deliveredAt: new Date().toISOString(),
      }).expect(200)
    ).body as Order;
    expect(both.status).toBe('delivered');

    const events = (await read(order.id)).events;
    expect(events.map((event) => [event.kind, event.from, event.to])).toEqual([
      ['placed', null, 'confirmed'],
      ['picking', 'confirmed', 'picking'],
      ['packed', 'picking', 'packed'],
      ['shipment', 'packed', 'partially_shipped'],
      ['shipment', 'partially_shipped', 'shipped'],
      ['delivered', 'shipped', 'shipped'],
      ['delivered', 'shipped', 'delivered'],
    ]);
    const [row] = (await t.dataSource.query(
      `SELECT data FROM order_events WHERE order_id = $1 AND kind = 'shipment' ORDER BY id LIMIT 1`,
      [order.id],
    )) as { data: unknown }[];
    expect(row?.data).toEqual({
      shipmentId: s1.id,
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      lines: [
        { orderLineId: la.id, sku: a.sku, quantity: 5 },
        { orderLineId: lb.id, sku: b.sku, quantity: 6 },
      ],
    });

    // The rating: customers of the account only, 1–5, once.
    await post(w.warehouse, `/api/orders/${order.id}/rating`, { score: 5 }).expect(403);
    await post(w.buyer, `/api/orders/${order.id}/rating`, { score: 6 }).expect(400);
    await post(w.buyer, `/api/orders/${order.id}/rating`, { score: 4.5 }).expect(400);
    await post(w.buyer, `/api/orders/${order.id}/rating`, { score: 5, extra: 1 }).expect(400);
    const rated = (
      await post(w.buyer, `/api/orders/${order.id}/rating`, {
        score: 4,
        comment: ' Left at reception ',
      }).expect(201)
    ).body as Order;
    expect(rated.rating).toEqual({
      score: 4,
      comment: 'Left at reception',
      at: expect.any(String),
      by: { id: w.buyer.id, name: expect.any(String) },
    });
    await post(w.approver, `/api/orders/${order.id}/rating`, { score: 1 }).expect(409);
    expect((await read(order.id, w.admin)).rating?.score).toBe(4);
  });

  describe('shipping refuses what cannot leave', () => {
    it('answers per line: more than remains, more than is reserved, a line of another order, twice the same line', async () => {
      const stockedProduct = await stocked(3);
      const scarce = await stocked(1);
      const order = await place([
        { productId: stockedProduct.id, quantity: 3 },
        { productId: scarce.id, quantity: 4 }, // 1 reserved, 3 backordered
      ]);
      const elsewhere = await place([{ productId: stockedProduct.id, quantity: 1 }]).catch(() => undefined);
      const [l1, l2] = order.lines;
      if (!l1 || !l2) throw new Error('two lines');
      expect(l2).toMatchObject({ reserved: 1, backordered: 3 });
      const ship = (lines: unknown[]) =>
        post(w.warehouse, `/api/orders/${order.id}/shipments`, {
          carrier: 'DHL',
          trackingNumber: 'T-1',
          lines,
        });

      const over = await ship([
        { orderLineId: l1.id, quantity: 4 },
        { orderLineId: l2.id, quantity: 2 },
      ]).expect(409);
      expect(over.body.errors).toEqual([
        { field: 'lines[0].quantity', message: 'only 3 of 3 remain to ship' },
        {
          field: 'lines[1].quantity',
          message: 'only 1 are in stock for this line; the rest wait for supply',
        },
      ]);
      const foreign = elsewhere?.lines[0]?.id ?? '00000000-0000-4000-8000-000000000000';
      const bad = await ship([
        { orderLineId: foreign, quantity: 1 },
        { orderLineId: l1.id, quantity: 1 },
        { orderLineId: l1.id, quantity: 1 },
      ]).expect(400);
      expect(bad.body.errors).toEqual([
        { field: 'lines[0].orderLineId', message: 'is not a line of this order' },
        { field: 'lines[2].orderLineId', message: 'names a line already in this shipment' },
      ]);
      for (const body of [
        { carrier: 'DHL', trackingNumber: 'T-1', lines: [] },
        { carrier: '', trackingNumber: 'T-1', lines: [{ orderLineId: l1.id, quantity: 1 }] },
        { carrier: 'DHL', trackingNumber: 'has space', lines: [{ orderLineId: l1.id, quantity: 1 }] },
        { carrier: 'DHL', trackingNumber: 'T-1', lines: [{ orderLineId: l1.id, quantity: 0 }] },
        { carrier: 'DHL', trackingNumber: 'T-1', lines: [{ orderLineId: 'x', quantity: 1 }] },
        { carrier: 'DHL', lines: [{ orderLineId: l1.id, quantity: 1 }] },
      ]) {
        await post(w.warehouse, `/api/orders/${order.id}/shipments`, body).expect(400);
      }
      await post(w.warehouse, '/api/orders/not-an-id/shipments', {}).expect(404);
      await post(w.warehouse, '/api/shipments/00000000-0000-4000-8000-000000000000/deliver', {
        deliveredAt: new Date().toISOString(),
      }).expect(404);
      expect(await stockOf(t, stockedProduct.id, w.warehouseCode)).toMatchObject({ onHand: 3 });
    });

    it('never ships a unit twice when shipments of the same line race', async () => {
      const product = await stocked(10);
      const order = await place([{ productId: product.id, quantity: 10 }]);
      const line = order.lines[0];
      if (!line) throw new Error('a line');
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          post(w.warehouse, `/api/orders/${order.id}/shipments`, {
            carrier: 'UPS',
            trackingNumber: `RACE-${i}`,
            lines: [{ orderLineId: line.id, quantity: 3 }],
          }),
        ),
      );
      const statuses = results.map((response) => response.status).sort();
      expect(statuses).toEqual([201, 201, 201, 409, 409, 409]); // 3 × 3 = 9 of 10; a fourth would be 12
      const after = await read(order.id);
      expect(after.lines[0]).toMatchObject({ shipped: 9, reserved: 1 });
      expect(after.shipments).toHaveLength(3);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 1, reserved: 1 });
    });

    it('refuses orders that may not ship: waiting for approval, cancelled', async () => {
      const product = await stocked(100);
      const big = await place([{ productId: product.id, quantity: 50 }], w.buyer); // over the buyer's 500.00
      expect(big.status).toBe('pending_approval');
      const line = big.lines[0]?.id ?? '';
      const ship = () =>
        post(w.warehouse, `/api/orders/${big.id}/shipments`, {
          carrier: 'UPS',
          trackingNumber: 'T',
          lines: [{ orderLineId: line, quantity: 1 }],
        });
      await ship().expect(409);
      await post(w.warehouse, `/api/orders/${big.id}/pick`).expect(409);
      await post(w.approver, `/api/orders/${big.id}/reject`, { reason: 'no' }).expect(200);
      await ship().expect(409);
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 100, reserved: 0 });
    });
  });

  it('staff cancelling a packed order gives back what it reserved, and nothing more', async () => {
    const product = await stocked(10);
    const order = await place([{ productId: product.id, quantity: 4 }]);
    await post(w.warehouse, `/api/orders/${order.id}/pick`).expect(200);
    await checkOrder(t, w.warehouse, order.id);
    await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [{}] }).expect(200);
    await post(w.am, `/api/orders/${order.id}/cancel`, { reason: 'customer called' }).expect(200);
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 0 });
  });

  describe('the warehouse board', () => {
    it('counts orders per queue and lists one queue oldest first', async () => {
      const wh = await createWarehouse(t);
      const product = await createProduct(t);
      await setStock(t, product.id, wh.code, 10);
      const placeAt = async () =>
        (
          await placeOrder(t, w.approver, {
            lines: [{ productId: product.id, quantity: 2 }],
            shippingAddressId: w.mineAddress,
            shipComplete: false,
          }).expect(201)
        ).body as Order;
      await t.dataSource.query('UPDATE accounts SET default_warehouse_code = $1 WHERE id = $2', [
        wh.code,
        w.mine.id,
      ]);
      try {
        const first = await placeAt();
        const second = await placeAt();
        await post(w.warehouse, `/api/orders/${second.id}/pick`).expect(200);
        const queues = await t.http
          .get(`/api/fulfilment/queues?warehouseCode=${wh.code}`)
          .set(bearer(w.warehouse))
          .expect(200);
        expect(queues.body).toEqual({
          warehouseCode: wh.code,
          counts: { confirmed: 1, picking: 1, packed: 0, partially_shipped: 0, shipped: 0 },
        });
        const listed = await t.http
          .get(`/api/fulfilment/orders?warehouseCode=${wh.code}&status=confirmed`)
          .set(bearer(w.warehouse))
          .expect(200);
        expect(listed.body).toMatchObject({
          total: 1,
          items: [{ id: first.id, number: first.number, units: 2, shipped: 0, ready: 2, shipments: 0 }],
        });
        const third = await placeAt();
        const numbers = async (sort: string) =>
          (
            (
              await t.http
                .get(`/api/fulfilment/orders?warehouseCode=${wh.code}&status=confirmed${sort}`)
                .set(bearer(w.warehouse))
                .expect(200)
            ).body.items as Order[]
          ).map((order) => order.number);
        expect(await numbers('')).toEqual([first.number, third.number]);
        expect(await numbers('&sort=placedAt&dir=desc')).toEqual([third.number, first.number]);
        expect(await numbers('&sort=number&dir=desc')).toEqual([third.number, first.number]);
        await t.http
          .get(`/api/fulfilment/orders?warehouseCode=${wh.code}&status=confirmed&sort=units`)
          .set(bearer(w.warehouse))
          .expect(400);
        await t.http
          .get(`/api/fulfilment/orders?warehouseCode=${wh.code}&status=delivered`)
          .set(bearer(w.warehouse))
          .expect(400);
        await t.http.get(`/api/fulfilment/queues?warehouseCode=${wh.code}`).set(bearer(w.buyer)).expect(403);
      } finally {
        await t.dataSource.query('UPDATE accounts SET default_warehouse_code = $1 WHERE id = $2', [
          w.warehouseCode,
          w.mine.id,
        ]);
      }
    });
  });
});
