import type { Order, ProductReturn, ReturnReceiptResult } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import {
  checkOrder,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import { fetchDocument, pdfTexts } from '../test-support/pdf-text';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('return (RMA) and credit note documents', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  const post = (user: OrderingWorld['admin'], path: string, body: object = {}) =>
    t.http.post(path).set(bearer(user)).send(body);

  /** A delivered order of 5 units at 12.50, and a return of 2 of them asked by its buyer. */
  async function requestedReturn() {
    const product = await createProduct(t, { listPrice: '12.50' });
    await setStock(t, product.id, w.warehouseCode, 50);
    const order = (
      await placeOrder(t, w.buyer, {
        lines: [{ productId: product.id, quantity: 5 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201)
    ).body as Order;
    const line = order.lines[0];
    if (!line) throw new Error('one line');
    await post(w.warehouse, `/api/orders/${order.id}/pick`).expect(200);
    await checkOrder(t, w.warehouse, order.id);
    await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [{}] }).expect(200);
    const shipped = (
      await post(w.warehouse, `/api/orders/${order.id}/shipments`, {
        carrier: 'UPS',
        trackingNumber: '1ZRET0001',
        lines: [{ orderLineId: line.id, quantity: 5 }],
      }).expect(201)
    ).body as Order;
    await post(w.warehouse, `/api/shipments/${shipped.shipments[0]?.id}/deliver`, {
      deliveredAt: new Date().toISOString(),
    }).expect(200);
    const ret = (
      await post(w.buyer, '/api/returns', {
        orderId: order.id,
        lines: [{ orderLineId: line.id, quantity: 2, reason: 'damaged', note: 'Bent in transit' }],
      }).expect(201)
    ).body as ProductReturn;
    return { order, product, ret };
  }

  it('the RMA says not to send before approval, then how to send it back and where, with its lines', async () => {
    const { order, product, ret } = await requestedReturn();
    const path = `/api/documents/returns/${ret.id}.pdf`;
    const before = await fetchDocument(t, w.buyer, path).expect(200);
    expect(before.headers['content-disposition']).toBe(`attachment; filename="${ret.number}.pdf"`);
    const pdf = before.body as Buffer;
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const waiting = pdfTexts(pdf);
    expect(waiting).toContain(ret.number);
    expect(waiting.join(' ')).toContain('do not send anything until it is approved');

    await post(w.am, `/api/returns/${ret.id}/approve`).expect(200);
    const approved = await fetchDocument(t, w.buyer, path).expect(200);
    // The status changed what the document says: a new ETag, a new PDF.
    expect(approved.headers['etag']).not.toBe(before.headers['etag']);
    const texts = pdfTexts(approved.body as Buffer);
    for (const expected of ['Return authorisation', ret.number, order.number, product.sku, '2', 'Credit']) {
      expect(texts).toContain(expected);
    }
    expect(texts).toContain('Damaged: Bent in transit');
    expect(texts.join(' ')).toContain('Print this page and put it in the parcel');

    for (const reader of [w.approver, w.am, w.warehouse, w.admin])
      await fetchDocument(t, reader, path).expect(200);
    for (const stranger of [w.otherBuyer, w.otherApprover, w.otherAm]) {
      await fetchDocument(t, stranger, path).expect(404);
    }
    await fetchDocument(t, w.admin, '/api/documents/returns/00000000-0000-4000-8000-000000000000.pdf').expect(
      404,
    );
  });

  it('the credit note of a receipt: its number, the return and order, the line at the price paid, the total', async () => {
    const { order, ret } = await requestedReturn();
    await post(w.am, `/api/returns/${ret.id}/approve`).expect(200);
    const receipt = (
      await post(w.warehouse, `/api/returns/${ret.id}/receive`, {
        lines: [{ returnLineId: ret.lines[0]?.id, quantity: 2, condition: 'restock' }],
      }).expect(200)
    ).body as ReturnReceiptResult;
    const note = receipt.creditNote;
    if (!note) throw new Error('a credit note');
    const path = `/api/documents/credit-notes/${note.id}.pdf`;
    const response = await fetchDocument(t, w.buyer, path).expect(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${note.number}.pdf"`);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const texts = pdfTexts(pdf);
    // 2 × 12.50 = 25.00, no restocking fee set
    for (const expected of ['Credit note', note.number, ret.number, order.number, '$12.50', '$25.00']) {
      expect(texts).toContain(expected);
    }
    expect(note.total).toBe('25.00');
    for (const stranger of [w.otherBuyer, w.otherAm]) await fetchDocument(t, stranger, path).expect(404);
    await fetchDocument(t, w.buyer, '/api/documents/credit-notes/not-an-id.pdf').expect(404);
  });
});
