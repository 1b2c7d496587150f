import type { ArgumentsHost } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { bearer, createProduct, createWarehouse } from '../../test-support/fixtures';
import {
  createOrderingWorld,
  OrderingWorld,
  orderCounts,
  placeOrder,
  setStock,
} from '../../test-support/order-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { DatabaseOutage } from '../../database/database-outage';
import { ProblemFilter } from './problem.filter';

/** What the problem filter answers for an error, through a minimal Express response. */
function answerOf(t: TestApp, error: unknown): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  const response = {
    headersSent: false,
    setHeader: () => response,
    status: () => response,
    type: () => response,
    json: (sent: Record<string, unknown>) => (body = sent),
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/api/x', id: 'test' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new ProblemFilter(t.app.get(DatabaseOutage)).catch(error, host);
  return body;
}

/**
 * The four causes of 500s found by probing (issue 13): deep nesting, control
 * characters, explicit nulls and arrays where objects belong; plus parser
 * errors and prototype keys. Each is a 400 problem document naming the field,
 * and the database is read back to show nothing changed.
 */
describe('bad input never yields a 5xx', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let productId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    productId = (await createProduct(t)).id;
    await setStock(t, productId, w.warehouseCode, 100);
  });
  afterAll(() => t.close());

  const expectFieldProblem = (response: Response, field: string, message?: string) => {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = (response.body as { errors?: { field: string; message: string }[] }).errors ?? [];
    const named = errors.filter((error) => error.field === field);
    expect(named).not.toHaveLength(0);
    if (message) expect(named.map((error) => error.message).join('; ')).toContain(message);
  };

  const templatesOf = async (accountId: string) =>
    (
      (await t.dataSource.query('SELECT name FROM order_templates WHERE account_id = $1 ORDER BY name', [
        accountId,
      ])) as { name: string }[]
    ).map((row) => row.name);

  const accountRow = async (accountId: string) =>
    (
      (await t.dataSource.query('SELECT name, requires_po AS "requiresPo" FROM accounts WHERE id = $1', [
        accountId,
      ])) as { name: string; requiresPo: boolean }[]
    )[0];

  describe('1. deep nesting', () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it('a sign-in with 3000 levels of nesting in the e-mail is a 400 before anything reads it', async () => {
      const response = await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"email":${nested(3000)},"password":"x"}`);
      expectFieldProblem(response, `email${'.a'.repeat(31)}`, 'deeper than the 32 levels allowed');
    });

    it('a template with deep nesting in its lines is refused and not saved', async () => {
      const before = await templatesOf(w.mine.id);
      const response = await t.http
        .post('/api/templates')
        .set(bearer(w.buyer))
        .set('Content-Type', 'application/json')
        .send(`{"name":"Deep ${randomUUID()}","lines":[${nested(40)}]}`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await templatesOf(w.mine.id)).toEqual(before);
    });

    it('query strings do not nest and take at most 100 parameters', async () => {
      const bracketed = await t.http.get('/api/products?search[a][b]=x').set(bearer(w.buyer));
      expectFieldProblem(bracketed, 'search[a][b]', 'is not a known field');
      const many = Array.from({ length: 101 }, () => 'search=x').join('&');
      const crowded = await t.http.get(`/api/products?${many}`).set(bearer(w.buyer));
      expectFieldProblem(crowded, '(query)', 'more than the 100 parameters');
    });
  });

  describe('2. control characters', () => {
    it.each([
      ['/api/orders', 'buyer'],
      ['/api/products', 'buyer'],
      ['/api/templates', 'buyer'],
      ['/api/accounts', 'admin'],
      ['/api/users', 'admin'],
      ['/api/stock', 'admin'],
    ] as const)('GET %s?search=%%00 (as %s) is a 400 naming search', async (path, role) => {
      const response = await t.http.get(`${path}?search=%00`).set(bearer(w[role]));
      expectFieldProblem(response, 'search', 'control characters');
    });

    it('a NUL in an address line is refused and no address is added', async () => {
      const count = async () =>
        (
          (await t.dataSource.query('SELECT id FROM addresses WHERE account_id = $1', [
            w.mine.id,
          ])) as unknown[]
        ).length;
      const before = await count();
      const response = await t.http
        .post(`/api/accounts/${w.mine.id}/addresses`)
        .set(bearer(w.buyer))
        .send({ label: 'Yard', line1: 'abc\u0000def', city: 'Chicago', postcode: '60601', country: 'US' });
      expectFieldProblem(response, 'line1', 'control characters');
      expect(await count()).toBe(before);
    });

    it('a line break in a template name is refused; a single-line name is kept', async () => {
      const name = `Weekly ${randomUUID()}`;
      const refused = await t.http
        .post('/api/templates')
        .set(bearer(w.buyer))
        .send({ name: `${name}\nsecond line`, lines: [{ productId, quantity: 1 }] });
      expectFieldProblem(refused, 'name', 'single line');
      expect(await templatesOf(w.mine.id)).not.toContain(`${name}\nsecond line`);
    });

    it('a NUL in a quoted SKU is a 400 naming the line', async () => {
      const response = await t.http
        .post('/api/pricing/quote')
        .set(bearer(w.buyer))
        .send({ lines: [{ sku: 'GLV\u0000', quantity: 1 }] });
      expectFieldProblem(response, 'lines[0].sku');
    });

    it('order notes may span lines; the order keeps them', async () => {
      const notes = 'Gate code 1234\r\n\tRing twice';
      const response = await placeOrder(t, w.buyer, {
        lines: [{ productId, quantity: 1 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
        notes,
      });
      expect(response.status).toBe(201);
      const [row] = (await t.dataSource.query('SELECT notes FROM orders WHERE id = $1', [
        (response.body as { id: string }).id,
      ])) as { notes: string }[];
      expect(row?.notes).toBe(notes);
    });

    it('a NUL in a CSV upload is a 400 and the cart is unchanged', async () => {
      const cartLines = async () =>
        (
          (await t.dataSource.query('SELECT count(*)::int AS n FROM cart_lines WHERE user_id = $1', [
            w.approver.id,
          ])) as { n: number }[]
        )[0]?.n;
      const before = await cartLines();
      const response = await t.http
        .post('/api/cart/import')
        .set(bearer(w.approver))
        .set('Content-Type', 'text/csv')
        .send('sku,quantity\nGLV\u0000,1\n');
      expectFieldProblem(response, '(body)', 'control characters');
      expect(await cartLines()).toBe(before);
    });

    it('the database backstop: a NUL or a missing NOT NULL value PostgreSQL refuses is a 400', async () => {
      const nul = (await t.dataSource
        .query('SELECT $1::text', ['a\u0000b'])
        .catch((error: unknown) => error)) as Error;
      const missing = (await t.dataSource
        .query('INSERT INTO price_tiers (name, discount_percent) VALUES (NULL, 1)')
        .catch((error: unknown) => error)) as Error;
      expect(answerOf(t, nul)).toMatchObject({ status: 400, detail: expect.stringContaining('NUL') });
      expect(answerOf(t, missing)).toMatchObject({ status: 400, detail: 'name must not be null' });
      expect(answerOf(t, new Error('a bug'))).toMatchObject({ status: 500 });
    });
  });

  describe('3. explicit null', () => {
    it('PATCH an account with requiresPo or name null is a 400 and the account is unchanged', async () => {
      const before = await accountRow(w.mine.id);
      for (const field of ['requiresPo', 'name', 'creditLimit', 'status', 'paymentTerms']) {
        const response = await t.http
          .patch(`/api/accounts/${w.mine.id}`)
          .set(bearer(w.admin))
          .send({ [field]: null });
        expectFieldProblem(response, field, 'must not be null');
      }
      expect(await accountRow(w.mine.id)).toEqual(before);
    });

    it('null clears a nullable field: the default warehouse of an account', async () => {
      const account = (await t.dataSource.query('SELECT id FROM accounts WHERE id = $1', [
        w.theirs.id,
      ])) as unknown[];
      expect(account).toHaveLength(1);
      const response = await t.http
        .patch(`/api/accounts/${w.theirs.id}`)
        .set(bearer(w.admin))
        .send({ defaultWarehouseCode: null });
      expect(response.status).toBe(200);
      const [row] = (await t.dataSource.query(
        'SELECT default_warehouse_code AS code FROM accounts WHERE id = $1',
        [w.theirs.id],
      )) as { code: string | null }[];
      expect(row?.code).toBeNull();
      await t.dataSource.query('UPDATE accounts SET default_warehouse_code = $2 WHERE id = $1', [
        w.theirs.id,
        w.warehouseCode,
      ]);
    });

    it('POST /api/orders with expectedSubtotal null is a 400 and no order is placed', async () => {
      const before = await orderCounts(t, w.mine.id);
      const response = await placeOrder(t, w.buyer, {
        lines: [{ productId, quantity: 1 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
        expectedSubtotal: null,
      });
      expectFieldProblem(response, 'expectedSubtotal', 'must not be null');
      expect(await orderCounts(t, w.mine.id)).toEqual(before);
    });

    it('a user, a customer user, a product, a price tier and a warehouse refuse null for required columns', async () => {
      const warehouse = await createWarehouse(t);
      const tier = (await t.dataSource.query(
        `INSERT INTO price_tiers (name, discount_percent) VALUES ($1, 5) RETURNING id`,
        [`Tier ${randomUUID()}`],
      )) as { id: string }[];
      const cases: [string, Record<string, null>, string][] = [
        [`/api/users/${w.manager.id}`, { name: null }, 'name'],
        [`/api/users/${w.manager.id}`, { active: null }, 'active'],
        [`/api/accounts/${w.mine.id}/users/${w.buyer.id}`, { name: null }, 'name'],
        [`/api/products/${productId}`, { name: null }, 'name'],
        [`/api/products/${productId}`, { listPrice: null }, 'listPrice'],
        [`/api/price-tiers/${tier[0]?.id}`, { name: null }, 'name'],
        [`/api/warehouses/${warehouse.code}`, { timeZone: null }, 'timeZone'],
        [`/api/inbound/${randomUUID()}`, { qty: null }, 'qty'],
        [`/api/webhooks/${randomUUID()}`, { active: null }, 'active'],
      ];
      const snapshot = async () =>
        t.dataSource.query(
          `SELECT (SELECT row_to_json(u) FROM users u WHERE id = $1) AS manager,
                  (SELECT row_to_json(u) FROM users u WHERE id = $2) AS buyer,
                  (SELECT row_to_json(p) FROM products p WHERE id = $3) AS product,
                  (SELECT row_to_json(p) FROM price_tiers p WHERE id = $4) AS tier,
                  (SELECT row_to_json(wh) FROM warehouses wh WHERE code = $5) AS warehouse`,
          [w.manager.id, w.buyer.id, productId, tier[0]?.id, warehouse.code],
        );
      const before = await snapshot();
      for (const [path, body, field] of cases) {
        const response = await t.http.patch(path).set(bearer(w.admin)).send(body);
        expectFieldProblem(response, field);
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('4. arrays where objects belong', () => {
    it('POST /api/templates with lines [[]] is a 400 naming lines and saves nothing', async () => {
      const before = await templatesOf(w.mine.id);
      const response = await t.http
        .post('/api/templates')
        .set(bearer(w.buyer))
        .send({ name: `Arrays ${randomUUID()}`, lines: [[]] });
      expectFieldProblem(response, 'lines', 'must be an object');
      expect(await templatesOf(w.mine.id)).toEqual(before);
    });

    it.each([
      ['/api/orders', { lines: [[{ productId: randomUUID(), quantity: 1 }]], shipComplete: true }],
      ['/api/pricing/quote', { lines: ['GLV-1'] }],
      ['/api/availability/promise', { lines: [7] }],
      ['/api/cart/lines', { lines: [null] }],
    ])('POST %s with a non-object line is a 400 naming lines', async (path, body) => {
      const response = await t.http
        .post(path)
        .set(bearer(w.buyer))
        .set('Idempotency-Key', randomUUID())
        .send(body);
      expectFieldProblem(response, 'lines', 'must be an object');
    });
  });

  describe('prototype keys', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'a "%s" key is refused as an unknown field and nothing is saved',
      async (key) => {
        const before = await templatesOf(w.mine.id);
        const response = await t.http
          .post('/api/templates')
          .set(bearer(w.buyer))
          .set('Content-Type', 'application/json')
          .send(
            `{"name":"Proto ${randomUUID()}","lines":[{"productId":"${productId}","quantity":1}],"${key}":{"x":1}}`,
          );
        expectFieldProblem(response, key, 'is not a known field');
        expect(await templatesOf(w.mine.id)).toEqual(before);
      },
    );
  });

  describe('HTTP parser errors', () => {
    const port = () => (t.app.getHttpServer() as { address(): AddressInfo }).address().port;

    it('a 20 KB header is a 431 problem document', async () => {
      const answer = await new Promise<{ status?: number; type?: string; body: string }>(
        (resolve, reject) => {
          const outgoing = httpRequest(
            {
              host: '127.0.0.1',
              port: port(),
              path: '/api/health',
              headers: { 'X-Big': 'x'.repeat(20_000) },
            },
            (incoming) => {
              let body = '';
              incoming.setEncoding('utf8');
              incoming.on('data', (chunk: string) => (body += chunk));
              incoming.on('end', () =>
                resolve({ status: incoming.statusCode, type: incoming.headers['content-type'], body }),
              );
            },
          );
          outgoing.on('error', reject);
          outgoing.end();
        },
      );
      expect(answer.status).toBe(431);
      expect(answer.type).toBe('application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({
        status: 431,
        title: 'Request Header Fields Too Large',
      });
    });

    it('a malformed request line is a 400 problem document', async () => {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port(), '127.0.0.1', () => socket.write('NOT A REQUEST\r\n\r\n'));
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(raw).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400 });
    });
  });
});
