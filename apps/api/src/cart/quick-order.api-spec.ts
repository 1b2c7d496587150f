import type { Cart, QuickOrderResult } from '@tradecounter/contracts';
import { bearer, createProduct, createUser, TestUser } from '../test-support/fixtures';
import { BuyingWorld, createBuyingWorld, createStockedProduct, withdraw } from '../test-support/buying';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('quick order', () => {
  let t: TestApp;
  let w: BuyingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createBuyingWorld(t);
  });
  afterAll(() => t.close());

  /** A buyer of the world's account with a cart of their own. */
  const newBuyer = () => createUser(t, 'buyer', w.mine.id);
  const quick = (user: TestUser, lines: unknown) =>
    t.http.post('/api/cart/lines').set(bearer(user)).send({ lines });
  const csv = (user: TestUser, text: string, type = 'text/csv') =>
    t.http.post('/api/cart/import').set(bearer(user)).set('Content-Type', type).send(text);
  const quantities = (cart: Cart) => Object.fromEntries(cart.lines.map((line) => [line.sku, line.quantity]));

  describe('typed or pasted (JSON)', () => {
    it('merges with the cart, reports every bad row with its reason, and adds the good ones', async () => {
      const buyer = await newBuyer();
      const gloves = await createStockedProduct(t, w, 20);
      const cases = await createProduct(t, { minOrderQty: 12, orderMultiple: 6 });
      const boxes = await createProduct(t, { minOrderQty: 12, orderMultiple: 6 });
      const gone = await createProduct(t);
      await withdraw(t, w.admin, gone.id);
      await t.http.put(`/api/cart/lines/${gloves.id}`).set(bearer(buyer)).send({ quantity: 5 }).expect(200);
      await t.http.put(`/api/cart/lines/${cases.id}`).set(bearer(buyer)).send({ quantity: 12 }).expect(200);

      const response = await quick(buyer, [
        { sku: gloves.sku, quantity: 3 }, // 5 + 3 = 8
        { sku: 'NO-SUCH-SKU', quantity: 1 },
        { sku: gone.sku, quantity: 1 },
        { sku: gloves.sku.toLowerCase(), quantity: 2 }, // any case; 8 + 2 = 10
        { sku: cases.sku, quantity: 3 }, // 12 + 3 = 15: not whole packs
        { sku: boxes.sku, quantity: 0 },
        { sku: boxes.sku, quantity: 1.5 },
        { sku: boxes.sku, quantity: '12' },
        { quantity: 4 },
        { sku: 42, quantity: 4 },
        { sku: boxes.sku, quantity: 12 },
      ]).expect(200);
      const result: QuickOrderResult = response.body;
      expect(result.rows.map((row) => [row.row, row.status, row.reason])).toEqual([
        [1, 'added', null],
        [2, 'error', 'no product has the SKU "NO-SUCH-SKU"'],
        [3, 'error', `${gone.sku} is no longer sold`],
        [4, 'added', null],
        [
          5,
          'error',
          'with the 12 already in the cart the line would be 15, which must be a multiple of 6 (sold in packs of 6); 6 would do',
        ],
        [6, 'error', 'the quantity must be a positive whole number'],
        [7, 'error', 'the quantity must be a positive whole number'],
        [8, 'error', 'the quantity must be a positive whole number'],
        [9, 'error', 'the SKU is missing'],
        [10, 'error', 'the SKU must be text'],
        [11, 'added', null],
      ]);
      expect(result.rows[4]).toMatchObject({
        sku: cases.sku,
        productId: cases.id,
        quantity: 3,
        suggestedQuantity: 6,
      });
      expect(result.rows[3]).toMatchObject({ sku: gloves.sku, rows: [4], quantity: 2 });
      expect(result).toMatchObject({ added: 3, failed: 8 });
      expect(quantities(result.cart)).toEqual({ [gloves.sku]: 10, [cases.sku]: 12, [boxes.sku]: 12 });
      expect(quantities(await (await t.http.get('/api/cart').set(bearer(buyer)).expect(200)).body)).toEqual(
        quantities(result.cart),
      );
    });

    it('adds all rows of a product or none: pack rules apply to their sum', async () => {
      const buyer = await newBuyer();
      const cases = await createProduct(t, { minOrderQty: 12, orderMultiple: 6 });
      const together = await quick(buyer, [
        { sku: cases.sku, quantity: 6 },
        { sku: cases.sku, quantity: 6 },
      ]).expect(200);
      expect(together.body.rows.map((row: { status: string }) => row.status)).toEqual(['added', 'added']);
      expect(quantities(together.body.cart)).toEqual({ [cases.sku]: 12 });
      const apart = await quick(buyer, [
        { sku: cases.sku, quantity: 6 },
        { sku: cases.sku, quantity: 1 },
      ]).expect(200);
      expect(apart.body).toMatchObject({ added: 0, failed: 2 });
      expect(quantities(apart.body.cart)).toEqual({ [cases.sku]: 12 });
    });

    it('refuses what is not a list of rows, with nothing added', async () => {
      const buyer = await newBuyer();
      const product = await createProduct(t);
      await t.http.post('/api/cart/lines').set(bearer(buyer)).send({}).expect(400);
      await quick(buyer, []).expect(400);
      await quick(buyer, 'ABC 1').expect(400);
      await quick(buyer, [1, 2]).expect(400);
      await quick(buyer, [{ sku: product.sku, quantity: 1, price: '0.01' }]).expect(400);
      await quick(
        buyer,
        Array.from({ length: 501 }, () => ({ sku: product.sku, quantity: 1 })),
      ).expect(400);
      const cart = await t.http.get('/api/cart').set(bearer(buyer)).expect(200);
      expect(cart.body.lines).toEqual([]);
      await quick(w.am, [{ sku: product.sku, quantity: 1 }]).expect(403);
    });

    it('never loses a unit when the same user sends 20 at once', async () => {
      const buyer = await newBuyer();
      const product = await createStockedProduct(t, w, 100);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => quick(buyer, [{ sku: product.sku, quantity: 1 }])),
      );
      expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 200));
      const cart: Cart = (await t.http.get('/api/cart').set(bearer(buyer)).expect(200)).body;
      expect(cart.lines).toEqual([expect.objectContaining({ productId: product.id, quantity: 20 })]);
      // Different products at once: every line arrives.
      const others = await Promise.all(Array.from({ length: 8 }, () => createProduct(t)));
      await Promise.all(others.map((other) => quick(buyer, [{ sku: other.sku, quantity: 2 }]).expect(200)));
      const after: Cart = (await t.http.get('/api/cart').set(bearer(buyer)).expect(200)).body;
      expect(after.lines).toHaveLength(9);
    });
  });

  describe('from a CSV file', () => {
    it('reads a header or none, a BOM, CRLF, quotes and repeated SKUs, with CSV row numbers', async () => {
      const buyer = await newBuyer();
      const a = await createProduct(t);
      const b = await createProduct(t);
      const withHeader = await csv(
        buyer,
        `\uFEFFsku,quantity\r\n"${a.sku}","3"\r\n${b.sku},2\r\n${a.sku.toLowerCase()},4\r\n`,
      ).expect(200);
      expect(withHeader.body.rows).toEqual([
        {
          row: 2,
          rows: [2, 4],
          sku: a.sku,
          productId: a.id,
          quantity: 7,
          status: 'added',
          reason: null,
          suggestedQuantity: null,
        },
        {
          row: 3,
          rows: [3],
          sku: b.sku,
          productId: b.id,
          quantity: 2,
          status: 'added',
          reason: null,
          suggestedQuantity: null,
        },
      ]);
      const bare = await csv(buyer, `${b.sku};5\n${a.sku}\t1`, 'text/csv; charset=utf-8').expect(200);
      expect(bare.body.rows.map((row: { row: number }) => row.row)).toEqual([1, 2]);
      expect(quantities(bare.body.cart)).toEqual({ [a.sku]: 8, [b.sku]: 7 });
    });

    it('reports bad rows by number and adds the good ones', async () => {
      const buyer = await newBuyer();
      const good = await createProduct(t);
      const cases = await createProduct(t, { minOrderQty: 12, orderMultiple: 6 });
      const gone = await createProduct(t);
      await withdraw(t, w.admin, gone.id);
      const response = await csv(
        buyer,
        [
          'sku,quantity',
          `${good.sku},2`,
          `${good.sku}`,
          'NOPE-404,1',
          `${gone.sku},1`,
          `${cases.sku},7`,
          `${good.sku},1.5`,
          `${good.sku},-3`,
          `${good.sku},2,3`,
          '',
          `${good.sku},1`,
        ].join('\n'),
      ).expect(200);
      const result: QuickOrderResult = response.body;
      expect(result.rows.map((row) => [row.row, row.status, row.reason])).toEqual([
        [2, 'added', null],
        [3, 'error', 'a quantity is missing (write "SKU quantity")'],
        [4, 'error', 'no product has the SKU "NOPE-404"'],
        [5, 'error', `${gone.sku} is no longer sold`],
        [6, 'error', 'the quantity must be at least 12 (the minimum order); 12 would do'],
        [7, 'error', '"1.5" is not a whole number of units'],
        [8, 'error', '"-3" is not a whole number of units'],
        [9, 'error', 'expected two values: SKU and quantity'],
      ]);
      // Rows 2 and 11 name the same SKU: one result, their sum.
      expect(result.rows[0]).toMatchObject({ rows: [2, 11], quantity: 3 });
      expect(result).toMatchObject({ added: 1, failed: 7 });
      expect(quantities(result.cart)).toEqual({ [good.sku]: 3 });
    });

    it('answers 415 for anything but text/csv, 400 for a file with no rows, 413 past 256 KB', async () => {
      const buyer = await newBuyer();
      const product = await createProduct(t);
      for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
        const refused = await csv(buyer, type === 'application/json' ? '{"a":1}' : `${product.sku},1`, type);
        expect({ type, status: refused.status }).toEqual({ type, status: 415 });
        expect(refused.headers['content-type']).toContain('application/problem+json');
      }
      const none = await t.http.post('/api/cart/import').set(bearer(buyer)).expect(415);
      expect(none.body.detail).toBe('Send the file as text/csv: one "sku,quantity" per row');
      await csv(buyer, '').expect(400);
      await csv(buyer, 'sku,quantity\n\n').expect(400);
      const large = `sku,quantity\n${`# ${'x'.repeat(1000)}\n`.repeat(300)}${product.sku},1\n`;
      await csv(buyer, large).expect(413);
      const cart = await t.http.get('/api/cart').set(bearer(buyer)).expect(200);
      expect(cart.body.lines).toEqual([]);
      await csv(w.manager, `${product.sku},1`).expect(403);
    });
  });
});
