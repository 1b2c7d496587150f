import type { Order } from '@tradecounter/contracts';
import { bearer, createProduct, TestUser } from '../test-support/fixtures';
import {
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('ship complete: one shipment unless staff override with a reason', () => {
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

  async function place(lines: { productId: string; quantity: number }[], shipComplete: boolean) {
    const placed = await placeOrder(t, w.approver, { lines, shippingAddressId: w.mineAddress, shipComplete });
    expect(placed.status).toBe(201);
    return placed.body as Order;
  }

  const ship = (orderId: string, body: Record<string, unknown>, user: TestUser = w.warehouse) =>
    t.http
      .post(`/api/orders/${orderId}/shipments`)
      .set(bearer(user))
      .send({ carrier: 'UPS', trackingNumber: '1Z999AA10123456784', ...body });
  const read = async (id: string) =>
    (await t.http.get(`/api/orders/${id}`).set(bearer(w.warehouse)).expect(200)).body as Order;

  it('refuses a partial shipment with 409 naming what it leaves behind; nothing leaves stock', async () => {
    const a = await stocked(10);
    const b = await stocked(2); // 5 ordered: 2 in stock, 3 from the supplier
    const order = await place(
      [
        { productId: a.id, quantity: 4 },
        { productId: b.id, quantity: 5 },
      ],
      true,
    );
    const [la, lb] = order.lines;
    if (!la || !lb) throw new Error('two lines');

    const refused = await ship(order.id, {
      lines: [
        { orderLineId: la.id, quantity: 4 },
        { orderLineId: lb.id, quantity: 2 },
      ],
    }).expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'https://tradecounter.dev/problems/ship-complete',
      title: 'This order ships complete',
      status: 409,
      detail:
        `Order ${order.number} ships complete: all lines in one shipment. ` +
        `This shipment would leave 3 units behind: ${b.sku} (3 left). ` +
        'Ship everything that remains, or override with a reason.',
    });
    expect(await stockOf(t, a.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 4 });
    const after = await read(order.id);
    expect(after.status).toBe('confirmed');
    expect(after.shipments).toEqual([]);
    expect(after.lines.map((line) => line.shipped)).toEqual([0, 0]);
  });

  it('lets staff override with a reason: the shipment goes and the override is an order event (who, why)', async () => {
    const a = await stocked(10);
    const b = await stocked(0);
    const order = await place(
      [
        { productId: a.id, quantity: 3 },
        { productId: b.id, quantity: 2 },
      ],
      true,
    );
    const [la] = order.lines;
    if (!la) throw new Error('a line');
    const lines = [{ orderLineId: la.id, quantity: 3 }];

    // A reason that says nothing is a field error, not an override.
    const blank = await ship(order.id, { lines, overrideShipComplete: { reason: '   ' } }).expect(400);
    expect(blank.body.errors).toEqual([
      { field: 'overrideShipComplete.reason', message: 'reason must say why' },
    ]);
    await ship(order.id, { lines, overrideShipComplete: 'yes' }).expect(400);
    await ship(order.id, { lines, overrideShipComplete: {} }).expect(400);
    await ship(order.id, { lines, overrideShipComplete: null }).expect(400);
    // Only the warehouse (and admins) ship at all.
    await ship(order.id, { lines, overrideShipComplete: { reason: 'Customer asked' } }, w.buyer).expect(403);

    const shipped = (
      await ship(order.id, {
        lines,
        overrideShipComplete: { reason: '  Customer asked for the stocked line now  ' },
      }).expect(201)
    ).body as Order;
    expect(shipped.status).toBe('partially_shipped');
    expect(shipped.shipments).toHaveLength(1);
    const kinds = shipped.events.map((event) => event.kind);
    expect(kinds.slice(-2)).toEqual(['ship_complete_overridden', 'shipment']);
    expect(shipped.events.at(-2)).toMatchObject({
      kind: 'ship_complete_overridden',
      by: { id: w.warehouse.id },
      from: 'confirmed',
      to: 'confirmed',
      reason: 'Customer asked for the stocked line now',
    });
    expect(await stockOf(t, a.id, w.warehouseCode)).toEqual({ onHand: 7, reserved: 0 });
  });

  it('ships a ship-complete order in one shipment of everything, with no override and no extra event', async () => {
    const a = await stocked(10);
    const b = await stocked(10);
    const order = await place(
      [
        { productId: a.id, quantity: 4 },
        { productId: b.id, quantity: 5 },
      ],
      true,
    );
    const [la, lb] = order.lines;
    if (!la || !lb) throw new Error('two lines');
    const shipped = (
      await ship(order.id, {
        lines: [
          { orderLineId: la.id, quantity: 4 },
          { orderLineId: lb.id, quantity: 5 },
        ],
        // Not needed: nothing is left behind, so nothing is recorded as overridden.
        overrideShipComplete: { reason: 'just in case' },
      }).expect(201)
    ).body as Order;
    expect(shipped.status).toBe('shipped');
    expect(shipped.events.map((event) => event.kind)).not.toContain('ship_complete_overridden');
  });

  it('lets an order shipped as available go in parts without an override', async () => {
    const a = await stocked(10);
    const order = await place([{ productId: a.id, quantity: 4 }], false);
    const [la] = order.lines;
    if (!la) throw new Error('a line');
    const part = await ship(order.id, { lines: [{ orderLineId: la.id, quantity: 1 }] }).expect(201);
    expect(part.body.status).toBe('partially_shipped');
  });

  it('under concurrency ships the order once: of two shipments of everything, one goes and one is refused', async () => {
    const a = await stocked(10);
    const b = await stocked(10);
    const order = await place(
      [
        { productId: a.id, quantity: 4 },
        { productId: b.id, quantity: 5 },
      ],
      true,
    );
    const [la, lb] = order.lines;
    if (!la || !lb) throw new Error('two lines');
    const everything = {
      lines: [
        { orderLineId: la.id, quantity: 4 },
        { orderLineId: lb.id, quantity: 5 },
      ],
    };
    // And two halves racing: each alone leaves units behind, so both are refused.
    const halves = [
      ship(order.id, { lines: [{ orderLineId: la.id, quantity: 4 }] }),
      ship(order.id, { lines: [{ orderLineId: lb.id, quantity: 5 }] }),
    ];
    const [first, second, ...halfAnswers] = await Promise.all([
      ship(order.id, everything),
      ship(order.id, everything),
      ...halves,
    ]);
    expect([first?.status, second?.status].sort()).toEqual([201, 409]);
    expect(halfAnswers.map((answer) => answer.status)).toEqual([409, 409]);
    const after = await read(order.id);
    expect(after.status).toBe('shipped');
    expect(after.shipments).toHaveLength(1);
    expect(after.lines.map((line) => line.shipped)).toEqual([4, 5]);
    expect(await stockOf(t, a.id, w.warehouseCode)).toEqual({ onHand: 6, reserved: 0 });
  });
});
