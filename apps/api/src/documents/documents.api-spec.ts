import type { Order } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { fetchDocument, pdfPageCount, pdfTexts } from '../test-support/pdf-text';
import { priceQuote, requestQuote } from '../test-support/quote-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('PDF documents', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp({
      SELLER_NAME: 'Tradecounter Supply Co.',
      SELLER_ADDRESS: '1 Trade Way, Springfield',
    });
    w = await createOrderingWorld(t);
    // The letterhead is one row the files share, made by whichever app started first: set it.
    await t.http
      .put('/api/settings/company')
      .set(bearer(w.admin))
      .send({
        name: 'Tradecounter Supply Co.',
        address: ['1 Trade Way, Springfield'],
        email: null,
        phone: null,
        registration: null,
      })
      .expect(200);
  });
  afterAll(() => t.close());

  async function orderOf(
    lines: { listPrice: string; quantity: number }[],
    extra: Record<string, unknown> = {},
  ) {
    const products = [];
    for (const line of lines) {
      const product = await createProduct(t, { listPrice: line.listPrice });
      await setStock(t, product.id, w.warehouseCode, 1000);
      products.push({ productId: product.id, sku: product.sku, quantity: line.quantity });
    }
    const placed = await placeOrder(t, w.buyer, {
      lines: products.map(({ productId, quantity }) => ({ productId, quantity })),
      shippingAddressId: w.mineAddress,
      shipComplete: false,
      ...extra,
    }).expect(201);
    return { order: placed.body as Order, products };
  }

  const problemOf = (body: Buffer) => JSON.parse(body.toString('utf8')) as { status: number };

  describe('the order confirmation', () => {
    it('downloads as SO-….pdf with the number, account, PO, lines and the exact total', async () => {
      const { order, products } = await orderOf(
        [
          { listPrice: '1234.56', quantity: 3 },
          { listPrice: '0.35', quantity: 7 },
        ],
        { poNumber: 'PO-DOC-1' },
      );
      const response = await fetchDocument(t, w.buyer, `/api/documents/orders/${order.id}.pdf`).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${order.number}.pdf"`);
      const pdf = response.body as Buffer;
      expect(await pdfPageCount(pdf)).toBe(1);
      const texts = pdfTexts(pdf);
      // 3 × 1,234.56 = 3,703.68; 7 × 0.35 = 2.45; total 3,706.13
      for (const expected of [
        'Tradecounter Supply Co.',
        'Order confirmation',
        order.number,
        order.accountName,
        'PO-DOC-1',
        products[0]?.sku,
        '$1,234.56',
        '$3,703.68',
        '$2.45',
        '$3,706.13',
        'Page 1 of 1',
      ]) {
        expect(texts).toContain(expected);
      }
      expect(order.subtotal).toBe('3706.13');
    });

    it('is readable by the account manager of the account and by staff, not by another account or manager', async () => {
      const { order } = await orderOf([{ listPrice: '10.00', quantity: 1 }]);
      const path = `/api/documents/orders/${order.id}.pdf`;
      for (const reader of [w.approver, w.am, w.manager, w.admin, w.warehouse]) {
        await fetchDocument(t, reader, path).expect(200);
      }
      for (const stranger of [w.otherBuyer, w.otherApprover, w.otherAm]) {
        const response = await fetchDocument(t, stranger, path).expect(404);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(problemOf(response.body as Buffer).status).toBe(404);
      }
    });

    it('answers 404 for an order that does not exist or a malformed id', async () => {
      await fetchDocument(
        t,
        w.admin,
        '/api/documents/orders/00000000-0000-4000-8000-000000000000.pdf',
      ).expect(404);
      await fetchDocument(t, w.admin, '/api/documents/orders/not-an-id.pdf').expect(404);
    });

    it('runs a 40-line order onto a second page, its table header repeated and every line listed once', async () => {
      const { order, products } = await orderOf(
        Array.from({ length: 40 }, () => ({ listPrice: '2.50', quantity: 2 })),
      );
      const pdf = (await fetchDocument(t, w.buyer, `/api/documents/orders/${order.id}.pdf`).expect(200))
        .body as Buffer;
      expect(await pdfPageCount(pdf)).toBe(2);
      const texts = pdfTexts(pdf);
      expect(texts.filter((text) => text === 'Line total')).toHaveLength(2);
      expect(texts).toContain(`Order confirmation ${order.number} (continued)`);
      for (const product of products) expect(texts.filter((text) => text === product.sku)).toHaveLength(1);
      // 40 × 2 × 2.50 = 200.00
      expect(texts).toContain('$200.00');
      expect(texts).toContain('Page 2 of 2');
    });
  });

  describe('the quote', () => {
    async function quotedQuote() {
      const bolts = await createProduct(t, { listPrice: '20.00' });
      const beams = await createProduct(t, { listPrice: '600.00' });
      for (const product of [bolts, beams]) await setStock(t, product.id, w.warehouseCode, 1000);
      const requested = await requestQuote(
        t,
        w.buyer,
        [
          { productId: bolts.id, quantity: 10 },
          { productId: beams.id, quantity: 3 },
        ],
        { message: 'For the spring job' },
      );
      return { requested, bolts, beams };
    }

    it('downloads as Q-….pdf with the number, lines, quoted prices, exact total and validity', async () => {
      const { requested, bolts, beams } = await quotedQuote();
      const priced = await priceQuote(t, w.am, requested, { [bolts.id]: '17.45', [beams.id]: '1234.56' });
      const response = await fetchDocument(t, w.buyer, `/api/documents/quotes/${priced.id}.pdf`).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${priced.number}.pdf"`);
      const texts = pdfTexts(response.body as Buffer);
      // 10 × 17.45 = 174.50; 3 × 1,234.56 = 3,703.68; total 3,878.18
      expect(priced.subtotal).toBe('3878.18');
      for (const expected of [
        'Quotation',
        priced.number,
        w.mine.name,
        bolts.sku,
        beams.sku,
        '$17.45',
        '$174.50',
        '$1,234.56',
        '$3,703.68',
        '$3,878.18',
        'Valid until',
        'For the spring job',
      ]) {
        expect(texts).toContain(expected);
      }
    });

    it('shows an earlier revision with its own prices, marked superseded', async () => {
      const { requested, bolts, beams } = await quotedQuote();
      const first = await priceQuote(t, w.am, requested, { [bolts.id]: '19.00', [beams.id]: '500.00' });
      await priceQuote(t, w.am, first, { [bolts.id]: '18.00', [beams.id]: '450.00' });
      const path = `/api/documents/quotes/${first.id}.pdf`;
      const latest = pdfTexts((await fetchDocument(t, w.buyer, path).expect(200)).body as Buffer);
      // 10 × 18.00 + 3 × 450.00 = 180.00 + 1,350.00 = 1,530.00
      expect(latest).toContain('$1,530.00');
      const earlier = pdfTexts(
        (await fetchDocument(t, w.buyer, `${path}?revision=1`).expect(200)).body as Buffer,
      );
      // 10 × 19.00 + 3 × 500.00 = 190.00 + 1,500.00 = 1,690.00
      expect(earlier).toContain('$1,690.00');
      expect(earlier).toContain('1 (superseded by 2)');
      expect(earlier).not.toContain('$1,530.00');
      await fetchDocument(t, w.buyer, `${path}?revision=3`).expect(404);
    });

    it('reads a request not yet priced as a quote request', async () => {
      const { requested } = await quotedQuote();
      const texts = pdfTexts(
        (await fetchDocument(t, w.am, `/api/documents/quotes/${requested.id}.pdf`).expect(200))
          .body as Buffer,
      );
      expect(texts).toContain('Quote request');
      expect(texts).toContain('To be quoted');
    });

    it('is readable by whoever may read the quote, and a 404 for anyone else', async () => {
      const { requested } = await quotedQuote();
      const path = `/api/documents/quotes/${requested.id}.pdf`;
      for (const reader of [w.buyer, w.approver, w.am, w.manager, w.admin]) {
        await fetchDocument(t, reader, path).expect(200);
      }
      for (const stranger of [w.otherBuyer, w.otherApprover, w.otherAm]) {
        const response = await fetchDocument(t, stranger, path).expect(404);
        expect(problemOf(response.body as Buffer).status).toBe(404);
      }
      await fetchDocument(
        t,
        w.buyer,
        '/api/documents/quotes/00000000-0000-4000-8000-000000000000.pdf',
      ).expect(404);
    });
  });
});
