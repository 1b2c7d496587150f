import type { Inbound, Order, PurchaseOrder } from '@tradecounter/contracts';
import { bearer, createProduct, uniqueTag } from '../test-support/fixtures';
import {
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { fetchDocument, pdfTexts } from '../test-support/pdf-text';
import { startTestApp, TestApp } from '../test-support/test-app';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('purchase orders', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let supplierCode: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    supplierCode = `S${uniqueTag()}`.toUpperCase().slice(0, 20);
    await t.http
      .post('/api/suppliers')
      .set(bearer(w.admin))
      .send({
        code: supplierCode,
        name: `Supplier ${supplierCode}`,
        email: 'buy@example.com',
        leadTimeDays: 5,
      })
      .expect(201);
  });
  afterAll(() => t.close());

  /** A product nobody has stock of, its purchasing facts set (cost 7.20). */
  async function boughtProduct() {
    const product = await createProduct(t, { leadTimeDays: 30 });
    await t.http
      .put(`/api/products/${product.id}/supply`)
      .set(bearer(w.admin))
      .send({ supplierCode, supplierSku: `X-${product.sku}`, unitCost: '7.20', packSize: 6 })
      .expect(200);
    return product;
  }

  async function backorder(productId: string, quantity: number): Promise<Order> {
    const placed = await placeOrder(t, w.buyer, {
      lines: [{ productId, quantity }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    }).expect(201);
    return placed.body as Order;
  }

  async function draft(lines: Record<string, unknown>[]): Promise<PurchaseOrder> {
    const res = await t.http
      .post('/api/purchase-orders')
      .set(bearer(w.warehouse))
      .send({ supplierCode, lines })
      .expect(201);
    return res.body as PurchaseOrder;
  }

  const send = (id: string) => t.http.post(`/api/purchase-orders/${id}/send`).set(bearer(w.warehouse));
  const readOrder = async (id: string) =>
    (await t.http.get(`/api/orders/${id}`).set(bearer(w.buyer)).expect(200)).body as Order;
  const readPo = async (id: string) =>
    (await t.http.get(`/api/purchase-orders/${id}`).set(bearer(w.manager)).expect(200)).body as PurchaseOrder;

  it('drafts with the supply cost, edits with If-Match, and a draft is never supply', async () => {
    const product = await boughtProduct();
    const po = await draft([{ productId: product.id, warehouseCode: w.warehouseCode, quantity: 12 }]);
    expect(po).toMatchObject({
      number: expect.stringMatching(/^PO-\d{6,}$/),
      status: 'draft',
      total: '86.40',
    });
    expect(po.lines[0]).toMatchObject({
      unitCost: '7.20',
      supplierSku: `X-${product.sku}`,
      open: 12,
      allocated: 0,
    });
    const inbound = await t.http
      .get(`/api/inbound?productId=${product.id}`)
      .set(bearer(w.warehouse))
      .expect(200);
    expect(inbound.body.total).toBe(0);

    await t.http
      .patch(`/api/purchase-orders/${po.id}`)
      .set(bearer(w.warehouse))
      .set('If-Match', '"999"')
      .send({ notes: 'x' })
      .expect(412);
    const edited = await t.http
      .patch(`/api/purchase-orders/${po.id}`)
      .set(bearer(w.warehouse))
      .set('If-Match', `"${po.version}"`)
      .send({
        notes: 'Deliver to dock 2',
        lines: [{ productId: product.id, warehouseCode: w.warehouseCode, quantity: 6, unitCost: '7.00' }],
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      notes: 'Deliver to dock 2',
      total: '42.00',
      version: po.version + 1,
    });
  });

  it('refuses lines it cannot buy, changing nothing', async () => {
    const bare = await createProduct(t);
    const res = await t.http
      .post('/api/purchase-orders')
      .set(bearer(w.warehouse))
      .send({
        supplierCode,
        lines: [
          { productId: bare.id, warehouseCode: w.warehouseCode, quantity: 1 },
          { productId: bare.id, warehouseCode: 'NOPE', quantity: 1, unitCost: '1.00' },
        ],
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'lines[0].unitCost',
      'lines[1].warehouseCode',
    ]);
  });

  it('sending makes inbound supply that takes the waiting shortfall, oldest order first', async () => {
    const product = await boughtProduct();
    const first = await backorder(product.id, 4);
    const second = await backorder(product.id, 5);
    expect(first.lines[0]?.promise.splits).toEqual([expect.objectContaining({ source: 'supplier', qty: 4 })]);
    const expectedDate = daysAhead(10);
    const po = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 6, expectedDate },
    ]);
    const sent = (await send(po.id).expect(200)).body as PurchaseOrder;
    expect(sent).toMatchObject({ status: 'sent', sentAt: expect.any(String), expectedDate });
    expect(sent.lines[0]).toMatchObject({ open: 6, allocated: 6 });

    const a = await readOrder(first.id);
    expect(a.lines[0]).toMatchObject({ backordered: 0, allocated: 4 });
    expect(a.lines[0]?.promise.splits).toEqual([expect.objectContaining({ source: 'inbound', qty: 4 })]);
    expect(a.lines[0]?.currentPromisedDate < (first.lines[0]?.currentPromisedDate ?? '')).toBe(true);
    const event = a.events.find((e) => e.kind === 'repromised');
    expect(event?.reason).toContain(
      `Purchase order ${po.number} to Supplier ${supplierCode} brings it, expected`,
    );
    const b = await readOrder(second.id);
    expect(b.lines[0]).toMatchObject({ backordered: 3, allocated: 2 });
    // The buyer hears of it as of every re-promise: the order event reaches the outbox (notification, webhook).
    const outbox = (await t.dataSource.query(
      `SELECT payload ->> 'reason' AS reason FROM outbox WHERE topic = 'order.repromised' AND aggregate_id = $1`,
      [first.id],
    )) as { reason: string }[];
    expect(outbox.map((row) => row.reason)).toEqual([event?.reason]);

    const inbound = await t.http
      .get(`/api/inbound?productId=${product.id}`)
      .set(bearer(w.warehouse))
      .expect(200);
    const row = inbound.body.items[0] as Inbound;
    expect(row).toMatchObject({
      qty: 6,
      allocated: 6,
      purchaseOrderId: po.id,
      purchaseOrderNumber: po.number,
    });
    const owned = await t.http
      .patch(`/api/inbound/${row.id}`)
      .set(bearer(w.warehouse))
      .send({ qty: 9 })
      .expect(409);
    expect(owned.body.detail ?? owned.body.title).toContain(po.number);
    await t.http.post(`/api/inbound/${row.id}/receive`).set(bearer(w.warehouse)).expect(409);
    await send(po.id).expect(409);
  });

  it('never promises a unit twice when orders race for a sent purchase order', async () => {
    const product = await boughtProduct();
    const po = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 10, expectedDate: daysAhead(8) },
    ]);
    await send(po.id).expect(200);
    const placed = await Promise.all(
      Array.from({ length: 8 }, () =>
        placeOrder(t, w.buyer, {
          lines: [{ productId: product.id, quantity: 2 }],
          shippingAddressId: w.mineAddress,
          shipComplete: false,
        }),
      ),
    );
    const orders = placed.filter((res) => res.status === 201).map((res) => res.body as Order);
    expect(orders.length).toBe(8);
    const [row] = (await t.dataSource.query(
      `SELECT i.qty, i.allocated, (SELECT coalesce(sum(a.qty), 0)::int FROM order_line_allocations a WHERE a.inbound_id = i.id) AS lines
         FROM inbound i WHERE i.product_id = $1`,
      [product.id],
    )) as { qty: number; allocated: number; lines: number }[];
    expect(row).toEqual({ qty: 10, allocated: 10, lines: 10 });
    const backordered = orders.reduce((sum, o) => sum + (o.lines[0]?.backordered ?? 0), 0);
    expect(backordered).toBe(6);
  });

  it('receives in part (oldest lines first), then in full with the tolerance, never past it', async () => {
    const product = await boughtProduct();
    const first = await backorder(product.id, 3);
    const second = await backorder(product.id, 3);
    const po = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 10, expectedDate: daysAhead(12) },
    ]);
    const sent = (await send(po.id).expect(200)).body as PurchaseOrder;
    const lineId = sent.lines[0]?.id ?? '';

    const partial = (
      await t.http
        .post(`/api/purchase-orders/${po.id}/receipts`)
        .set(bearer(w.warehouse))
        .send({ lines: [{ lineId, quantity: 4 }] })
        .expect(200)
    ).body as PurchaseOrder;
    expect(partial.status).toBe('partially_received');
    expect(partial.lines[0]).toMatchObject({ received: 4, open: 6, allocated: 2 });
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 4, reserved: 4 });
    expect((await readOrder(first.id)).lines[0]).toMatchObject({ reserved: 3, allocated: 3 });
    expect((await readOrder(second.id)).lines[0]).toMatchObject({ reserved: 1, allocated: 3 });

    const over = await t.http
      .post(`/api/purchase-orders/${po.id}/receipts`)
      .set(bearer(w.warehouse))
      .send({ lines: [{ lineId, quantity: 7 }] })
      .expect(409);
    expect(over.body.errors).toEqual([
      { field: 'lines[0].quantity', message: expect.stringContaining('at most 10') },
    ]);
    await t.http
      .put('/api/purchasing/settings')
      .set(bearer(w.warehouse))
      .send({ receiptTolerance: 0.1 })
      .expect(403);

    // The tolerance is shared: set it for this test only and put it back.
    await t.http
      .put('/api/purchasing/settings')
      .set(bearer(w.admin))
      .send({ receiptTolerance: 0.1 })
      .expect(200);
    try {
      const full = (
        await t.http
          .post(`/api/purchase-orders/${po.id}/receipts`)
          .set(bearer(w.warehouse))
          .send({ lines: [{ lineId, quantity: 7 }] })
          .expect(200)
      ).body as PurchaseOrder;
      expect(full.status).toBe('received');
      expect(full.lines[0]).toMatchObject({ received: 11, open: 0 });
    } finally {
      await t.http
        .put('/api/purchasing/settings')
        .set(bearer(w.admin))
        .send({ receiptTolerance: 0 })
        .expect(200);
    }
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 11, reserved: 6 });
    expect((await readOrder(second.id)).lines[0]).toMatchObject({ reserved: 3 });
    const receipts = (await t.dataSource.query(
      `SELECT quantity FROM purchase_receipts WHERE purchase_order_line_id = $1 ORDER BY received_at`,
      [lineId],
    )) as { quantity: number }[];
    expect(receipts.map((r) => r.quantity)).toEqual([4, 7]);
  });

  it('closing short moves the waiting lines to other inbound, else back to the supplier', async () => {
    const product = await boughtProduct();
    const first = await backorder(product.id, 4);
    const second = await backorder(product.id, 4);
    const early = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 8, expectedDate: daysAhead(6) },
    ]);
    await send(early.id).expect(200);
    const spare = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 3, expectedDate: daysAhead(20) },
    ]);
    await send(spare.id).expect(200);

    const closed = (
      await t.http
        .post(`/api/purchase-orders/${early.id}/close`)
        .set(bearer(w.warehouse))
        .send({ reason: 'Supplier discontinued it' })
        .expect(200)
    ).body as PurchaseOrder;
    expect(closed.status).toBe('closed');
    expect(closed.lines[0]).toMatchObject({ closed: 8, open: 0 });
    const a = await readOrder(first.id);
    expect(a.lines[0]).toMatchObject({ allocated: 3, backordered: 1 });
    expect(a.events.at(-1)?.reason).toContain('closed short: Supplier discontinued it');
    const b = await readOrder(second.id);
    expect(b.lines[0]).toMatchObject({ allocated: 0, backordered: 4 });
    expect(b.lines[0]?.promise.splits).toEqual([expect.objectContaining({ source: 'supplier', qty: 4 })]);
    expect(b.lines[0]?.currentPromisedDate).toBe(second.lines[0]?.currentPromisedDate);
    await t.http
      .post(`/api/purchase-orders/${early.id}/close`)
      .set(bearer(w.warehouse))
      .send({ reason: 'again' })
      .expect(409);
  });

  it('cancels a sent order nothing was received of, and reschedules a line re-promising its orders', async () => {
    const product = await boughtProduct();
    const waiting = await backorder(product.id, 2);
    const po = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 5, expectedDate: daysAhead(6) },
    ]);
    const sent = (await send(po.id).expect(200)).body as PurchaseOrder;
    const before = (await readOrder(waiting.id)).lines[0]?.currentPromisedDate ?? '';

    const moved = (
      await t.http
        .post(`/api/purchase-orders/${po.id}/lines/${sent.lines[0]?.id}/reschedule`)
        .set(bearer(w.warehouse))
        .send({ expectedDate: daysAhead(16), reason: 'Late at the port' })
        .expect(200)
    ).body as PurchaseOrder;
    expect(moved.lines[0]?.expectedDate).toBe(daysAhead(16));
    expect(moved.events.at(-1)).toMatchObject({ kind: 'rescheduled', reason: 'Late at the port' });
    const after = (await readOrder(waiting.id)).lines[0]?.currentPromisedDate ?? '';
    expect(after > before).toBe(true);

    const cancelled = (
      await t.http
        .post(`/api/purchase-orders/${po.id}/cancel`)
        .set(bearer(w.warehouse))
        .send({ reason: 'Ordered elsewhere' })
        .expect(200)
    ).body as PurchaseOrder;
    expect(cancelled.status).toBe('cancelled');
    expect((await readOrder(waiting.id)).lines[0]).toMatchObject({ allocated: 0, backordered: 2 });
    const [row] = (await t.dataSource.query(`SELECT status, allocated FROM inbound WHERE product_id = $1`, [
      product.id,
    ])) as {
      status: string;
      allocated: number;
    }[];
    expect(row).toEqual({ status: 'cancelled', allocated: 0 });
  });

  it('lists, searches and sorts purchase orders', async () => {
    const product = await boughtProduct();
    const po = await draft([{ productId: product.id, warehouseCode: w.warehouseCode, quantity: 1 }]);
    const found = await t.http
      .get(`/api/purchase-orders?search=${product.sku}`)
      .set(bearer(w.manager))
      .expect(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([po.id]);
    expect(found.body.items[0]).toMatchObject({ lineCount: 1, units: 1, total: '7.20', status: 'draft' });
    const sorted = await t.http
      .get('/api/purchase-orders?sort=number&dir=desc&pageSize=2')
      .set(bearer(w.admin))
      .expect(200);
    expect(sorted.body.items).toHaveLength(2);
    await t.http.get('/api/purchase-orders?sort=bogus').set(bearer(w.admin)).expect(400);
    expect(await readPo(po.id)).toMatchObject({ id: po.id });
  });

  it('answers customer users 403 on every purchasing route, and lets the manager only read', async () => {
    const product = await boughtProduct();
    const po = await draft([{ productId: product.id, warehouseCode: w.warehouseCode, quantity: 1 }]);
    const id = po.id;
    const lineId = po.lines[0]?.id;
    const routes: [string, string][] = [
      ['get', '/api/suppliers'],
      ['get', `/api/suppliers/${supplierCode}`],
      ['post', '/api/suppliers'],
      ['patch', `/api/suppliers/${supplierCode}`],
      ['get', `/api/products/${product.id}/supply`],
      ['put', `/api/products/${product.id}/supply`],
      ['get', '/api/purchasing/settings'],
      ['put', '/api/purchasing/settings'],
      ['get', '/api/purchase-orders'],
      ['get', `/api/purchase-orders/${id}`],
      ['post', '/api/purchase-orders'],
      ['patch', `/api/purchase-orders/${id}`],
      ['post', `/api/purchase-orders/${id}/send`],
      ['post', `/api/purchase-orders/${id}/receipts`],
      ['post', `/api/purchase-orders/${id}/close`],
      ['post', `/api/purchase-orders/${id}/cancel`],
      ['post', `/api/purchase-orders/${id}/lines/${lineId}/reschedule`],
      ['get', `/api/documents/purchase-orders/${id}.pdf`],
    ];
    for (const user of [w.buyer, w.approver]) {
      for (const [method, url] of routes) {
        const res = await (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)
          [method]?.(url)
          .set(bearer(user))
          .send({});
        expect([method, url, res?.status]).toEqual([method, url, 403]);
      }
    }
    const writes = routes.filter(([method, url]) => method !== 'get' && !url.endsWith('.pdf'));
    for (const [method, url] of writes) {
      const res = await (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)
        [method]?.(url)
        .set(bearer(w.manager))
        .send({});
      expect([method, url, res?.status]).toEqual([method, url, 403]);
    }
  });

  it('keeps supplier codes unique and product supply admin-only', async () => {
    await t.http
      .post('/api/suppliers')
      .set(bearer(w.warehouse))
      .send({ code: supplierCode, name: 'Dup', email: 'd@example.com', leadTimeDays: 1 })
      .expect(409);
    const product = await createProduct(t);
    await t.http.get(`/api/products/${product.id}/supply`).set(bearer(w.warehouse)).expect(404);
    await t.http
      .put(`/api/products/${product.id}/supply`)
      .set(bearer(w.warehouse))
      .send({ supplierCode, supplierSku: 'A', unitCost: '1.00', packSize: 1 })
      .expect(403);
    const set = await t.http
      .put(`/api/products/${product.id}/supply`)
      .set(bearer(w.admin))
      .send({ supplierCode, supplierSku: 'A', unitCost: '1.00', packSize: 12 })
      .expect(200);
    expect(set.body).toMatchObject({
      packSize: 12,
      safetyDays: 5,
      reviewDays: 10,
      supplierName: `Supplier ${supplierCode}`,
    });
    const patched = await t.http
      .patch(`/api/suppliers/${supplierCode}`)
      .set(bearer(w.warehouse))
      .send({ leadTimeDays: 7 })
      .expect(200);
    expect(patched.body).toMatchObject({ leadTimeDays: 7, productCount: expect.any(Number) });
    await t.http
      .patch(`/api/suppliers/${supplierCode}`)
      .set(bearer(w.warehouse))
      .send({ leadTimeDays: 5 })
      .expect(200);
  });

  it('sets a line without a date to today plus the supplier lead time when sent', async () => {
    await setStock(t, (await createProduct(t)).id, w.warehouseCode, 0);
    const product = await boughtProduct();
    const po = await draft([{ productId: product.id, warehouseCode: w.warehouseCode, quantity: 2 }]);
    const sent = (await send(po.id).expect(200)).body as PurchaseOrder;
    expect(sent.lines[0]?.expectedDate).toBe(po.lines[0]?.expectedDate);
    expect(sent.lines[0]?.expectedDate > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('prints the purchase order as a PDF for staff who read purchasing', async () => {
    const product = await boughtProduct();
    const po = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 12, expectedDate: daysAhead(9) },
    ]);
    const path = `/api/documents/purchase-orders/${po.id}.pdf`;
    const response = await fetchDocument(t, w.warehouse, path).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${po.number}.pdf"`);
    const texts = pdfTexts(response.body as Buffer);
    // 12 × 7.20 = 86.40
    for (const expected of [
      'Purchase order',
      po.number,
      `Supplier ${supplierCode}`,
      `X-${product.sku}`,
      '$7.20',
      '$86.40',
    ]) {
      expect(texts).toContain(expected);
    }
    await fetchDocument(t, w.manager, path).expect(200);
    await fetchDocument(t, w.admin, path).expect(200);
    await fetchDocument(t, w.am, path).expect(403);
    await fetchDocument(
      t,
      w.warehouse,
      '/api/documents/purchase-orders/00000000-0000-4000-8000-000000000000.pdf',
    ).expect(404);
  });

  it('changes only drafts, refuses unknown lines, and audits every change', async () => {
    const product = await boughtProduct();
    const po = await draft([{ productId: product.id, warehouseCode: w.warehouseCode, quantity: 3 }]);
    await t.http
      .post('/api/purchase-orders')
      .set(bearer(w.warehouse))
      .send({
        supplierCode,
        lines: [
          { productId: product.id, warehouseCode: w.warehouseCode, quantity: 1, unitCost: '99999999999.00' },
        ],
      })
      .expect(400);
    const sent = (await send(po.id).expect(200)).body as PurchaseOrder;
    await t.http
      .patch(`/api/purchase-orders/${po.id}`)
      .set(bearer(w.warehouse))
      .set('If-Match', `"${sent.version}"`)
      .send({ notes: 'too late' })
      .expect(409);
    const unknown = await t.http
      .post(`/api/purchase-orders/${po.id}/receipts`)
      .set(bearer(w.warehouse))
      .send({ lines: [{ lineId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] })
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'lines[0].lineId', message: expect.any(String) }]);
    expect((await readPo(po.id)).lines[0]).toMatchObject({ received: 0, open: 3 });

    const other = await draft([{ productId: product.id, warehouseCode: w.warehouseCode, quantity: 2 }]);
    const dropped = await t.http
      .post(`/api/purchase-orders/${other.id}/cancel`)
      .set(bearer(w.admin))
      .send({ reason: 'Not needed' })
      .expect(200);
    expect(dropped.body).toMatchObject({ status: 'cancelled' });
    await send(other.id).expect(409);

    const audit = await t.http
      .get(`/api/audit?entity=purchase_order&entityId=${po.id}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    expect(sent.events.map((e) => e.kind)).toEqual(['created', 'sent']);
  });

  it('cancels two lines of one product together: no order line is moved onto a receipt that goes too', async () => {
    const product = await boughtProduct();
    const waiting = await backorder(product.id, 5);
    const po = await draft([
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 3, expectedDate: daysAhead(6) },
      { productId: product.id, warehouseCode: w.warehouseCode, quantity: 4, expectedDate: daysAhead(9) },
    ]);
    const sent = (await send(po.id).expect(200)).body as PurchaseOrder;
    expect(sent.lines.map((l) => l.allocated)).toEqual([3, 2]);
    const cancelled = (
      await t.http
        .post(`/api/purchase-orders/${po.id}/cancel`)
        .set(bearer(w.warehouse))
        .send({ reason: 'Supplier closed' })
        .expect(200)
    ).body as PurchaseOrder;
    expect(cancelled.lines.map((l) => [l.closed, l.open, l.allocated])).toEqual([
      [3, 0, 0],
      [4, 0, 0],
    ]);
    const after = await readOrder(waiting.id);
    expect(after.lines[0]).toMatchObject({ allocated: 0, backordered: 5 });
    expect(after.lines[0]?.promise.splits).toEqual([expect.objectContaining({ source: 'supplier', qty: 5 })]);
    expect(after.events.filter((e) => e.kind === 'repromised')).toHaveLength(2);
  });
});
