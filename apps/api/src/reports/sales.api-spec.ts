import type { ReportChannels, SalesReport } from '@tradecounter/contracts';
import { formatDisplayDate } from '@tradecounter/domain';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { ReportSettingsSync } from './report-settings.sync';

/** The rollups as they stand, and as a direct GROUP BY over every order computes them. */
const COMPARE_SQL = {
  days: `SELECT day::text, account_id, channel, orders, units::int, net_sales::text FROM sales_by_day
          WHERE orders <> 0 OR units <> 0 OR net_sales <> 0 ORDER BY 1, 2, 3`,
  directDays: `SELECT (o.placed_at AT TIME ZONE 'UTC')::date::text AS day, o.account_id, o.channel, count(*)::int AS orders,
                      sum((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_id = o.id))::int AS units,
                      sum(o.subtotal)::text AS net_sales
                 FROM orders o WHERE o.status NOT IN ('cancelled', 'rejected') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  products: `SELECT day::text, account_id, channel, product_id, orders, units::int, net_sales::text FROM sales_by_day_product
              WHERE orders <> 0 OR units <> 0 OR net_sales <> 0 ORDER BY 1, 2, 3, 4`,
  directProducts: `SELECT (o.placed_at AT TIME ZONE 'UTC')::date::text AS day, o.account_id, o.channel, l.product_id,
                          count(*)::int AS orders, sum(l.quantity)::int AS units, sum(l.line_total)::text AS net_sales
                     FROM orders o JOIN order_lines l ON l.order_id = o.id
                    WHERE o.status NOT IN ('cancelled', 'rejected') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
};

describe('sales reports', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let a: Awaited<ReturnType<typeof createProduct>>;
  let b: Awaited<ReturnType<typeof createProduct>>;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    a = await createProduct(t, { listPrice: '10.00' });
    b = await createProduct(t, { listPrice: '5.00' });
    for (const product of [a, b]) await setStock(t, product.id, w.warehouseCode, 1000);
    const order = (lines: { productId: string; quantity: number }[]) => ({
      lines,
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    });
    // 40.00 and 10.00 count; the 20.00 order is cancelled.
    await placeOrder(
      t,
      w.buyer,
      order([
        { productId: a.id, quantity: 3 },
        { productId: b.id, quantity: 2 },
      ]),
    ).expect(201);
    await placeOrder(t, w.buyer, order([{ productId: a.id, quantity: 1 }])).expect(201);
    const cancelled = await placeOrder(t, w.buyer, order([{ productId: b.id, quantity: 4 }])).expect(201);
    await t.http.post(`/api/orders/${cancelled.body.id}/cancel`).set(bearer(w.buyer)).send({}).expect(200);
  });
  afterAll(() => t.close());

  const sales = (user: Parameters<typeof bearer>[0], query: string) =>
    t.http.get(`/api/reports/sales?${query}`).set(bearer(user));

  /** Both read from one snapshot: other test files write orders meanwhile. */
  async function expectRollupsExact() {
    await t.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const q = (sql: string) => tx.query(sql);
      expect(await q(COMPARE_SQL.days)).toEqual(await q(COMPARE_SQL.directDays));
      expect(await q(COMPARE_SQL.products)).toEqual(await q(COMPARE_SQL.directProducts));
    });
  }

  it('hand-computed: an account’s sales by product and by day, with CSV of the same numbers', async () => {
    // beforeAll: 3 a + 2 b = 40.00 and 1 a = 10.00 count; 4 b = 20.00 was cancelled.
    const query = `accountId=${w.mine.id}&from=${today}&to=${today}`;
    const byProduct = (await sales(w.am, `groupBy=product&${query}`).expect(200)).body as SalesReport;
    expect(byProduct.rows).toEqual([
      { key: a.id, label: `${a.sku} — ${a.name}`, netSales: '40.00', orders: 2, units: 4, savings: '0.00' },
      { key: b.id, label: `${b.sku} — ${b.name}`, netSales: '10.00', orders: 1, units: 2, savings: '0.00' },
    ]);
    // Orders per product overlap (one order holds both), so no total of them.
    expect(byProduct.total).toEqual({ netSales: '50.00', orders: null, units: 6, savings: '0.00' });
    const byDay = (await sales(w.am, `groupBy=day&${query}`).expect(200)).body as SalesReport;
    expect(byDay).toMatchObject({
      from: today,
      to: today,
      rows: [{ key: today, label: formatDisplayDate(today), netSales: '50.00', orders: 2, units: 6 }],
      total: { netSales: '50.00', orders: 2, units: 6 },
    });
    const csv = await sales(w.am, `groupBy=product&${query}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toBe(
      [
        'Product,Net sales (USD),Orders,Units,Savings vs list (USD),Key',
        `${a.sku} — ${a.name},40.00,2,4,0.00,${a.id}`,
        `${b.sku} — ${b.name},10.00,1,2,0.00,${b.id}`,
        '',
      ].join('\r\n'),
    );
  });

  it('keeps the rollups exactly equal to a direct computation from the orders', async () => {
    await expectRollupsExact();
    // And through concurrent placements, cancellations and rejections.
    const placed = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        placeOrder(t, index % 2 ? w.buyer : w.approver, {
          lines: [
            { productId: a.id, quantity: 1 + (index % 4) },
            { productId: b.id, quantity: 2 },
          ],
          shippingAddressId: w.mineAddress,
          shipComplete: false,
        }).expect(201),
      ),
    );
    await Promise.all(
      placed
        .slice(0, 6)
        .map((response) =>
          t.http.post(`/api/orders/${response.body.id}/cancel`).set(bearer(w.admin)).send({}),
        ),
    );
    await expectRollupsExact();
  });

  it('rebuilds the rollups when the deployment’s time zone changes', async () => {
    await t.dataSource.query(`UPDATE report_settings SET time_zone = 'Pacific/Kiritimati'`);
    await t.dataSource.query(`DELETE FROM sales_by_day`);
    await t.app.get(ReportSettingsSync).onApplicationBootstrap();
    const [row] = (await t.dataSource.query('SELECT time_zone FROM report_settings')) as {
      time_zone: string;
    }[];
    expect(row?.time_zone).toBe('UTC');
    await expectRollupsExact();
  });

  it('shows customers their own account whatever they pass, account managers theirs, others nothing', async () => {
    const own = (await sales(w.buyer, `groupBy=account&from=${today}&to=${today}`).expect(200))
      .body as SalesReport;
    const asking = (
      await sales(w.buyer, `groupBy=account&accountId=${w.theirs.id}&from=${today}&to=${today}`).expect(200)
    ).body as SalesReport;
    expect(own.rows.map((row) => row.key)).toEqual([w.mine.id]);
    expect(asking).toEqual({ ...own, asOf: expect.any(String) });
    const otherAm = (await sales(w.am, `groupBy=account&accountId=${w.theirs.id}`).expect(200))
      .body as SalesReport;
    expect(otherAm.rows).toEqual([]);
    await sales(w.warehouse, 'groupBy=day').expect(403);
  });

  it('names channels for people, and offers every channel with orders as a filter', async () => {
    const query = `accountId=${w.mine.id}&from=${today}&to=${today}`;
    const byChannel = (await sales(w.am, `groupBy=channel&${query}`).expect(200)).body as SalesReport;
    expect(byChannel.rows.map((row) => [row.key, row.label])).toEqual([['portal', 'Portal']]);
    const csv = await sales(w.am, `groupBy=channel&${query}&format=csv`).expect(200);
    const [row] = byChannel.rows;
    expect(csv.text.split('\r\n')[1]).toBe(
      `Portal,${row?.netSales},${row?.orders},${row?.units},${row?.savings},portal`,
    );
    const channels = (await t.http.get('/api/reports/channels').set(bearer(w.buyer)).expect(200))
      .body as ReportChannels;
    expect(channels).toEqual({ channels: [{ key: 'portal', label: 'Portal' }] });
    await t.http.get('/api/reports/channels').set(bearer(w.warehouse)).expect(403);
  });

  it('names the field of a reversed period', async () => {
    const response = await sales(w.manager, 'from=2027-03-02&to=2027-03-01').expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 400,
      detail: 'The period ends before it starts',
      errors: [{ field: 'from', message: 'must be on or before to' }],
    });
  });

  it('refuses bad queries with reasons', async () => {
    for (const query of [
      'groupBy=hour',
      'from=2027-02-30',
      'from=2027-03-02&to=2027-03-01',
      'format=xml',
      'from=2020-01-01&to=2027-01-01',
      'accountId=nope',
    ]) {
      const response = await sales(w.manager, query).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
