import type { Order } from '@tradecounter/contracts';
import { addBusinessDays } from '@tradecounter/domain';
import { bearer, createProduct } from '../test-support/fixtures';
import {
  addInbound,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** A date `days` from today, far enough ahead to be after any promise made now. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('re-promising orders when their receipts move', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let holidays: Set<string>;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t); // its warehouse: 1 handling day, 2 transit days
    const rows = (await t.dataSource.query('SELECT date::text AS date FROM holidays')) as { date: string }[];
    holidays = new Set(rows.map((row) => row.date));
  });
  afterAll(() => t.close());

  const shipAfterReceipt = (expected: string) => addBusinessDays(expected, 1, holidays);
  const deliveryOf = (ship: string) => addBusinessDays(ship, 2, holidays);

  /** A product with 2 in stock and a receipt of 10 due in `days`, and an order of 5 waiting for 3 of them. */
  async function orderWaitingForReceipt(days: number, extra: Record<string, unknown> = {}) {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 2);
    const inboundId = await addInbound(t, product.id, w.warehouseCode, 10, daysAhead(days));
    const placed = await placeOrder(t, w.buyer, {
      lines: [{ productId: product.id, quantity: 5 }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
      ...extra,
    }).expect(201);
    return { product, inboundId, order: placed.body as Order };
  }

  const read = async (id: string) =>
    (await t.http.get(`/api/orders/${id}`).set(bearer(w.buyer)).expect(200)).body as Order;

  const moveReceipt = (inboundId: string, expectedDate: string) =>
    t.http.patch(`/api/inbound/${inboundId}`).set(bearer(w.warehouse)).send({ expectedDate }).expect(200);

  it('moves the current promise, keeps the first, and tells the buyer why in the order history', async () => {
    const { product, inboundId, order } = await orderWaitingForReceipt(20);
    const first = order.lines[0]?.firstPromisedDate;
    expect(order.lines[0]?.currentPromisedDate).toBe(first);

    const later = daysAhead(34);
    await moveReceipt(inboundId, later);

    const after = await read(order.id);
    const line = after.lines[0];
    const ship = shipAfterReceipt(later);
    expect(line?.firstPromisedDate).toBe(first);
    expect(line?.currentPromisedDate).toBe(deliveryOf(ship));
    expect(line?.promise.splits).toEqual([
      expect.objectContaining({ qty: 2, source: 'stock' }),
      { qty: 3, shipDate: ship, deliveryDate: deliveryOf(ship), source: 'inbound' },
    ]);
    const event = after.events.find((e) => e.kind === 'repromised');
    expect(event).toMatchObject({
      by: { id: w.warehouse.id },
      from: null,
      to: null,
      changes: [{ lineNo: 1, sku: product.sku, from: first, to: deliveryOf(ship) }],
    });
    expect(event?.reason).toMatch(
      /^Supplier delivery to warehouse \w+ now expected \w{3} \d{1,2} \w{3} \d{4} \(was /,
    );
  });

  it('brings the promise forward when the receipt is received early, and moves its units to reserved stock', async () => {
    const { inboundId, order } = await orderWaitingForReceipt(30);
    await t.http.post(`/api/inbound/${inboundId}/receive`).set(bearer(w.warehouse)).expect(200);

    const after = await read(order.id);
    const line = after.lines[0];
    expect(line?.currentPromisedDate < (line?.firstPromisedDate ?? '')).toBe(true);
    expect(line).toMatchObject({ reserved: 5 });
    const stockShip = line?.promise.splits.find((split) => split.source === 'stock')?.shipDate;
    expect(line?.promise.splits.find((split) => split.source === 'inbound')?.shipDate).toBe(stockShip);
    expect(after.events.filter((e) => e.kind === 'repromised')).toHaveLength(1);
  });

  it('re-dates every line of a ship-complete order, and leaves other orders alone', async () => {
    const waiting = await orderWaitingForReceipt(20, { shipComplete: true });
    const bystander = await createProduct(t);
    await setStock(t, bystander.id, w.warehouseCode, 50);
    const mixed = await placeOrder(t, w.buyer, {
      lines: [
        { productId: bystander.id, quantity: 1 },
        { productId: waiting.product.id, quantity: 4 },
      ],
      shippingAddressId: w.mineAddress,
      shipComplete: true,
    }).expect(201);
    const alone = await placeOrder(t, w.buyer, {
      lines: [{ productId: bystander.id, quantity: 1 }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    }).expect(201);

    const later = daysAhead(40);
    await moveReceipt(waiting.inboundId, later);

    const expected = deliveryOf(shipAfterReceipt(later));
    const after = await read(mixed.body.id);
    expect(after.lines.map((line) => line.currentPromisedDate)).toEqual([expected, expected]);
    expect(after.events.find((e) => e.kind === 'repromised')?.changes?.map((c) => c.lineNo)).toEqual([1, 2]);
    const untouched = await read(alone.body.id);
    expect(untouched.lines[0]?.currentPromisedDate).toBe(untouched.lines[0]?.firstPromisedDate);
    expect(untouched.events.some((e) => e.kind === 'repromised')).toBe(false);
  });

  it('records nothing when a receipt with no promised units moves, or moves to the date it had', async () => {
    const { inboundId, order } = await orderWaitingForReceipt(20);
    const free = await addInbound(t, order.lines[0]?.productId ?? '', w.warehouseCode, 5, daysAhead(25));
    await moveReceipt(free, daysAhead(45));
    const same = (await read(order.id)).lines[0]?.promise;
    const [row] = (await t.dataSource.query('SELECT expected_date::text AS d FROM inbound WHERE id = $1', [
      inboundId,
    ])) as { d: string }[];
    await moveReceipt(inboundId, row?.d ?? '');
    const after = await read(order.id);
    expect(after.lines[0]?.promise).toEqual(same);
    expect(after.events.some((e) => e.kind === 'repromised')).toBe(false);
  });

  it('does not re-promise a cancelled order', async () => {
    const { inboundId, order } = await orderWaitingForReceipt(20);
    await t.http.post(`/api/orders/${order.id}/cancel`).set(bearer(w.buyer)).send({}).expect(200);
    await moveReceipt(inboundId, daysAhead(50));
    expect((await read(order.id)).events.some((e) => e.kind === 'repromised')).toBe(false);
  });

  it('never deadlocks or loses units when receipts move while orders are placed and cancelled', async () => {
    const product = await createProduct(t);
    const inboundId = await addInbound(t, product.id, w.warehouseCode, 100, daysAhead(20));
    const place = () =>
      placeOrder(t, w.buyer, {
        lines: [{ productId: product.id, quantity: 3 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      });
    const first = await Promise.all(Array.from({ length: 6 }, place));
    const statuses = await Promise.all([
      ...first
        .slice(0, 3)
        .map((placed) => t.http.post(`/api/orders/${placed.body.id}/cancel`).set(bearer(w.buyer)).send({})),
      ...Array.from({ length: 4 }, place),
      ...[24, 28, 32].map((days) =>
        t.http
          .patch(`/api/inbound/${inboundId}`)
          .set(bearer(w.warehouse))
          .send({ expectedDate: daysAhead(days) }),
      ),
    ]);
    expect(statuses.map((response) => response.status).sort()).toEqual(
      [...Array<number>(3).fill(200), ...Array<number>(4).fill(201), ...Array<number>(3).fill(200)].sort(),
    );
    const [row] = (await t.dataSource.query(
      `SELECT i.allocated, (SELECT coalesce(sum(a.qty), 0)::int FROM order_line_allocations a
                             WHERE a.inbound_id = i.id) AS held
         FROM inbound i WHERE i.id = $1`,
      [inboundId],
    )) as { allocated: number; held: number }[];
    expect(row).toEqual({ allocated: 21, held: 21 });
  });
});
