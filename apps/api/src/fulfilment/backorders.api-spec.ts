import type { Order, Page, PickListOrder } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import {
  addInbound,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('backorders become pickable when stock arrives', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  async function place(productId: string, quantity: number) {
    const placed = await placeOrder(t, w.approver, {
      lines: [{ productId, quantity }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    }).expect(201);
    return placed.body as Order;
  }
  const read = async (id: string) =>
    (await t.http.get(`/api/orders/${id}`).set(bearer(w.buyer)).expect(200)).body as Order;
  const receive = (inboundId: string) =>
    t.http.post(`/api/inbound/${inboundId}/receive`).set(bearer(w.warehouse)).expect(200);
  const pickable = async (orderIds: string[]) => {
    const list = (
      await t.http
        .get(`/api/fulfilment/pick-list?warehouseCode=${w.warehouseCode}&pageSize=100`)
        .set(bearer(w.warehouse))
        .expect(200)
    ).body as Page<PickListOrder>;
    return list.items
      .filter((order) => orderIds.includes(order.orderId))
      .map((order) => [order.orderId, order.lines[0]?.pickable]);
  };

  it('reserves a receipt’s unpromised units for backordered lines, oldest order first, and re-promises them', async () => {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 0);
    const oldest = await place(product.id, 4);
    const newer = await place(product.id, 5);
    expect(oldest.lines[0]).toMatchObject({ reserved: 0, backordered: 4 });
    expect(await pickable([oldest.id, newer.id])).toEqual([]);

    const inboundId = await addInbound(t, product.id, w.warehouseCode, 6, daysAhead(10));
    await receive(inboundId);

    // 6 arrive: the oldest order's 4, then 2 of the newer order's 5.
    expect((await read(oldest.id)).lines[0]).toMatchObject({ reserved: 4, backordered: 0 });
    const after = await read(newer.id);
    expect(after.lines[0]).toMatchObject({ reserved: 2, backordered: 3 });
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 6, reserved: 6 });
    expect(await pickable([oldest.id, newer.id])).toEqual([
      [oldest.id, 4],
      [newer.id, 2],
    ]);

    // The filled line ships sooner; the first promise is kept, the buyer is told why.
    const line = (await read(oldest.id)).lines[0];
    expect(line && line.currentPromisedDate < line.firstPromisedDate).toBe(true);
    const event = (await read(oldest.id)).events.find((e) => e.kind === 'repromised');
    expect(event?.reason).toMatch(/^Backordered stock arrived at warehouse/);
    // The newer order still waits for 3: its last units keep their supplier date.
    expect(after.lines[0]?.promise.splits.map((split) => split.qty)).toEqual([2, 3]);
  });

  it('gives a receipt’s promised units to their orders first, and only the rest to backorders', async () => {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 0);
    const backordered = await place(product.id, 3); // before the receipt: all backordered
    const inboundId = await addInbound(t, product.id, w.warehouseCode, 5, daysAhead(10));
    const waiting = await place(product.id, 4); // allocated 4 of the receipt's 5
    expect(waiting.lines[0]).toMatchObject({ allocated: 4, reserved: 0, backordered: 0 });

    await receive(inboundId);

    expect((await read(waiting.id)).lines[0]).toMatchObject({ reserved: 4, backordered: 0 });
    expect((await read(backordered.id)).lines[0]).toMatchObject({ reserved: 1, backordered: 2 });
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 5, reserved: 5 });
  });

  it('leaves cancelled and other warehouses’ orders alone, and keeps spare units available', async () => {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 0);
    const cancelled = await place(product.id, 2);
    await t.http.post(`/api/orders/${cancelled.id}/cancel`).set(bearer(w.buyer)).send({}).expect(200);
    const open = await place(product.id, 1);
    const inboundId = await addInbound(t, product.id, w.warehouseCode, 10, daysAhead(10));
    await receive(inboundId);
    expect((await read(cancelled.id)).lines[0]).toMatchObject({ reserved: 0, backordered: 0 });
    expect((await read(open.id)).lines[0]).toMatchObject({ reserved: 1, backordered: 0 });
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 1 });
  });

  it('never hands a unit out twice when receipts, orders and shipments race', async () => {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 0);
    const orders = await Promise.all(Array.from({ length: 5 }, () => place(product.id, 3)));
    const receipts = await Promise.all(
      [4, 4, 4].map((qty) => addInbound(t, product.id, w.warehouseCode, qty, daysAhead(10))),
    );
    const responses = await Promise.all([
      ...receipts.map((id) => t.http.post(`/api/inbound/${id}/receive`).set(bearer(w.warehouse))),
      ...orders
        .slice(3)
        .map((order) => t.http.post(`/api/orders/${order.id}/cancel`).set(bearer(w.buyer)).send({})),
    ]);
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const [row] = (await t.dataSource.query(
      `SELECT coalesce(sum(l.reserved_qty), 0)::int AS reserved FROM order_lines l WHERE l.product_id = $1`,
      [product.id],
    )) as { reserved: number }[];
    const stock = await stockOf(t, product.id, w.warehouseCode);
    expect(stock?.onHand).toBe(12);
    expect(stock?.reserved).toBe(row?.reserved);
    expect(row?.reserved).toBeLessThanOrEqual(9); // the three orders left want 9
  });
});
