import type {
  CreditNote,
  CreditNoteSummary,
  Order,
  Page,
  ProductReturn,
  ReturnableOrder,
  ReturnReceiptResult,
  ReturnSummary,
} from '@tradecounter/contracts';
import type { ProductEntity } from '../catalog/product.entity';
import { bearer, createProduct, type TestUser } from '../test-support/fixtures';
import {
  createOrderingWorld,
  type OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { deliverOrder, exposureOf } from '../test-support/return-fixtures';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { CreditNotesService } from './credit-notes.service';
import { ReturnsService } from './returns.service';

/** A test user as the services take it. */
const asUser = (user: TestUser) => ({ ...user, name: user.email });

/** Cents of a money string, by integers only (the test's own oracle, not the domain's). */
const cents = (money: string) => {
  const [units = '0', fraction = ''] = money.split('.');
  return Number(units) * 100 + Number(fraction.padEnd(2, '0'));
};
const money = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
/** fee = round(gross × percent / 100) half-up, percent in whole numbers here. */
const feeOf = (gross: number, percent: number) => Math.floor((gross * percent + 50) / 100);

/**
 * Returns and credit notes over real HTTP and PostgreSQL: request, decide,
 * receive in parts, credit notes with exact totals, replacements, backorders
 * filled by restocked units, exposure, and everything that must refuse.
 */
describe('returns and credit notes', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let widget: ProductEntity;
  let gadget: ProductEntity;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '12' });
    w = await createOrderingWorld(t);
    widget = await createProduct(t, { listPrice: '12.35' });
    gadget = await createProduct(t, { listPrice: '8.99' });
    for (const product of [widget, gadget]) await setStock(t, product.id, w.warehouseCode, 1_000);
    await t.http
      .put('/api/return-settings')
      .set(bearer(w.admin))
      .send({
        defaultWindowDays: 30,
        fees: { damaged: '0', defective: '0', wrong_item: '0', not_needed: '10', other: '12.5' },
      })
      .expect(200);
  }, 120_000);
  afterAll(async () => {
    await t.dataSource.query(`UPDATE return_fees SET percent = 0`);
    await t.close();
  });

  async function deliveredOrder(
    lines: { productId: string; quantity: number }[],
    user: TestUser = w.approver,
    address = w.mineAddress,
    deliveredAt = new Date(),
  ): Promise<Order> {
    const order = (
      await placeOrder(t, user, {
        lines,
        shippingAddressId: address,
        shipComplete: false,
        poNumber: 'PO-R',
      }).expect(201)
    ).body as Order;
    await deliverOrder(t, order.id, deliveredAt);
    return order;
  }

  const requestReturn = (user: TestUser, body: Record<string, unknown>) =>
    t.http.post('/api/returns').set(bearer(user)).send(body);

  const returnable = async (user: TestUser, orderId: string) =>
    (await t.http.get(`/api/orders/${orderId}/returnable`).set(bearer(user)).expect(200))
      .body as ReturnableOrder;

  const receive = (id: string, lines: { returnLineId: string; quantity: number; condition: string }[]) =>
    t.http.post(`/api/returns/${id}/receive`).set(bearer(w.warehouse)).send({ lines });

  it('runs the whole flow: request, approve, receive in two parts, credited with exact credit notes', async () => {
    const order = await deliveredOrder([
      { productId: widget.id, quantity: 6 },
      { productId: gadget.id, quantity: 5 },
    ]);
    const before = await returnable(w.buyer, order.id);
    const [widgetLine, gadgetLine] = before.lines;
    expect(before.fees.not_needed).toBe('10');
    expect(widgetLine).toMatchObject({
      delivered: 6,
      alreadyReturned: 0,
      returnable: 6,
      windowDays: 30,
      blockedBy: null,
    });
    const exposureBefore = cents(await exposureOf(t, w.mine.id));
    const stockBefore = (await stockOf(t, widget.id, w.warehouseCode))?.onHand ?? 0;

    const asked = (
      await requestReturn(w.buyer, {
        orderId: order.id,
        lines: [
          { orderLineId: widgetLine?.orderLineId, quantity: 4, reason: 'damaged', note: 'Crushed box' },
          { orderLineId: gadgetLine?.orderLineId, quantity: 3, reason: 'not_needed' },
        ],
      }).expect(201)
    ).body as ProductReturn;
    expect(asked).toMatchObject({ status: 'requested', openedBy: 'customer', orderId: order.id, units: 7 });
    expect(asked.number).toMatch(/^RMA-\d{6,}$/);
    expect(asked.lines.map((line) => line.feePercent)).toEqual(['0', '10']);
    expect((await returnable(w.buyer, order.id)).lines[0]).toMatchObject({
      alreadyReturned: 4,
      returnable: 2,
    });

    // Customers do not decide; the account's manager does.
    await t.http.post(`/api/returns/${asked.id}/approve`).set(bearer(w.buyer)).send({}).expect(403);
    await t.http.post(`/api/returns/${asked.id}/approve`).set(bearer(w.otherAm)).send({}).expect(404);
    const approved = (
      await t.http.post(`/api/returns/${asked.id}/approve`).set(bearer(w.am)).send({}).expect(200)
    ).body as ProductReturn;
    expect(approved.status).toBe('approved');
    const [widgetReturn, gadgetReturn] = approved.lines;

    // Part one: 2 widgets restocked, 1 gadget scrapped.
    const first = (
      await receive(asked.id, [
        { returnLineId: widgetReturn?.id ?? '', quantity: 2, condition: 'restock' },
        { returnLineId: gadgetReturn?.id ?? '', quantity: 1, condition: 'scrap' },
      ]).expect(200)
    ).body as ReturnReceiptResult;
    const widgetPrice = cents(widgetReturn?.unitPrice ?? '0');
    const gadgetPrice = cents(gadgetReturn?.unitPrice ?? '0');
    const firstTotal = 2 * widgetPrice + gadgetPrice - feeOf(gadgetPrice, 10);
    expect(first.return.status).toBe('approved');
    expect(first.creditNote?.number).toMatch(/^CN-\d{6,}$/);
    expect(first.creditNote?.total).toBe(money(firstTotal));
    expect(first.replacementOrder).toBeNull();

    // Part two: the rest, all restocked.
    const second = (
      await receive(asked.id, [
        { returnLineId: widgetReturn?.id ?? '', quantity: 2, condition: 'restock' },
        { returnLineId: gadgetReturn?.id ?? '', quantity: 2, condition: 'restock' },
      ]).expect(200)
    ).body as ReturnReceiptResult;
    const secondGadgets = 2 * gadgetPrice;
    const secondTotal = 2 * widgetPrice + secondGadgets - feeOf(secondGadgets, 10);
    expect(second.creditNote?.total).toBe(money(secondTotal));
    expect(second.return.status).toBe('credited');
    expect(second.return.creditedTotal).toBe(money(firstTotal + secondTotal));
    expect(
      second.return.lines.map((line) => [line.received, line.restocked, line.scrapped, line.credited]),
    ).toEqual([
      [4, 4, 0, 4],
      [3, 2, 1, 3],
    ]);
    expect(second.return.events.map((event) => event.kind)).toEqual([
      'requested',
      'approved',
      'received',
      'credit_note',
      'received',
      'credit_note',
    ]);

    const note = (
      await t.http.get(`/api/credit-notes/${second.creditNote?.id}`).set(bearer(w.buyer)).expect(200)
    ).body as CreditNote;
    expect(note).toMatchObject({ returnId: asked.id, subtotal: money(2 * widgetPrice + secondGadgets) });
    expect(note.fee).toBe(money(feeOf(secondGadgets, 10)));
    expect(note.lines.map((line) => [line.quantity, line.feePercent])).toEqual([
      [2, '0'],
      [2, '10'],
    ]);
    const notes = (
      await t.http.get(`/api/credit-notes?returnId=${asked.id}`).set(bearer(w.buyer)).expect(200)
    ).body as Page<CreditNoteSummary>;
    expect(notes.total).toBe(2);

    // Restocked units are on hand again; the credit notes lowered the exposure.
    expect((await stockOf(t, widget.id, w.warehouseCode))?.onHand).toBe(stockBefore + 4);
    expect(cents(await exposureOf(t, w.mine.id))).toBe(
      Math.max(0, exposureBefore - firstTotal - secondTotal),
    );

    // Every step is published once as its webhook topic, and the buyers were told.
    const topics = (await t.dataSource.query(
      `SELECT topic FROM outbox WHERE payload -> 'data' ->> 'returnId' = $1 ORDER BY id`,
      [asked.id],
    )) as { topic: string }[];
    expect(topics.map((row) => row.topic)).toEqual([
      'return.created',
      'return.status_changed',
      'credit_note.created',
      // The last receipt's status change (approved → credited) is its first event.
      'return.status_changed',
      'credit_note.created',
    ]);
    const told = (await t.dataSource.query(
      `SELECT kind FROM notifications WHERE user_id = $1 AND return_id = $2 ORDER BY created_at`,
      [w.buyer.id, asked.id],
    )) as { kind: string }[];
    expect(told.map((row) => row.kind)).toContain('credit_note_issued');

    // The services the documents context calls answer the same.
    const service = t.app.get(ReturnsService);
    expect((await service.get(asUser(w.buyer), asked.id)).number).toBe(asked.number);
    await expect(service.get(asUser(w.otherBuyer), asked.id)).rejects.toMatchObject({ status: 404 });
    expect((await t.app.get(CreditNotesService).get(asUser(w.am), note.id)).total).toBe(note.total);
  });

  it('refuses to return more than delivered less already returned, and changes nothing', async () => {
    const order = await deliveredOrder([{ productId: widget.id, quantity: 3 }]);
    const line = (await returnable(w.buyer, order.id)).lines[0]?.orderLineId;
    const count = async () =>
      (
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM returns WHERE order_id = $1`, [
          order.id,
        ])) as {
          n: number;
        }[]
      )[0]?.n;
    const refused = await requestReturn(w.buyer, {
      orderId: order.id,
      lines: [{ orderLineId: line, quantity: 4, reason: 'defective' }],
    }).expect(409);
    expect(refused.body.errors[0]).toMatchObject({ field: 'lines[0].quantity' });
    expect(refused.body.errors[0].message).toContain('at most 3');
    expect(await count()).toBe(0);
    await requestReturn(w.buyer, {
      orderId: order.id,
      lines: [{ orderLineId: line, quantity: 2, reason: 'defective' }],
    }).expect(201);
    await requestReturn(w.buyer, {
      orderId: order.id,
      lines: [{ orderLineId: line, quantity: 2, reason: 'defective' }],
    }).expect(409);
    // A line of another order, or twice the same line: 400.
    await requestReturn(w.buyer, {
      orderId: order.id,
      lines: [
        { orderLineId: line, quantity: 1, reason: 'other' },
        { orderLineId: line, quantity: 1, reason: 'other' },
      ],
    }).expect(400);
    expect(await count()).toBe(1);
  });

  it('refuses outside the window and for products that are not returnable', async () => {
    const old = await deliveredOrder(
      [{ productId: gadget.id, quantity: 2 }],
      w.approver,
      w.mineAddress,
      new Date(Date.now() - 40 * 86_400_000),
    );
    const oldLine = (await returnable(w.buyer, old.id)).lines[0];
    expect(oldLine).toMatchObject({ returnable: 0, blockedBy: 'window_closed' });
    const closed = await requestReturn(w.buyer, {
      orderId: old.id,
      lines: [{ orderLineId: oldLine?.orderLineId, quantity: 1, reason: 'damaged' }],
    }).expect(409);
    expect(closed.body.errors[0].message).toContain('return window closed');

    const final = await createProduct(t, { listPrice: '5.00' });
    await setStock(t, final.id, w.warehouseCode, 100);
    await t.http
      .patch(`/api/products/${final.id}`)
      .set(bearer(w.admin))
      .send({ returnWindowDays: 0 })
      .expect(200);
    await t.http
      .patch(`/api/products/${final.id}`)
      .set(bearer(w.admin))
      .send({ returnWindowDays: -1 })
      .expect(400);
    const product = (await t.http.get(`/api/products/${final.id}`).set(bearer(w.buyer)).expect(200)).body as {
      returnWindowDays: number | null;
    };
    expect(product.returnWindowDays).toBe(0);
    const order = await deliveredOrder([{ productId: final.id, quantity: 2 }]);
    const line = (await returnable(w.buyer, order.id)).lines[0];
    expect(line).toMatchObject({ returnable: 0, windowDays: 0, blockedBy: 'not_returnable' });
    await requestReturn(w.buyer, {
      orderId: order.id,
      lines: [{ orderLineId: line?.orderLineId, quantity: 1, reason: 'damaged' }],
    }).expect(409);
  });

  it('keeps returns and credit notes inside their account: 404 elsewhere, lists scoped', async () => {
    const order = await deliveredOrder([{ productId: widget.id, quantity: 2 }]);
    const line = (await returnable(w.buyer, order.id)).lines[0]?.orderLineId;
    await t.http.get(`/api/orders/${order.id}/returnable`).set(bearer(w.otherBuyer)).expect(404);
    await requestReturn(w.otherBuyer, {
      orderId: order.id,
      lines: [{ orderLineId: line, quantity: 1, reason: 'damaged' }],
    }).expect(404);
    const opened = (
      await requestReturn(w.am, {
        orderId: order.id,
        lines: [{ orderLineId: line, quantity: 1, reason: 'wrong_item' }],
      }).expect(201)
    ).body as ProductReturn;
    const received = (
      await receive(opened.id, [
        { returnLineId: opened.lines[0]?.id ?? '', quantity: 1, condition: 'scrap' },
      ]).expect(200)
    ).body as ReturnReceiptResult;
    for (const user of [w.otherBuyer, w.otherAm]) {
      await t.http.get(`/api/returns/${opened.id}`).set(bearer(user)).expect(404);
      await t.http.get(`/api/credit-notes/${received.creditNote?.id}`).set(bearer(user)).expect(404);
      const list = (await t.http.get('/api/returns').set(bearer(user)).expect(200))
        .body as Page<ReturnSummary>;
      expect(list.items.some((item) => item.id === opened.id)).toBe(false);
      const notes = (await t.http.get('/api/credit-notes').set(bearer(user)).expect(200))
        .body as Page<CreditNoteSummary>;
      expect(notes.items.some((item) => item.id === received.creditNote?.id)).toBe(false);
    }
    const mine = (await t.http.get(`/api/returns?orderId=${order.id}`).set(bearer(w.buyer)).expect(200))
      .body as Page<ReturnSummary>;
    expect(mine.items.map((item) => item.id)).toEqual([opened.id]);
    await t.http.get(`/api/returns/${opened.id}`).set(bearer(w.manager)).expect(200);
  });

  it('opens a staff return approved, waives the fee with a reason, and customers may not waive', async () => {
    const order = await deliveredOrder([{ productId: gadget.id, quantity: 4 }]);
    const line = (await returnable(w.buyer, order.id)).lines[0]?.orderLineId;
    await requestReturn(w.buyer, {
      orderId: order.id,
      waiveFee: true,
      reason: 'please',
      lines: [{ orderLineId: line, quantity: 1, reason: 'other' }],
    }).expect(400);
    await requestReturn(w.warehouse, {
      orderId: order.id,
      waiveFee: true,
      lines: [{ orderLineId: line, quantity: 1, reason: 'other' }],
    }).expect(400);
    const opened = (
      await requestReturn(w.warehouse, {
        orderId: order.id,
        waiveFee: true,
        reason: 'Our packing fault',
        lines: [{ orderLineId: line, quantity: 2, reason: 'other' }],
      }).expect(201)
    ).body as ProductReturn;
    expect(opened).toMatchObject({ status: 'approved', openedBy: 'staff', feeWaived: true });
    expect(opened.lines[0]?.feePercent).toBe('0');
    const result = (
      await receive(opened.id, [
        { returnLineId: opened.lines[0]?.id ?? '', quantity: 2, condition: 'restock' },
      ]).expect(200)
    ).body as ReturnReceiptResult;
    expect(result.creditNote?.total).toBe(money(2 * cents(opened.lines[0]?.unitPrice ?? '0')));
    expect(result.return.status).toBe('credited');

    // Without the waiver the reason's fee (12.5 %) applies, half-up to the cent.
    const charged = (
      await requestReturn(w.am, {
        orderId: order.id,
        lines: [{ orderLineId: line, quantity: 1, reason: 'other' }],
      }).expect(201)
    ).body as ProductReturn;
    expect(charged.lines[0]?.feePercent).toBe('12.5');
    const price = cents(charged.lines[0]?.unitPrice ?? '0');
    const paid = (
      await receive(charged.id, [
        { returnLineId: charged.lines[0]?.id ?? '', quantity: 1, condition: 'scrap' },
      ]).expect(200)
    ).body as ReturnReceiptResult;
    expect(paid.creditNote?.total).toBe(money(price - Math.floor((price * 125 + 500) / 1000)));
  });

  it('places a 0.00 replacement order for replace lines, with no credit', async () => {
    const order = await deliveredOrder([{ productId: widget.id, quantity: 3 }]);
    const line = (await returnable(w.buyer, order.id)).lines[0]?.orderLineId;
    const asked = (
      await requestReturn(w.buyer, {
        orderId: order.id,
        lines: [{ orderLineId: line, quantity: 2, reason: 'defective' }],
      }).expect(201)
    ).body as ProductReturn;
    const approved = (
      await t.http
        .post(`/api/returns/${asked.id}/approve`)
        .set(bearer(w.admin))
        .send({ lines: [{ returnLineId: asked.lines[0]?.id, resolution: 'replace' }] })
        .expect(200)
    ).body as ProductReturn;
    expect(approved.lines[0]?.resolution).toBe('replace');
    const result = (
      await receive(asked.id, [
        { returnLineId: asked.lines[0]?.id ?? '', quantity: 2, condition: 'scrap' },
      ]).expect(200)
    ).body as ReturnReceiptResult;
    expect(result.creditNote).toBeNull();
    expect(result.replacementOrder?.number).toBeTruthy();
    expect(result.return.status).toBe('received');
    expect(result.return.lines[0]?.replacementOrder?.id).toBe(result.replacementOrder?.id);
    const replacement = (
      await t.http.get(`/api/orders/${result.replacementOrder?.id}`).set(bearer(w.buyer)).expect(200)
    ).body as Order;
    expect(replacement.subtotal).toBe('0.00');
    expect(replacement.lines).toHaveLength(1);
    expect(replacement.lines[0]).toMatchObject({
      quantity: 2,
      unitPrice: '0.00',
      priceSource: 'replacement',
    });
    expect(replacement.poNumber).toBe(asked.number);
  });

  it('fills a waiting backorder with restocked units, oldest order first', async () => {
    const scarce = await createProduct(t, { listPrice: '3.00', backorderable: true });
    await setStock(t, scarce.id, w.warehouseCode, 5);
    const order = await deliveredOrder([{ productId: scarce.id, quantity: 5 }]);
    // Nothing on the shelf now: the other account's order waits for supply.
    const waiting = (
      await placeOrder(t, w.otherApprover, {
        lines: [{ productId: scarce.id, quantity: 2 }],
        shippingAddressId: w.theirsAddress,
        shipComplete: false,
        poNumber: 'PO-B',
      }).expect(201)
    ).body as Order;
    const lineOf = async () =>
      (
        (await t.dataSource.query(
          `SELECT backordered_qty AS backordered, reserved_qty AS reserved FROM order_lines WHERE order_id = $1`,
          [waiting.id],
        )) as { backordered: number; reserved: number }[]
      )[0];
    expect(await lineOf()).toEqual({ backordered: 2, reserved: 0 });
    const line = (await returnable(w.buyer, order.id)).lines[0]?.orderLineId;
    const opened = (
      await requestReturn(w.admin, {
        orderId: order.id,
        lines: [{ orderLineId: line, quantity: 3, reason: 'not_needed' }],
      }).expect(201)
    ).body as ProductReturn;
    const result = (
      await receive(opened.id, [
        { returnLineId: opened.lines[0]?.id ?? '', quantity: 3, condition: 'restock' },
      ]).expect(200)
    ).body as ReturnReceiptResult;
    expect(result.backordersFilled).toBe(1);
    expect(await lineOf()).toEqual({ backordered: 0, reserved: 2 });
    expect(await stockOf(t, scarce.id, w.warehouseCode)).toEqual({ onHand: 3, reserved: 2 });
  });

  it('lets only one of two concurrent requests for the whole returnable quantity through', async () => {
    const order = await deliveredOrder([{ productId: widget.id, quantity: 5 }]);
    const line = (await returnable(w.buyer, order.id)).lines[0]?.orderLineId;
    const body = { orderId: order.id, lines: [{ orderLineId: line, quantity: 5, reason: 'damaged' }] };
    const answers = await Promise.all([requestReturn(w.buyer, body), requestReturn(w.approver, body)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect((await returnable(w.buyer, order.id)).lines[0]).toMatchObject({
      alreadyReturned: 5,
      returnable: 0,
    });
  });

  it('rejects with a reason, after which the units may be asked again; closing keeps what arrived', async () => {
    const order = await deliveredOrder([{ productId: gadget.id, quantity: 3 }]);
    const line = (await returnable(w.buyer, order.id)).lines[0]?.orderLineId;
    const asked = (
      await requestReturn(w.buyer, {
        orderId: order.id,
        lines: [{ orderLineId: line, quantity: 3, reason: 'damaged' }],
      }).expect(201)
    ).body as ProductReturn;
    await t.http.post(`/api/returns/${asked.id}/reject`).set(bearer(w.am)).send({}).expect(400);
    const rejected = (
      await t.http
        .post(`/api/returns/${asked.id}/reject`)
        .set(bearer(w.am))
        .send({ reason: 'Worn by use' })
        .expect(200)
    ).body as ProductReturn;
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Worn by use' });
    await receive(asked.id, [
      { returnLineId: asked.lines[0]?.id ?? '', quantity: 1, condition: 'scrap' },
    ]).expect(409);
    const again = (
      await requestReturn(w.am, {
        orderId: order.id,
        lines: [{ orderLineId: line, quantity: 3, reason: 'damaged' }],
      }).expect(201)
    ).body as ProductReturn;
    await receive(again.id, [
      { returnLineId: again.lines[0]?.id ?? '', quantity: 4, condition: 'scrap' },
    ]).expect(409);
    await receive(again.id, [
      { returnLineId: again.lines[0]?.id ?? '', quantity: 1, condition: 'scrap' },
    ]).expect(200);
    await t.http
      .post(`/api/returns/${again.id}/close`)
      .set(bearer(w.buyer))
      .send({ reason: 'x' })
      .expect(403);
    const closed = (
      await t.http
        .post(`/api/returns/${again.id}/close`)
        .set(bearer(w.warehouse))
        .send({ reason: 'The rest was lost in transit' })
        .expect(200)
    ).body as ProductReturn;
    expect(closed.status).toBe('credited');
    expect(closed.events.at(-1)).toMatchObject({ kind: 'closed', from: 'approved', to: 'credited' });
  });

  it('lowers the exposure by each credit note and tells the account manager of a held order that now fits', async () => {
    const tenner = await createProduct(t, { listPrice: '10.00' });
    await setStock(t, tenner.id, w.warehouseCode, 100);
    await t.dataSource.query(
      `UPDATE accounts SET credit_limit = exposure.e + 100
                                FROM (SELECT coalesce(max(exposure), 0) AS e FROM account_exposure
                                       WHERE account_id = $1) exposure WHERE id = $1`,
      [w.theirs.id],
    );
    const start = cents(await exposureOf(t, w.theirs.id));
    const delivered = await deliveredOrder(
      [{ productId: tenner.id, quantity: 8 }],
      w.otherApprover,
      w.theirsAddress,
    );
    const held = (
      await placeOrder(t, w.otherApprover, {
        lines: [{ productId: tenner.id, quantity: 3 }],
        shippingAddressId: w.theirsAddress,
        shipComplete: false,
        poNumber: 'PO-H',
      }).expect(201)
    ).body as Order;
    expect(held.status).toBe('on_hold');
    expect(cents(await exposureOf(t, w.theirs.id))).toBe(start + 11_000);
    const opened = (
      await requestReturn(w.otherAm, {
        orderId: delivered.id,
        lines: [{ orderLineId: delivered.lines[0]?.id, quantity: 2, reason: 'wrong_item' }],
      }).expect(201)
    ).body as ProductReturn;
    await receive(opened.id, [
      { returnLineId: opened.lines[0]?.id ?? '', quantity: 2, condition: 'restock' },
    ]).expect(200);
    expect(cents(await exposureOf(t, w.theirs.id))).toBe(start + 9_000);
    const told = (await t.dataSource.query(
      `SELECT kind, order_id AS "orderId" FROM notifications WHERE user_id = $1 AND return_id = $2`,
      [w.otherAm.id, opened.id],
    )) as { kind: string; orderId: string | null }[];
    expect(told).toEqual([{ kind: 'order_held', orderId: held.id }]);
  });

  it('keeps photos with the return, for those who may read it, in the image types only', async () => {
    const order = await deliveredOrder([{ productId: gadget.id, quantity: 1 }]);
    const asked = (
      await requestReturn(w.buyer, {
        orderId: order.id,
        lines: [{ orderLineId: order.lines[0]?.id, quantity: 1, reason: 'damaged' }],
      }).expect(201)
    ).body as ProductReturn;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const added = (
      await t.http
        .post(`/api/returns/${asked.id}/photos`)
        .set(bearer(w.buyer))
        .set('Content-Type', 'image/png')
        .send(png)
        .expect(201)
    ).body as { id: string; url: string };
    const served = await t.http.get(added.url).set(bearer(w.am)).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    await t.http.get(added.url).set(bearer(w.otherBuyer)).expect(404);
    await t.http
      .post(`/api/returns/${asked.id}/photos`)
      .set(bearer(w.buyer))
      .set('Content-Type', 'image/jpeg')
      .send(png)
      .expect(415);
    await t.http
      .post(`/api/returns/${asked.id}/photos`)
      .set(bearer(w.buyer))
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415);
    await t.http
      .post(`/api/returns/${asked.id}/photos`)
      .set(bearer(w.otherBuyer))
      .set('Content-Type', 'image/png')
      .send(png)
      .expect(404);
    // A browser's FormData upload: one file field.
    const formed = (
      await t.http
        .post(`/api/returns/${asked.id}/photos`)
        .set(bearer(w.am))
        .attach('photo', png, { filename: 'box.png', contentType: 'image/png' })
        .expect(201)
    ).body as { id: string; url: string };
    const back = await t.http.get(formed.url).set(bearer(w.buyer)).buffer(true).expect(200);
    expect(Buffer.compare(back.body as Buffer, png)).toBe(0);
    await t.http
      .post(`/api/returns/${asked.id}/photos`)
      .set(bearer(w.am))
      .attach('photo', Buffer.from('not an image'), { filename: 'x.txt', contentType: 'text/plain' })
      .expect(415);
    const read = (await t.http.get(`/api/returns/${asked.id}`).set(bearer(w.buyer)).expect(200))
      .body as ProductReturn;
    expect(read.photos).toEqual([
      { id: added.id, url: added.url, contentType: 'image/png' },
      { id: formed.id, url: formed.url, contentType: 'image/png' },
    ]);
  });

  it('lets everyone read the return settings and only admins change them, validated', async () => {
    const settings = (await t.http.get('/api/return-settings').set(bearer(w.buyer)).expect(200)).body as {
      defaultWindowDays: number;
      fees: Record<string, string>;
    };
    expect(settings).toEqual({
      defaultWindowDays: 30,
      fees: { damaged: '0', defective: '0', wrong_item: '0', not_needed: '10', other: '12.5' },
    });
    await t.http.put('/api/return-settings').set(bearer(w.am)).send(settings).expect(403);
    for (const bad of [
      { ...settings, defaultWindowDays: -1 },
      { ...settings, fees: { ...settings.fees, other: '100.5' } },
      { ...settings, fees: { ...settings.fees, other: '1.234' } },
      { defaultWindowDays: 30, fees: { damaged: '0' } },
    ]) {
      await t.http.put('/api/return-settings').set(bearer(w.admin)).send(bad).expect(400);
    }
  });
});
