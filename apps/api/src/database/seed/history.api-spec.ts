import { Client } from 'pg';
import {
  bearer,
  createAccount,
  createProduct,
  createUser,
  createWarehouse,
  TestUser,
} from '../../test-support/fixtures';
import { checkHistory, loadHistory } from '@tradecounter/seed-history';
import { startTestApp, TestApp } from '../../test-support/test-app';

/**
 * The generator's history in the test database, for accounts and products
 * of this file's own (so other specs' rows are untouched): the consistency
 * checks hold, and the API reads the orders as it reads its own.
 */
describe('Generated order history', () => {
  let t: TestApp;
  let client: Client;
  let buyer: TestUser;
  let accountIds: string[];
  let productIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const am = await createUser(t, 'account_manager');
    const { code } = await createWarehouse(t);
    const accounts = [
      await createAccount(t, {
        accountManagerId: am.id,
        defaultWarehouseCode: code,
        creditLimit: '80000.00',
      }),
      await createAccount(t, {
        accountManagerId: am.id,
        defaultWarehouseCode: code,
        creditLimit: '20000.00',
        paymentTerms: 'net_60',
      }),
      await createAccount(t, {
        accountManagerId: am.id,
        defaultWarehouseCode: code,
        creditLimit: '5000.00',
        paymentTerms: 'prepaid',
      }),
    ];
    accountIds = accounts.map((a) => a.id);
    buyer = await createUser(t, 'buyer', accounts[0]?.id);
    await createUser(t, 'warehouse');
    const products = [];
    for (let i = 0; i < 25; i++) {
      products.push(
        await createProduct(t, {
          listPrice: `${3 + i * 4}.${String((i * 7) % 100).padStart(2, '0')}`,
          minOrderQty: i % 4 === 0 ? 10 : 1,
          orderMultiple: i % 3 === 0 ? 5 : 1,
        }),
      );
    }
    productIds = products.map((p) => p.id);
    client = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await client.connect();
    await client.query('BEGIN');
    await loadHistory(client, {
      orders: 500,
      seed: 7,
      months: 6,
      currency: t.config.currency,
      accountIds,
      productIds,
      chunkOrders: 120,
    });
    await client.query('COMMIT');
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await t?.close();
  });

  it('holds together: units shipped, rollups and exposure match the orders', async () => {
    const checks = await checkHistory(client, accountIds);
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    const [counts] = (
      await client.query<{ orders: string }>(
        `SELECT count(*) AS orders FROM orders WHERE account_id = ANY($1)`,
        [accountIds],
      )
    ).rows;
    expect(counts?.orders).toBe('500');
  });

  it("counts the history's picks for warehouse velocity, as the shipping trigger would", async () => {
    const { rows } = await client.query<{ kept: string; direct: string }>(
      `SELECT (SELECT coalesce(sum(picks), 0) FROM picks_by_day WHERE product_id = ANY($1)) AS kept,
              (SELECT count(*) FROM shipment_lines sl JOIN order_lines l ON l.id = sl.order_line_id
                WHERE l.product_id = ANY($1)) AS direct`,
      [productIds],
    );
    expect(Number(rows[0]?.direct)).toBeGreaterThan(0);
    expect(rows[0]?.kept).toBe(rows[0]?.direct);
  });

  it('leaves no account over its credit limit on history alone', async () => {
    const { rows } = await client.query<{ over: string }>(
      `SELECT count(*) AS over FROM account_exposure e JOIN accounts a ON a.id = e.account_id
        WHERE a.id = ANY($1) AND e.exposure > a.credit_limit`,
      [accountIds],
    );
    expect(rows[0]?.over).toBe('0');
  });

  it('serves a delivered history order through the API with its shipments and events', async () => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM orders WHERE account_id = $1 AND status = 'delivered' ORDER BY placed_at LIMIT 1`,
      [accountIds[0]],
    );
    const id = rows[0]?.id;
    expect(id).toBeDefined();
    const response = await t.http.get(`/api/orders/${id}`).set(bearer(buyer)).expect(200);
    expect(response.body.status).toBe('delivered');
    expect(response.body.shipments.length).toBeGreaterThan(0);
    expect(response.body.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['placed', 'picking', 'packed', 'shipment', 'delivered']),
    );
  });
});
