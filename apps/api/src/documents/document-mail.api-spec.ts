import type { Order, ProductReturn, ReturnReceiptResult } from '@tradecounter/contracts';
import { startEventsWorker } from '../test-support/events-app';
import { bearer, createProduct } from '../test-support/fixtures';
import {
  checkOrder,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import { createOwnDatabase, type OwnDatabase } from '../test-support/own-database';
import { pdfTexts } from '../test-support/pdf-text';
import { SmtpSink, type ReceivedMail } from '../test-support/smtp-sink';
import { startTestApp, TestApp } from '../test-support/test-app';
import { eventually } from '../test-support/webhook-receiver';

/** The PDF attachments of a raw message, by file name (nodemailer sends them base64). */
function pdfAttachments(mail: ReceivedMail): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const parts = mail.data.split(/\r\n--[^\r\n]+\r\n/);
  for (const part of parts) {
    const [head = '', ...rest] = part.split('\r\n\r\n');
    if (!/Content-Type: application\/pdf/i.test(head)) continue;
    const name = /filename="?([^"\r\n;]+)"?/i.exec(head)?.[1] ?? '';
    found.set(name, Buffer.from(rest.join('').replace(/\s+/g, '').replace(/--.*$/, ''), 'base64'));
  }
  return found;
}

/**
 * The e-mails of an order carry its documents: the confirmation when it is
 * confirmed, the packing slip of each shipment when it ships, the credit
 * note when a return's receipt issues one. A database of
 * its own, so its events worker takes no other file's outbox rows.
 */
describe('documents attached to e-mails', () => {
  let database: OwnDatabase;
  let api: TestApp;
  let worker: TestApp;
  let smtp: SmtpSink;
  let w: OrderingWorld;
  beforeAll(async () => {
    database = await createOwnDatabase();
    smtp = await SmtpSink.start();
    // The API sends the mails of returns itself (after its transaction); the worker those of order events.
    api = await startTestApp({ SMTP_URL: smtp.url }, database.url);
    worker = await startEventsWorker({ SMTP_URL: smtp.url }, database.url);
    w = await createOrderingWorld(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
    await database.drop();
  });

  const mailTo = (email: string, subject: string) =>
    smtp.mails.find((mail) => mail.to.some((to) => to.includes(email)) && mail.data.includes(subject));

  it('sends the order confirmation with "confirmed" and the packing slip with "shipped"', async () => {
    const product = await createProduct(api, { listPrice: '4.00' });
    await setStock(api, product.id, w.warehouseCode, 50);
    const order = (
      await placeOrder(api, w.buyer, {
        lines: [{ productId: product.id, quantity: 10 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201)
    ).body as Order;

    await eventually(
      'the confirmation e-mail',
      () => !!mailTo(w.buyer.email, `Order ${order.number} confirmed`),
    );
    const confirmed = pdfAttachments(
      mailTo(w.buyer.email, `Order ${order.number} confirmed`) as ReceivedMail,
    );
    const confirmation = confirmed.get(`${order.number}.pdf`);
    expect(confirmation?.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdfTexts(confirmation as Buffer)).toContain(order.number);

    const post = (path: string, body: object = {}) => api.http.post(path).set(bearer(w.warehouse)).send(body);
    await post(`/api/orders/${order.id}/pick`).expect(200);
    await checkOrder(api, w.warehouse, order.id);
    await post(`/api/orders/${order.id}/pack`, { packages: [{}] }).expect(200);
    await post(`/api/orders/${order.id}/shipments`, {
      carrier: 'UPS',
      trackingNumber: '1ZMAIL0001',
      lines: [{ orderLineId: order.lines[0]?.id, quantity: 10 }],
    }).expect(201);

    await eventually('the shipped e-mail', () => !!mailTo(w.buyer.email, `Order ${order.number} shipped`));
    const shipped = pdfAttachments(mailTo(w.buyer.email, `Order ${order.number} shipped`) as ReceivedMail);
    const slip = shipped.get(`${order.number}-shipment-1.pdf`);
    expect(slip?.subarray(0, 4).toString()).toBe('%PDF');
    const texts = pdfTexts(slip as Buffer);
    expect(texts).toContain('Packing slip');
    expect(texts).toContain('1ZMAIL0001');
  });

  it('sends the return instructions with "return approved" and the credit note with "credit note issued"', async () => {
    const product = await createProduct(api, { listPrice: '8.00' });
    await setStock(api, product.id, w.warehouseCode, 50);
    const order = (
      await placeOrder(api, w.buyer, {
        lines: [{ productId: product.id, quantity: 3 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201)
    ).body as Order;
    const as =
      (user: OrderingWorld['admin']) =>
      (path: string, body: object = {}) =>
        api.http.post(path).set(bearer(user)).send(body);
    const warehouse = as(w.warehouse);
    await warehouse(`/api/orders/${order.id}/pick`).expect(200);
    await checkOrder(api, w.warehouse, order.id);
    await warehouse(`/api/orders/${order.id}/pack`, { packages: [{}] }).expect(200);
    const shipped = (
      await warehouse(`/api/orders/${order.id}/shipments`, {
        carrier: 'UPS',
        trackingNumber: '1ZMAIL0002',
        lines: [{ orderLineId: order.lines[0]?.id, quantity: 3 }],
      }).expect(201)
    ).body as Order;
    await warehouse(`/api/shipments/${shipped.shipments[0]?.id}/deliver`, {
      deliveredAt: new Date().toISOString(),
    }).expect(200);
    const ret = (
      await as(w.buyer)('/api/returns', {
        orderId: order.id,
        lines: [{ orderLineId: order.lines[0]?.id, quantity: 1, reason: 'defective' }],
      }).expect(201)
    ).body as ProductReturn;
    await as(w.am)(`/api/returns/${ret.id}/approve`).expect(200);
    // Approval: the RMA number to write on the parcel, and the instructions to put inside.
    const approvedTitle = `Return ${ret.number} approved`;
    await eventually('the approval e-mail', () => !!mailTo(w.buyer.email, approvedTitle));
    const approval = mailTo(w.buyer.email, approvedTitle) as ReceivedMail;
    // The text part is quoted-printable: soft line breaks (=CRLF) joined again.
    expect(approval.data.replace(/=\r\n/g, '')).toContain(`Write ${ret.number} on the parcel`);
    const instructions = pdfAttachments(approval);
    const rma = [...instructions.values()][0];
    expect(instructions.size).toBe(1);
    expect(rma?.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdfTexts(rma as Buffer)).toContain(ret.number);
    const receipt = (
      await warehouse(`/api/returns/${ret.id}/receive`, {
        lines: [{ returnLineId: ret.lines[0]?.id, quantity: 1, condition: 'scrap' }],
      }).expect(200)
    ).body as ReturnReceiptResult;
    const number = receipt.creditNote?.number as string;
    await eventually('the credit note e-mail', () => !!mailTo(w.buyer.email, `Credit note ${number} issued`));
    const files = pdfAttachments(mailTo(w.buyer.email, `Credit note ${number} issued`) as ReceivedMail);
    const note = files.get(`${number}.pdf`);
    expect(note?.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdfTexts(note as Buffer)).toContain(number);
  });
});
