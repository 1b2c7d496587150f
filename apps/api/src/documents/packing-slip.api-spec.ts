import type { Order } from '@tradecounter/contracts';
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

describe('the packing slip', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  const post = (path: string, body: object = {}) => t.http.post(path).set(bearer(w.warehouse)).send(body);

  /** An order of two lines (10 and 4 units) shipped in two parts: 6 + 4, then the other 4 of the first line. */
  async function shippedInParts() {
    const bolts = await createProduct(t, { listPrice: '1.00' });
    const beams = await createProduct(t, { listPrice: '90.00' });
    for (const product of [bolts, beams]) await setStock(t, product.id, w.warehouseCode, 100);
    const order = (
      await placeOrder(t, w.buyer, {
        lines: [
          { productId: bolts.id, quantity: 10 },
          { productId: beams.id, quantity: 4 },
        ],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
        poNumber: 'PO-SLIP-1',
      }).expect(201)
    ).body as Order;
    const [boltLine, beamLine] = order.lines;
    if (!boltLine || !beamLine) throw new Error('two lines');
    await post(`/api/orders/${order.id}/pick`).expect(200);
    await checkOrder(t, w.warehouse, order.id);
    await post(`/api/orders/${order.id}/pack`, { packages: [{}] }).expect(200);
    await post(`/api/orders/${order.id}/shipments`, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      lines: [
        { orderLineId: boltLine.id, quantity: 6 },
        { orderLineId: beamLine.id, quantity: 4 },
      ],
    }).expect(201);
    const shipped = (
      await post(`/api/orders/${order.id}/shipments`, {
        carrier: 'FedEx',
        trackingNumber: '794644790132',
        lines: [{ orderLineId: boltLine.id, quantity: 4 }],
      }).expect(201)
    ).body as Order;
    return { order: shipped, bolts, beams };
  }

  it('says which order, PO, carrier and tracking, what is in this parcel and what is still to follow', async () => {
    const { order, bolts, beams } = await shippedInParts();
    const [first, second] = order.shipments;
    if (!first || !second) throw new Error('two shipments');
    const response = await fetchDocument(t, w.buyer, `/api/documents/packing-slips/${first.id}.pdf`).expect(
      200,
    );
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${order.number}-shipment-1.pdf"`,
    );
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const texts = pdfTexts(pdf);
    for (const expected of [
      'Packing slip',
      order.number,
      'PO-SLIP-1',
      'UPS',
      '1Z999AA10123456784',
      '1 of 2',
    ]) {
      expect(texts).toContain(expected);
    }
    // the bolt row: 10 ordered, 6 in this parcel, 4 to follow (as of this first shipment)
    const boltRow = texts.indexOf(bolts.sku);
    expect(texts.slice(boltRow, boltRow + 6).slice(2, 5)).toEqual(['10', '6', '4']);
    const beamRow = texts.indexOf(beams.sku);
    expect(texts.slice(beamRow, beamRow + 6).slice(2, 5)).toEqual(['4', '4', '0']);
    expect(texts.join(' ')).toContain('within 30 days of delivery');

    // The second parcel finishes the order: nothing to follow.
    const last = pdfTexts(
      (await fetchDocument(t, w.buyer, `/api/documents/packing-slips/${second.id}.pdf`).expect(200))
        .body as Buffer,
    );
    expect(last).toContain('FedEx');
    expect(last.join(' ')).toContain('your order is complete');
  });

  it('is readable by the account’s people, the warehouse and staff; a 404 for anyone else', async () => {
    const { order } = await shippedInParts();
    const path = `/api/documents/packing-slips/${order.shipments[0]?.id}.pdf`;
    for (const reader of [w.buyer, w.approver, w.am, w.warehouse, w.manager, w.admin]) {
      await fetchDocument(t, reader, path).expect(200);
    }
    for (const stranger of [w.otherBuyer, w.otherApprover, w.otherAm]) {
      await fetchDocument(t, stranger, path).expect(404);
    }
    await fetchDocument(
      t,
      w.admin,
      '/api/documents/packing-slips/00000000-0000-4000-8000-000000000000.pdf',
    ).expect(404);
    await fetchDocument(t, w.admin, '/api/documents/packing-slips/nope.pdf').expect(404);
  });
});
