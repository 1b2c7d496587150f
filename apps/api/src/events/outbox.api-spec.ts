import type { Order } from '@tradecounter/contracts';
import type { OutboxOrderEvent } from '@tradecounter/domain';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/**
 * The outbox row of an order event exists exactly when the change commits:
 * the trigger writes it in the same transaction, whatever code wrote the
 * event. (No dispatcher runs here: these rows are only looked at.)
 */
describe('the transactional outbox', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  const outboxOf = async (orderId: string) =>
    (await t.dataSource.query(`SELECT topic, payload FROM outbox WHERE aggregate_id = $1 ORDER BY id`, [
      orderId,
    ])) as { topic: string; payload: OutboxOrderEvent }[];

  async function place(quantity: number): Promise<Order> {
    const product = await createProduct(t, { listPrice: '10.00' });
    await setStock(t, product.id, w.warehouseCode, 1000);
    const response = await placeOrder(t, w.buyer, {
      lines: [{ productId: product.id, quantity }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    }).expect(201);
    return response.body as Order;
  }

  it('writes one row per event of a committed placement and transition, with what a subscriber needs', async () => {
    const order = await place(60); // 600.00 over the buyer's 500.00 limit: waits for approval
    await t.http.post(`/api/orders/${order.id}/approve`).set(bearer(w.approver)).expect(200);

    const rows = await outboxOf(order.id);
    const [eventIds] = (await t.dataSource.query(
      `SELECT array_agg(id::text ORDER BY id) AS ids FROM order_events WHERE order_id = $1`,
      [order.id],
    )) as { ids: string[] }[];
    expect(rows.map((row) => row.topic)).toEqual(['order.placed', 'order.approved']);
    expect(rows.map((row) => row.payload.eventId)).toEqual(eventIds?.ids);
    expect(rows[0]?.payload).toMatchObject({
      orderId: order.id,
      orderNumber: order.number,
      accountId: w.mine.id,
      accountCode: w.mine.code,
      placedBy: w.buyer.id,
      actorId: w.buyer.id,
      subtotal: '600.00',
      kind: 'placed',
      from: null,
      to: 'pending_approval',
    });
    expect(rows[1]?.payload).toMatchObject({ kind: 'approved', from: 'pending_approval', to: 'confirmed' });
  });

  it('leaves no row when the transaction that wrote the event rolls back', async () => {
    const order = await place(1);
    const before = (await outboxOf(order.id)).length;
    await expect(
      t.dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO order_events (order_id, kind, from_status, to_status) VALUES ($1, 'cancelled', 'confirmed', 'cancelled')`,
          [order.id],
        );
        const [inside] = (await tx.query(`SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1`, [
          order.id,
        ])) as { n: number }[];
        expect(inside?.n).toBe(before + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await outboxOf(order.id)).toHaveLength(before);
  });

  it('leaves no row when a placement fails after writing its order and events', async () => {
    // A real failure late in the placement transaction: the audit entry of the new order is refused.
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION tc_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER tc_test_refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW
       WHEN (NEW.account_id = '${w.theirs.id}') EXECUTE FUNCTION tc_test_refuse()`,
    );
    try {
      const product = await createProduct(t);
      await setStock(t, product.id, w.warehouseCode, 1000);
      await placeOrder(t, w.otherBuyer, {
        lines: [{ productId: product.id, quantity: 1 }],
        shippingAddressId: w.theirsAddress,
        shipComplete: false,
      }).expect(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER tc_test_refuse_audit ON audit_entries`);
    }
    const [counts] = (await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM orders WHERE account_id = $1) AS orders,
              (SELECT count(*)::int FROM outbox WHERE payload ->> 'accountId' = $1::text) AS outbox`,
      [w.theirs.id],
    )) as { orders: number; outbox: number }[];
    expect(counts).toEqual({ orders: 0, outbox: 0 });
  });

  it('can be skipped for a bulk load of history', async () => {
    const order = await place(1);
    const before = (await outboxOf(order.id)).length;
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL tradecounter.outbox = 'off'`);
      await tx.query(`INSERT INTO order_events (order_id, kind) VALUES ($1, 'paid')`, [order.id]);
    });
    expect(await outboxOf(order.id)).toHaveLength(before);
  });
});
