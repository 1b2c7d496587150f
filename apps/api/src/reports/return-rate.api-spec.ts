import type { Order, ReturnRateReport, ReturnReason } from '@tradecounter/contracts';
import { DELIVERED_ROLLUP_REBUILD_SQL, ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';
import { bearer, createProduct, type TestUser, uniqueTag } from '../test-support/fixtures';
import {
  createOrderingWorld,
  type OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import { startTestApp, type TestApp } from '../test-support/test-app';

/**
 * GET /api/reports/returns on data of this file's own, in September 2019
 * (no other spec delivers or returns then; the deployment's time zone is
 * UTC in tests). Orders are placed through the API; their deliveries and
 * returns are rows, as no route delivers or returns in the past (the
 * delivered_by_day rollup's triggers count the deliveries).
 *
 *   mine (account manager am):   M1 40 A + 10 B delivered 09-10, M2 (phone) 20 A delivered 09-30 23:59,
 *                                M3 5 B delivered 08-31 (before the period)
 *   theirs (other am):           T1 10 A + 10 C delivered 09-15, T2 4 C delivered 10-01 00:00 (after it)
 *   returns (day asked):         R1 mine 09-12 approved: 6 A damaged, 2 B defective
 *                                R2 mine 09-05 requested: 3 B wrong item (of M3, delivered in August)
 *                                R3 mine 09-13 rejected: 10 A not needed (never counts)
 *                                R4 theirs 09-16 received: 5 C damaged, 1 A other
 *                                R5 mine 10-02 credited: 4 A (after the period)
 *
 * Delivered: A 70, B 10, C 10 (90). Returned: A 7, B 5, C 5 (17).
 */
describe('return rate report', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let a: string;
  let b: string;
  let c: string;
  let categoryOfC: string;
  const september = 'from=2019-09-01&to=2019-09-30';

  async function place(user: TestUser, addressId: string, lines: { productId: string; quantity: number }[]) {
    const placed = await placeOrder(t, user, { lines, shippingAddressId: addressId, shipComplete: false });
    expect(placed.status).toBe(201);
    return placed.body as Order;
  }

  /**
   * One shipment of every line of the order, delivered at `at`, written in
   * the order the app writes it: shipped with its lines, then the delivery
   * set (as the carrier's update does). Every delivery rollup counts a
   * shipment's lines when its delivery is set, and the coarse rollups' spec
   * compares them all with a direct computation, whichever file made the rows.
   */
  async function delivered(order: Order, at: string) {
    const [shipment] = (await t.dataSource.query(
      `INSERT INTO shipments (order_id, carrier, tracking_number, shipped_at)
       VALUES ($1, 'UPS', $2, $3::timestamptz - interval '1 day') RETURNING id`,
      [order.id, `1Z${uniqueTag()}`, at],
    )) as { id: string }[];
    for (const line of order.lines) {
      await t.dataSource.query(
        `INSERT INTO shipment_lines (shipment_id, order_line_id, quantity) VALUES ($1, $2, $3)`,
        [shipment?.id, line.id, line.quantity],
      );
    }
    await t.dataSource.query(`UPDATE shipments SET delivered_at = $2 WHERE id = $1`, [shipment?.id, at]);
    return shipment?.id ?? '';
  }

  async function returned(
    order: Order,
    status: string,
    at: string,
    lines: { productId: string; quantity: number; reason: ReturnReason }[],
  ) {
    const [ret] = (await t.dataSource.query(
      `INSERT INTO returns (number, order_id, account_id, status, opened_by, created_at, updated_at)
       SELECT $1, o.id, o.account_id, $2, 'customer', $3, $3 FROM orders o WHERE o.id = $4 RETURNING id`,
      [`RMA-T${uniqueTag()}`, status, at, order.id],
    )) as { id: string }[];
    let lineNo = 0;
    for (const line of lines) {
      const orderLine = order.lines.find((l) => l.productId === line.productId);
      await t.dataSource.query(
        `INSERT INTO return_lines (return_id, account_id, line_no, order_line_id, product_id, quantity, reason,
                                   unit_price)
         SELECT r.id, r.account_id, $2, $3, $4, $5, $6, $7 FROM returns r WHERE r.id = $1`,
        [ret?.id, ++lineNo, orderLine?.id, line.productId, line.quantity, line.reason, orderLine?.unitPrice],
      );
    }
  }

  const report = async (user: TestUser, query: string) =>
    (await t.http.get(`/api/reports/returns?${query}`).set(bearer(user)).expect(200))
      .body as ReturnRateReport;
  const figures = (r: ReturnRateReport) =>
    Object.fromEntries(
      r.rows.map((row) => [row.key, [row.deliveredUnits, row.returnedUnits, row.returnRate, row.flagged]]),
    );

  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    const products = [
      await createProduct(t),
      await createProduct(t),
      await createProduct(t, { category: `Returns ${uniqueTag()}` }),
    ];
    [a, b, c] = products.map((p) => p.id) as [string, string, string];
    categoryOfC = products[2]?.category ?? '';
    for (const p of products) await setStock(t, p.id, w.warehouseCode, 1000);

    const m1 = await place(w.approver, w.mineAddress, [
      { productId: a, quantity: 40 },
      { productId: b, quantity: 10 },
    ]);
    const m2 = await place(w.approver, w.mineAddress, [{ productId: a, quantity: 20 }]);
    const m3 = await place(w.approver, w.mineAddress, [{ productId: b, quantity: 5 }]);
    const t1 = await place(w.otherApprover, w.theirsAddress, [
      { productId: a, quantity: 10 },
      { productId: c, quantity: 10 },
    ]);
    const t2 = await place(w.otherApprover, w.theirsAddress, [{ productId: c, quantity: 4 }]);
    // M2 came by phone: the channel filter's case. The rollups follow the order's channel.
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE orders SET channel = 'phone' WHERE id = $1`, [m2.id]);
      for (const sql of ROLLUP_REBUILD_SQL) await tx.query(sql, [[w.mine.id]]);
    });

    await delivered(m1, '2019-09-10T12:00:00Z');
    // Recorded as delivered in October, then corrected to the last minute of September: it moves.
    const m2Shipment = await delivered(m2, '2019-10-01T08:00:00Z');
    await t.dataSource.query(`UPDATE shipments SET delivered_at = '2019-09-30T23:59:00Z' WHERE id = $1`, [
      m2Shipment,
    ]);
    await delivered(m3, '2019-08-31T23:59:00Z');
    await delivered(t1, '2019-09-15T12:00:00Z');
    await delivered(t2, '2019-10-01T00:00:00Z');

    await returned(m1, 'approved', '2019-09-12T09:00:00Z', [
      { productId: a, quantity: 6, reason: 'damaged' },
      { productId: b, quantity: 2, reason: 'defective' },
    ]);
    await returned(m3, 'requested', '2019-09-05T09:00:00Z', [
      { productId: b, quantity: 3, reason: 'wrong_item' },
    ]);
    await returned(m1, 'rejected', '2019-09-13T09:00:00Z', [
      { productId: a, quantity: 10, reason: 'not_needed' },
    ]);
    await returned(t1, 'received', '2019-09-16T09:00:00Z', [
      { productId: c, quantity: 5, reason: 'damaged' },
      { productId: a, quantity: 1, reason: 'other' },
    ]);
    await returned(m2, 'credited', '2019-10-02T09:00:00Z', [
      { productId: a, quantity: 4, reason: 'damaged' },
    ]);
  });
  afterAll(() => t.close());

  it('by product: delivered and returned units, exact 4-place rates, the highest flagged (ties kept)', async () => {
    const r = await report(w.manager, `groupBy=product&${september}`);
    expect(r).toMatchObject({ from: '2019-09-01', to: '2019-09-30', groupBy: 'product' });
    expect(figures(r)).toEqual({
      [a]: [70, 7, '0.1000', false],
      [b]: [10, 5, '0.5000', true],
      [c]: [10, 5, '0.5000', true],
    });
    // Highest rate first.
    expect(r.rows.map((row) => row.key).at(-1)).toBe(a);
    expect(r.rows.find((row) => row.key === a)?.label).toMatch(/^TST-.+ — Test widget /);
    expect(r.totals).toEqual({ deliveredUnits: 90, returnedUnits: 17, returnRate: '0.1889' });
  });

  it('by reason: each reason against every unit delivered in the period', async () => {
    const r = await report(w.manager, `groupBy=reason&${september}`);
    expect(r.rows.map((row) => [row.label, row.deliveredUnits, row.returnedUnits, row.returnRate])).toEqual([
      ['Damaged', 90, 11, '0.1222'],
      ['Wrong item', 90, 3, '0.0333'],
      ['Defective', 90, 2, '0.0222'],
      ['Other', 90, 1, '0.0111'],
      ['Not needed', 90, 0, '0.0000'],
    ]);
    expect(r.rows.every((row) => !row.flagged)).toBe(true);
    expect(r.totals).toEqual({ deliveredUnits: 90, returnedUnits: 17, returnRate: '0.1889' });
  });

  it('by account', async () => {
    const r = await report(w.admin, `groupBy=account&${september}`);
    expect(figures(r)).toEqual({
      [w.theirs.id]: [20, 6, '0.3000', false],
      [w.mine.id]: [70, 11, '0.1571', false],
    });
    expect(r.rows[0]?.label).toBe(`${w.theirs.code} — ${w.theirs.name}`);
  });

  it('filters by account, account manager, channel and category', async () => {
    expect(figures(await report(w.manager, `groupBy=account&accountId=${w.mine.id}&${september}`))).toEqual({
      [w.mine.id]: [70, 11, '0.1571', false],
    });
    expect(
      figures(await report(w.manager, `groupBy=product&accountManagerId=${w.otherAm.id}&${september}`)),
    ).toEqual({ [a]: [10, 1, '0.1000', false], [c]: [10, 5, '0.5000', true] });
    const phone = await report(
      w.manager,
      `groupBy=product&channel=phone&accountId=${w.mine.id}&${september}`,
    );
    expect(figures(phone)).toEqual({ [a]: [20, 0, '0.0000', false] });
    const category = await report(w.manager, `category=${encodeURIComponent(categoryOfC)}&${september}`);
    expect(category.groupBy).toBe('product');
    expect(figures(category)).toEqual({ [c]: [10, 5, '0.5000', true] });
    expect(category.totals).toEqual({ deliveredUnits: 10, returnedUnits: 5, returnRate: '0.5000' });
  });

  it('scopes by role: an account manager their accounts, a customer their own whatever they ask', async () => {
    const am = await report(w.am, `groupBy=product&${september}`);
    expect(figures(am)).toEqual({ [a]: [60, 6, '0.1000', false], [b]: [10, 5, '0.5000', true] });
    expect(am.totals).toEqual({ deliveredUnits: 70, returnedUnits: 11, returnRate: '0.1571' });
    const notTheirs = await report(w.am, `groupBy=account&accountId=${w.theirs.id}&${september}`);
    expect(notTheirs.rows).toEqual([]);
    expect(notTheirs.totals).toEqual({ deliveredUnits: 0, returnedUnits: 0, returnRate: null });
    const buyer = await report(w.buyer, `groupBy=account&accountId=${w.theirs.id}&${september}`);
    expect(figures(buyer)).toEqual({ [w.mine.id]: [70, 11, '0.1571', false] });
    await t.http.get(`/api/reports/returns?${september}`).set(bearer(w.warehouse)).expect(403);
    await t.http.get(`/api/reports/returns?${september}`).expect(401);
  });

  it('keeps the delivered rollup equal to the shipments, as a rebuild makes it', async () => {
    const accounts = [w.mine.id, w.theirs.id];
    const rows = () =>
      t.dataSource.query(
        `SELECT day::text, account_id, channel, product_id, units::int FROM delivered_by_day
          WHERE account_id = ANY($1) AND units <> 0 ORDER BY 1, 2, 3, 4`,
        [accounts],
      );
    const kept = (await rows()) as unknown[];
    // M1 A and B, M2 A (moved to 09-30: its 10-01 row is back to 0), M3 B, T1 A and C, T2 C.
    expect(kept).toHaveLength(7);
    await t.dataSource.transaction(async (tx) => {
      for (const sql of DELIVERED_ROLLUP_REBUILD_SQL) await tx.query(sql, [accounts]);
    });
    expect(await rows()).toEqual(kept);
  });

  it('an empty period has no rows and no rate', async () => {
    const r = await report(w.manager, 'groupBy=reason&from=2019-07-01&to=2019-07-31');
    expect(r.rows).toEqual([]);
    expect(r.totals.returnRate).toBeNull();
  });

  it('exports the same numbers as CSV, the rate as a percentage', async () => {
    const response = await t.http
      .get(`/api/reports/returns?groupBy=reason&format=csv&${september}`)
      .set(bearer(w.manager))
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="return-rate-by-reason-2019-09-01-to-2019-09-30.csv"',
    );
    const lines = response.text.trim().split(/\r?\n/);
    expect(lines).toEqual([
      'Reason,Delivered units (all),Returned units,Return rate (%),Flagged,Key',
      'Damaged,90,11,12.22,,damaged',
      'Wrong item,90,3,3.33,,wrong_item',
      'Defective,90,2,2.22,,defective',
      'Other,90,1,1.11,,other',
      'Not needed,90,0,0.00,,not_needed',
      'Total,90,17,18.89,,',
    ]);
    const products = await t.http
      .get(`/api/reports/returns?groupBy=product&format=csv&${september}&accountId=${w.mine.id}`)
      .set(bearer(w.manager))
      .expect(200);
    expect(products.text).toContain(`,10,5,50.00,yes,${b}`);
  });

  it('answers bad input with 400 problem+json', async () => {
    for (const query of ['groupBy=colour', 'from=2019-09-30&to=2019-09-01', 'accountId=nope', 'format=xml']) {
      const response = await t.http.get(`/api/reports/returns?${query}`).set(bearer(w.manager)).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
