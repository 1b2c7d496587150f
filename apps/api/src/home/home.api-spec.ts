import type { BuyAgainItem, Order, OrderStatus, WorkCounts } from '@tradecounter/contracts';
import { withdraw } from '../test-support/buying';
import { bearer, createProduct, TestUser } from '../test-support/fixtures';
import {
  backdateOrder,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('every role at its work: order again and work counts', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  const product = async (
    fields: { listPrice?: string; minOrderQty?: number; orderMultiple?: number } = {},
  ) => {
    const created = await createProduct(t, fields);
    await setStock(t, created.id, w.warehouseCode, 1000);
    return created;
  };
  const place = async (user: TestUser, lines: { productId: string; quantity: number }[]): Promise<Order> => {
    const address = user.accountId === w.mine.id ? w.mineAddress : w.theirsAddress;
    return (await placeOrder(t, user, { shippingAddressId: address, shipComplete: false, lines }).expect(201))
      .body;
  };
  const setStatus = (id: string, status: OrderStatus) =>
    t.dataSource.query('UPDATE orders SET status = $2 WHERE id = $1', [id, status]);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const buyAgain = async (user: TestUser, query = ''): Promise<BuyAgainItem[]> =>
    (await t.http.get(`/api/me/buy-again${query}`).set(bearer(user)).expect(200)).body;
  const counts = async (user: TestUser): Promise<WorkCounts> =>
    (await t.http.get('/api/me/work-counts').set(bearer(user)).expect(200)).body;

  it("lists the account's products of the last 12 months, newest first, with the last price, and nothing else", async () => {
    const often = await product({ listPrice: '10.00' });
    const packed = await product({ listPrice: '3.50', minOrderQty: 6, orderMultiple: 6 });
    const cancelledOnly = await product();
    const tooOld = await product();
    const withdrawn = await product();
    const theirsOnly = await product();

    const first = await place(w.approver, [
      { productId: often.id, quantity: 2 },
      { productId: tooOld.id, quantity: 1 },
    ]);
    await backdateOrder(t, first.id, daysAgo(400));
    const second = await place(w.approver, [{ productId: often.id, quantity: 4 }]);
    await backdateOrder(t, second.id, daysAgo(30));
    await t.dataSource.query("UPDATE order_lines SET unit_price = '9.25' WHERE order_id = $1", [second.id]);
    const third = await place(w.approver, [
      { productId: packed.id, quantity: 12 },
      { productId: withdrawn.id, quantity: 1 },
      { productId: often.id, quantity: 1 },
    ]);
    await backdateOrder(t, third.id, daysAgo(60));
    const cancelled = await place(w.approver, [{ productId: cancelledOnly.id, quantity: 1 }]);
    await setStatus(cancelled.id, 'cancelled');
    await withdraw(t, w.admin, withdrawn.id);
    await place(w.otherBuyer, [{ productId: theirsOnly.id, quantity: 1 }]);

    const items = await buyAgain(w.buyer);
    expect(items.map((item) => item.sku)).toEqual([often.sku, packed.sku]);
    expect(items[0]).toEqual({
      productId: often.id,
      sku: often.sku,
      name: often.name,
      unit: 'each',
      minOrderQty: 1,
      orderMultiple: 1,
      lastUnitPrice: '9.25',
      currency: 'USD',
      lastQuantity: 4,
      lastOrderedAt: expect.any(String),
      lastOrderId: second.id,
      lastOrderNumber: second.number,
      timesOrdered: 2,
    });
    expect(items[1]).toMatchObject({ minOrderQty: 6, orderMultiple: 6, lastQuantity: 12, timesOrdered: 1 });
    expect(Date.parse(items[0]?.lastOrderedAt ?? '')).toBeGreaterThan(
      Date.parse(items[1]?.lastOrderedAt ?? ''),
    );

    // The limit, and the other account sees only its own.
    expect((await buyAgain(w.buyer, '?limit=1')).map((item) => item.sku)).toEqual([often.sku]);
    expect((await buyAgain(w.otherBuyer)).map((item) => item.sku)).toEqual([theirsOnly.sku]);
  });

  it('refuses a bad limit with a 400 and staff with a 403', async () => {
    for (const limit of ['0', '51', 'x', '1.5']) {
      const response = await t.http.get(`/api/me/buy-again?limit=${limit}`).set(bearer(w.buyer)).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    for (const user of [w.am, w.manager, w.warehouse, w.admin]) {
      await t.http.get('/api/me/buy-again').set(bearer(user)).expect(403);
    }
  });

  it("answers each role only its own counts, within the caller's accounts", async () => {
    const item = await product();
    const before = {
      am: await counts(w.am),
      otherAm: await counts(w.otherAm),
      manager: await counts(w.manager),
      warehouse: await counts(w.warehouse),
      admin: await counts(w.admin),
    };
    const waiting = await place(w.approver, [{ productId: item.id, quantity: 1 }]);
    await setStatus(waiting.id, 'pending_approval');
    const theirsWaiting = await place(w.otherApprover, [{ productId: item.id, quantity: 1 }]);
    await setStatus(theirsWaiting.id, 'pending_approval');
    const held = await place(w.approver, [{ productId: item.id, quantity: 1 }]);
    await setStatus(held.id, 'on_hold');
    const toPick = await place(w.approver, [{ productId: item.id, quantity: 1 }]);
    await setStatus(toPick.id, 'picking');
    await t.http.put(`/api/cart/lines/${item.id}`).set(bearer(w.buyer)).send({ quantity: 2 }).expect(200);

    const approver = await counts(w.approver);
    const [mineWaiting] = (await t.dataSource.query(
      "SELECT count(*)::int AS n FROM orders WHERE account_id = $1 AND status = 'pending_approval'",
      [w.mine.id],
    )) as { n: number }[];
    expect(Object.keys(approver).sort()).toEqual(['approvals', 'cartLines', 'unreadNotifications']);
    expect(approver.approvals).toBe(mineWaiting?.n);

    const buyer = await counts(w.buyer);
    expect(Object.keys(buyer).sort()).toEqual(['cartLines', 'unreadNotifications']);
    expect(buyer.cartLines).toBe(1);

    const am = await counts(w.am);
    expect(Object.keys(am).sort()).toEqual(['creditHolds', 'unreadNotifications']);
    expect(am.creditHolds).toBe((before.am.creditHolds ?? 0) + 1);
    // Another account manager's accounts are not theirs.
    expect((await counts(w.otherAm)).creditHolds).toBe(before.otherAm.creditHolds);

    const manager = await counts(w.manager);
    expect(Object.keys(manager).sort()).toEqual(['creditHolds', 'unreadNotifications']);
    expect(manager.creditHolds).toBe((before.manager.creditHolds ?? 0) + 1);

    const warehouse = await counts(w.warehouse);
    expect(Object.keys(warehouse).sort()).toEqual(['fulfilmentQueue', 'unreadNotifications']);
    // The placed orders that stayed confirmed, and the one being picked.
    expect(warehouse.fulfilmentQueue).toBeGreaterThanOrEqual((before.warehouse.fulfilmentQueue ?? 0) + 1);

    const admin = await counts(w.admin);
    expect(Object.keys(admin).sort()).toEqual([
      'approvals',
      'creditHolds',
      'fulfilmentQueue',
      'unreadNotifications',
    ]);
    expect(admin.approvals).toBe((before.admin.approvals ?? 0) + 2);
  });

  it("counts the caller's unread notifications", async () => {
    const [row] = (await t.dataSource.query(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [w.approver.id],
    )) as { n: number }[];
    expect((await counts(w.approver)).unreadNotifications).toBe(row?.n);
    await t.http.post('/api/notifications/read-all').set(bearer(w.approver)).expect(200);
    expect((await counts(w.approver)).unreadNotifications).toBe(0);
  });
});
