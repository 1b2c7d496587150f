import sharp from 'sharp';
import type { CompanySettings, Order } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { createOwnDatabase, type OwnDatabase } from '../test-support/own-database';
import { fetchDocument, pdfTexts } from '../test-support/pdf-text';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('company letterhead settings', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let png: Buffer;
  // A database of its own: the letterhead is one row for the whole system, and the other
  // files' documents must not change under them while this one edits it.
  let database: OwnDatabase;
  beforeAll(async () => {
    database = await createOwnDatabase();
    t = await startTestApp(
      { SELLER_NAME: 'Seeded Seller Ltd', SELLER_ADDRESS: '1 Trade Way, Springfield' },
      database.url,
    );
    w = await createOrderingWorld(t);
    png = await sharp({ create: { width: 240, height: 60, channels: 3, background: '#1f4e79' } })
      .png()
      .toBuffer();
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const settingsOf = async () =>
    (await t.http.get('/api/settings/company').set(bearer(w.buyer)).expect(200)).body as CompanySettings;
  const letterhead = {
    name: 'Northwind Trade Supply',
    address: ['9 Depot Lane', 'Springfield IL 62702', 'US'],
    email: 'orders@northwind.test',
    phone: '+1 217 555 0100',
    registration: 'EIN 12-3456789',
  };

  async function anOrder(): Promise<Order> {
    const product = await createProduct(t, { listPrice: '5.00' });
    await setStock(t, product.id, w.warehouseCode, 100);
    return (
      await placeOrder(t, w.buyer, {
        lines: [{ productId: product.id, quantity: 2 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201)
    ).body as Order;
  }

  it('starts from SELLER_NAME and SELLER_ADDRESS, readable by every signed-in user', async () => {
    expect(await settingsOf()).toEqual({
      name: 'Seeded Seller Ltd',
      address: ['1 Trade Way, Springfield'],
      email: null,
      phone: null,
      registration: null,
      hasLogo: false,
      version: 1,
    });
    await t.http.get('/api/settings/company').expect(401);
  });

  it('only an admin changes it; bad input is a 400 that changes nothing', async () => {
    for (const user of [w.buyer, w.am, w.manager, w.warehouse]) {
      await t.http.put('/api/settings/company').set(bearer(user)).send(letterhead).expect(403);
    }
    const before = await settingsOf();
    for (const bad of [
      { ...letterhead, name: '' },
      { ...letterhead, email: 'not-an-email' },
      { ...letterhead, address: 'one line' },
      { ...letterhead, address: Array.from({ length: 7 }, () => 'x') },
    ]) {
      const response = await t.http.put('/api/settings/company').set(bearer(w.admin)).send(bad).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await settingsOf()).toEqual(before);
  });

  it('a letterhead change shows in the very next PDF, with a new ETag; unchanged, the ETag answers 304', async () => {
    const order = await anOrder();
    const path = `/api/documents/orders/${order.id}.pdf`;
    const first = await fetchDocument(t, w.buyer, path).expect(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(pdfTexts(first.body as Buffer)).toContain('Seeded Seller Ltd');
    // The same content: the same ETag, and a 304 without a body to the revalidation.
    expect((await fetchDocument(t, w.buyer, path).expect(200)).headers['etag']).toBe(etag);
    await t.http.get(path).set(bearer(w.buyer)).set('If-None-Match', etag).expect(304);

    const changed = (
      await t.http.put('/api/settings/company').set(bearer(w.admin)).send(letterhead).expect(200)
    ).body as CompanySettings;
    expect(changed).toEqual({ ...letterhead, hasLogo: false, version: 2 });

    const after = await t.http.get(path).set(bearer(w.buyer)).set('If-None-Match', etag).buffer(true);
    expect(after.status).toBe(200);
    expect(after.headers['etag']).not.toBe(etag);
    const texts = pdfTexts(await fetchDocument(t, w.buyer, path).then((r) => r.body as Buffer));
    expect(texts).toContain('Northwind Trade Supply');
    expect(texts).toContain('Springfield IL 62702');
    expect(texts).toContain('EIN 12-3456789');
    expect(texts).not.toContain('Seeded Seller Ltd');
  });

  it('an order change (a cancellation) gives a new PDF, never the cached one', async () => {
    const order = await anOrder();
    const path = `/api/documents/orders/${order.id}.pdf`;
    const before = await fetchDocument(t, w.buyer, path).expect(200);
    expect(pdfTexts(before.body as Buffer)).toContain('Confirmed');
    await t.http
      .post(`/api/orders/${order.id}/cancel`)
      .set(bearer(w.buyer))
      .send({ reason: 'changed plans' })
      .expect(200);
    const after = await fetchDocument(t, w.buyer, path).expect(200);
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    expect(pdfTexts(after.body as Buffer)).toContain('Cancelled');
  });

  describe('the logo', () => {
    const upload = (body: Buffer, type: string) =>
      t.http.put('/api/settings/company/logo').set(bearer(w.admin)).set('Content-Type', type).send(body);

    it('refuses what is not a PNG or JPEG, a file claiming a type it is not, and over 1 MB; nothing changes', async () => {
      const before = await settingsOf();
      await upload(Buffer.from('GIF89a...'), 'image/gif').expect(415);
      await upload(Buffer.from('hello, not a png'), 'image/png').expect(415);
      await upload(png, 'image/jpeg').expect(415);
      await upload(Buffer.alloc(0), 'image/png').expect(400);
      // a PNG signature with nothing drawable behind it
      await upload(Buffer.concat([png.subarray(0, 8), Buffer.alloc(64)]), 'image/png').expect(400);
      const big = Buffer.concat([png, Buffer.alloc(1024 * 1024)]);
      await upload(big, 'image/png').expect(413);
      await t.http
        .put('/api/settings/company/logo')
        .set(bearer(w.admin))
        .attach('file', big, { filename: 'big.png', contentType: 'image/png' })
        .expect(413);
      await t.http
        .put('/api/settings/company/logo')
        .set(bearer(w.buyer))
        .set('Content-Type', 'image/png')
        .send(png)
        .expect(403);
      expect(await settingsOf()).toEqual(before);
      await t.http.get('/api/settings/company/logo').set(bearer(w.buyer)).expect(404);
    });

    it('uploads as a multipart form or a raw body, is served back, drawn on every PDF, and can be removed', async () => {
      const order = await anOrder();
      const path = `/api/documents/orders/${order.id}.pdf`;
      const plain = (await fetchDocument(t, w.buyer, path).expect(200)).body as Buffer;
      expect(plain.toString('latin1')).not.toContain('/Subtype /Image');

      const put = await t.http
        .put('/api/settings/company/logo')
        .set(bearer(w.admin))
        .attach('file', png, { filename: 'logo.png', contentType: 'image/png' })
        .expect(200);
      const withLogo = put.body as CompanySettings;
      expect(withLogo.hasLogo).toBe(true);
      const served = await t.http
        .get('/api/settings/company/logo')
        .set(bearer(w.buyer))
        .buffer(true)
        .expect(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(served.body as Buffer, png)).toBe(0);
      await t.http
        .get('/api/settings/company/logo')
        .set(bearer(w.buyer))
        .set('If-None-Match', served.headers['etag'] as string)
        .expect(304);

      const drawn = (await fetchDocument(t, w.buyer, path).expect(200)).body as Buffer;
      expect(drawn.toString('latin1')).toContain('/Subtype /Image');

      const jpeg = await sharp({ create: { width: 80, height: 80, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer();
      expect(((await upload(jpeg, 'image/jpeg').expect(200)).body as CompanySettings).version).toBe(
        withLogo.version + 1,
      );

      await t.http.delete('/api/settings/company/logo').set(bearer(w.buyer)).expect(403);
      const removed = (await t.http.delete('/api/settings/company/logo').set(bearer(w.admin)).expect(200))
        .body as CompanySettings;
      expect(removed.hasLogo).toBe(false);
      await t.http.delete('/api/settings/company/logo').set(bearer(w.admin)).expect(404);
      const again = (await fetchDocument(t, w.buyer, path).expect(200)).body as Buffer;
      expect(again.toString('latin1')).not.toContain('/Subtype /Image');
    });
  });
});
