import type { StandingOrder } from '@tradecounter/contracts';
import { addCalendarDays, isoWeekday } from '@tradecounter/domain';
import { OrderPlacementService } from '../orders/order-placement.service';
import { bearer, createProduct, TestUser } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { StandingOrderRunner } from './standing-order-runner';

/** The deployment's today (the test app runs in UTC). */
const today = () => new Date().toISOString().slice(0, 10);

describe('standing orders', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let productId: string;
  let runner: StandingOrderRunner;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    productId = (await createProduct(t, { listPrice: '10.00' })).id;
    runner = t.app.get(StandingOrderRunner);
  });
  afterAll(() => t.close());

  const weeklyOn = (date: string) => ({ every: 'week', interval: 1, weekday: isoWeekday(date) });
  const create = (user: TestUser, body: Record<string, unknown>) =>
    t.http.post('/api/standing-orders').set(bearer(user)).send(body);
  const basic = (over: Record<string, unknown> = {}) => ({
    lines: [{ productId, quantity: 3 }],
    shippingAddressId: w.mineAddress,
    poPattern: 'SO-{yyyy}{mm}{dd}',
    schedule: weeklyOn(addCalendarDays(today(), 3)),
    ...over,
  });
  const runsOf = async (id: string) =>
    (await t.dataSource.query(
      `SELECT run_date::text AS "runDate", status, order_id AS "orderId", reason, dropped_lines AS dropped,
              capped_lines AS capped
         FROM standing_order_runs WHERE standing_order_id = $1 ORDER BY run_date`,
      [id],
    )) as {
      runDate: string;
      status: string;
      orderId: string | null;
      reason: string | null;
      dropped: unknown[];
      capped: unknown[];
    }[];
  const standingOrders = async (id: string) =>
    (await t.dataSource.query(
      `SELECT id, number, po_number AS "poNumber", status FROM orders WHERE channel = 'standing' AND external_ref LIKE $1`,
      [`${id}/%`],
    )) as { id: string; number: string; poNumber: string; status: string }[];
  /** Makes the standing order's next run fall `daysAgo` days ago, as if the system had been down since. */
  const dueDaysAgo = async (daysAgo: number, over: Record<string, unknown> = {}) => {
    const runDate = addCalendarDays(today(), -daysAgo);
    const created = await create(w.buyer, basic({ schedule: weeklyOn(runDate), ...over })).expect(201);
    const id = (created.body as StandingOrder).id;
    await t.dataSource.query(`UPDATE standing_orders SET start_date = $2, next_run_date = $2 WHERE id = $1`, [
      id,
      runDate,
    ]);
    return { id, runDate };
  };

  describe('making and reading', () => {
    it('makes one for the buyer’s account, with its next runs', async () => {
      const response = await create(w.buyer, basic({ name: 'Weekly gloves', accountId: w.theirs.id })).expect(
        201,
      );
      const so = response.body as StandingOrder;
      const first = addCalendarDays(today(), 3);
      expect(so).toMatchObject({
        name: 'Weekly gloves',
        accountId: w.mine.id, // a customer's account is always their own
        status: 'active',
        lines: [{ productId, quantity: 3 }],
        poPattern: 'SO-{yyyy}{mm}{dd}',
        nextRunDate: first,
        skippedDates: [],
        runs: [],
      });
      expect(so.nextRuns.slice(0, 3)).toEqual([first, addCalendarDays(first, 7), addCalendarDays(first, 14)]);
    });

    it('lets the account manager make one for their account, and reads it back; managers read, another account’s is a 404', async () => {
      const made = (await create(w.am, basic({ accountId: w.mine.id })).expect(201)).body as StandingOrder;
      await t.http.get(`/api/standing-orders/${made.id}`).set(bearer(w.approver)).expect(200);
      await t.http.get(`/api/standing-orders/${made.id}`).set(bearer(w.manager)).expect(200);
      await t.http.get(`/api/standing-orders/${made.id}`).set(bearer(w.otherBuyer)).expect(404);
      await t.http.get(`/api/standing-orders/${made.id}`).set(bearer(w.otherAm)).expect(404);
      await t.http
        .patch(`/api/standing-orders/${made.id}`)
        .set(bearer(w.otherBuyer))
        .send({ name: 'x' })
        .expect(404);
      await t.http.post(`/api/standing-orders/${made.id}/skip`).set(bearer(w.otherAm)).send({}).expect(404);
      await t.http
        .patch(`/api/standing-orders/${made.id}`)
        .set(bearer(w.manager))
        .send({ name: 'x' })
        .expect(403);
      await t.http.get('/api/standing-orders').set(bearer(w.warehouse)).expect(403);
      const theirs = (await t.http.get('/api/standing-orders').set(bearer(w.otherBuyer)).expect(200))
        .body as {
        items: StandingOrder[];
      };
      expect(theirs.items.map((item) => item.id)).not.toContain(made.id);
      const mine = (await t.http.get('/api/standing-orders').set(bearer(w.buyer)).expect(200)).body as {
        items: StandingOrder[];
        total: number;
      };
      expect(mine.items.map((item) => item.id)).toContain(made.id);
      await create(w.am, basic({ accountId: w.theirs.id, shippingAddressId: w.theirsAddress })).expect(404);
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM standing_orders`)) as {
        n: number;
      }[];
      const bad: Record<string, unknown>[] = [
        basic({ schedule: { every: 'week', interval: 1 } }),
        basic({ schedule: { every: 'month', interval: 1, dayOfMonth: 29 } }),
        basic({ schedule: { every: 'month', interval: 13, dayOfMonth: 'last' } }),
        basic({ schedule: { every: 'day', interval: 1 } }),
        basic({ poPattern: 'SO-{date}' }),
        basic({ lines: [] }),
        basic({ lines: [{ productId, quantity: 0 }] }),
        basic({ shippingAddressId: w.theirsAddress }),
        basic({ startDate: '2027-03-10', endDate: '2027-03-01' }),
        basic({ startDate: '2027-02-30' }),
        basic({ unknown: 1 }),
      ];
      for (const body of bad) await create(w.buyer, body).expect(400);
      await create(w.am, basic()).expect(400); // staff name the account
      const after = (await t.dataSource.query(`SELECT count(*)::int AS n FROM standing_orders`)) as {
        n: number;
      }[];
      expect(after).toEqual(before);
    });

    it('runs monthly on the last day of the month', async () => {
      const so = (
        await create(
          w.buyer,
          basic({ schedule: { every: 'month', interval: 1, dayOfMonth: 'last' }, startDate: '2028-01-15' }),
        ).expect(201)
      ).body as StandingOrder;
      expect(so.nextRuns.slice(0, 3)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
    });
  });

  describe('skipping, pausing, resuming', () => {
    it('skips the next run by default, any future run by date, and refuses dates that are not runs', async () => {
      const so = (await create(w.buyer, basic()).expect(201)).body as StandingOrder;
      const [first, second, third] = so.nextRuns as [string, string, string];
      const skipped = (
        await t.http.post(`/api/standing-orders/${so.id}/skip`).set(bearer(w.buyer)).send({}).expect(200)
      ).body as StandingOrder;
      expect(skipped.skippedDates).toEqual([first]);
      expect(skipped.nextRunDate).toBe(second);
      const again = (
        await t.http
          .post(`/api/standing-orders/${so.id}/skip`)
          .set(bearer(w.approver))
          .send({ runDate: third })
          .expect(200)
      ).body as StandingOrder;
      expect(again.skippedDates).toEqual([first, third]);
      expect(again.nextRuns.slice(0, 2)).toEqual([second, addCalendarDays(third, 7)]);
      await t.http
        .post(`/api/standing-orders/${so.id}/skip`)
        .set(bearer(w.buyer))
        .send({ runDate: addCalendarDays(second, 1) })
        .expect(400);
      await t.http
        .post(`/api/standing-orders/${so.id}/skip`)
        .set(bearer(w.buyer))
        .send({ runDate: addCalendarDays(first, -7) })
        .expect(400);
      await t.http
        .post(`/api/standing-orders/${so.id}/skip`)
        .set(bearer(w.buyer))
        .send({ runDate: 'soon' })
        .expect(400);
      const back = (
        await t.http
          .post(`/api/standing-orders/${so.id}/unskip`)
          .set(bearer(w.buyer))
          .send({ runDate: first })
          .expect(200)
      ).body as StandingOrder;
      expect(back.nextRunDate).toBe(first);
      await t.http
        .post(`/api/standing-orders/${so.id}/unskip`)
        .set(bearer(w.buyer))
        .send({ runDate: second })
        .expect(400);
    });

    it('pauses (no next run), pauses until a date, and resumes', async () => {
      const so = (await create(w.buyer, basic()).expect(201)).body as StandingOrder;
      const paused = (
        await t.http
          .patch(`/api/standing-orders/${so.id}`)
          .set(bearer(w.buyer))
          .send({ status: 'paused' })
          .expect(200)
      ).body as StandingOrder;
      expect(paused).toMatchObject({ status: 'paused', nextRunDate: null, nextRuns: [] });
      const resumeOn = addCalendarDays(so.nextRunDate ?? '', 8);
      const until = (
        await t.http
          .patch(`/api/standing-orders/${so.id}`)
          .set(bearer(w.buyer))
          .send({ status: 'paused', resumeOn })
          .expect(200)
      ).body as StandingOrder;
      expect(until).toMatchObject({
        status: 'paused',
        resumeOn,
        nextRunDate: addCalendarDays(so.nextRunDate ?? '', 14),
      });
      await t.http
        .patch(`/api/standing-orders/${so.id}`)
        .set(bearer(w.buyer))
        .send({ status: 'active', resumeOn })
        .expect(400);
      await t.http
        .patch(`/api/standing-orders/${so.id}`)
        .set(bearer(w.buyer))
        .send({ resumeOn: '2001-01-01' })
        .expect(400);
      const active = (
        await t.http
          .patch(`/api/standing-orders/${so.id}`)
          .set(bearer(w.buyer))
          .send({ status: 'active' })
          .expect(200)
      ).body as StandingOrder;
      expect(active).toMatchObject({ status: 'active', resumeOn: null, nextRunDate: so.nextRunDate });
    });

    it('stops at the end date', async () => {
      const so = (await create(w.buyer, basic()).expect(201)).body as StandingOrder;
      const ended = (
        await t.http
          .patch(`/api/standing-orders/${so.id}`)
          .set(bearer(w.buyer))
          .send({ endDate: addCalendarDays(so.nextRunDate ?? '', 7) })
          .expect(200)
      ).body as StandingOrder;
      expect(ended.nextRuns).toEqual([so.nextRunDate, addCalendarDays(so.nextRunDate ?? '', 7)]);
    });
  });

  describe('the runner', () => {
    it('places a run due today once, as a standing-channel order with its PO number, and moves on a week', async () => {
      const { id, runDate } = await dueDaysAgo(0);
      await runner.runDue();
      await runner.runDue();
      const orders = await standingOrders(id);
      expect(orders).toHaveLength(1);
      expect(orders[0]?.poNumber).toBe(`SO-${runDate.replaceAll('-', '')}`);
      expect(await runsOf(id)).toEqual([
        { runDate, status: 'placed', orderId: orders[0]?.id, reason: null, dropped: [], capped: [] },
      ]);
      const so = (await t.http.get(`/api/standing-orders/${id}`).set(bearer(w.buyer)).expect(200))
        .body as StandingOrder;
      expect(so.nextRunDate).toBe(addCalendarDays(runDate, 7));
      expect(so.runs[0]).toMatchObject({ runDate, status: 'placed', orderNumber: orders[0]?.number });
      const notes = (await t.dataSource.query(
        `SELECT kind, body FROM notifications WHERE standing_order_id = $1`,
        [id],
      )) as { kind: string; body: string }[];
      expect(notes).toEqual([
        { kind: 'standing_order_placed', body: expect.stringContaining(orders[0]?.number ?? '?') },
      ]);
    });

    it('places a run missed while down when at most 2 days late, and reports it missed after', async () => {
      const late = await dueDaysAgo(2);
      const tooLate = await dueDaysAgo(3);
      await runner.runDue();
      expect((await runsOf(late.id)).map((run) => run.status)).toEqual(['placed']);
      expect(await standingOrders(late.id)).toHaveLength(1);
      const missed = await runsOf(tooLate.id);
      expect(missed).toMatchObject([{ runDate: tooLate.runDate, status: 'missed', orderId: null }]);
      expect(missed[0]?.reason).toMatch(/more than 2 days late/);
      expect(await standingOrders(tooLate.id)).toHaveLength(0);
      // The next runs are in the future again: nothing more is placed.
      await runner.runDue();
      expect(await runsOf(late.id)).toHaveLength(1);
    });

    it('drops inactive products, caps what cannot be backordered, and names both', async () => {
      const gone = await createProduct(t, { sku: `GONE-${Date.now()}` });
      const scarce = await createProduct(t, { backorderable: false, orderMultiple: 2 });
      const plenty = await createProduct(t);
      await setStock(t, scarce.id, w.warehouseCode, 5);
      const { id } = await dueDaysAgo(0, {
        lines: [
          { productId: gone.id, quantity: 1 },
          { productId: scarce.id, quantity: 10 },
          { productId: plenty.id, quantity: 4 },
        ],
      });
      await t.dataSource.query(`UPDATE products SET active = false WHERE id = $1`, [gone.id]);
      await runner.runDue();
      const [run] = await runsOf(id);
      expect(run).toMatchObject({
        status: 'placed',
        dropped: [{ productId: gone.id, requested: 1, placed: 0, reason: 'no longer sold' }],
        capped: [
          {
            productId: scarce.id,
            requested: 10,
            placed: 4,
            reason: 'only 5 available, and it cannot be backordered',
          },
        ],
      });
      const lines = (await t.dataSource.query(
        `SELECT product_id AS "productId", quantity FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
        [run?.orderId],
      )) as { productId: string; quantity: number }[];
      expect(lines).toEqual([
        { productId: scarce.id, quantity: 4 },
        { productId: plenty.id, quantity: 4 },
      ]);
      const [note] = (await t.dataSource.query(
        `SELECT body FROM notifications WHERE standing_order_id = $1 LIMIT 1`,
        [id],
      )) as {
        body: string;
      }[];
      expect(note?.body).toContain(`Left out: ${gone.sku}`);
      expect(note?.body).toContain(`Cut down: ${scarce.sku}`);
    });

    it('fails a run, naming why, when the account is on hold or nothing can be placed', async () => {
      const gone = await createProduct(t);
      const held = await dueDaysAgo(0, { lines: [{ productId: gone.id, quantity: 1 }] });
      await t.dataSource.query(`UPDATE products SET active = false WHERE id = $1`, [gone.id]);
      await runner.runDue();
      expect(await runsOf(held.id)).toMatchObject([
        { status: 'failed', reason: 'nothing could be placed: every line was dropped' },
      ]);
      const onHold = await dueDaysAgo(0);
      await t.dataSource.query(`UPDATE accounts SET status = 'on_hold' WHERE id = $1`, [w.mine.id]);
      try {
        await runner.runDue();
      } finally {
        await t.dataSource.query(`UPDATE accounts SET status = 'active' WHERE id = $1`, [w.mine.id]);
      }
      expect(await runsOf(onHold.id)).toMatchObject([
        { status: 'failed', reason: 'the account is on credit hold' },
      ]);
      const [note] = (await t.dataSource.query(
        `SELECT kind, body FROM notifications WHERE standing_order_id = $1`,
        [onHold.id],
      )) as { kind: string; body: string }[];
      expect(note).toMatchObject({
        kind: 'standing_order_failed',
        body: expect.stringContaining('credit hold'),
      });
      expect(await standingOrders(onHold.id)).toHaveLength(0);
    });

    it('records, after a crash between placing and recording, the order already placed (no second order)', async () => {
      const { id, runDate } = await dueDaysAgo(0);
      // The crash: the order committed under the run's key, the run never recorded.
      const placed = await t.app.get(OrderPlacementService).placeForChannel('standing', {
        accountId: w.mine.id,
        externalRef: `${id}/${runDate}`,
        shippingAddressId: w.mineAddress,
        shipComplete: false,
        lines: [
          {
            sku: (await t.dataSource.query(`SELECT sku FROM products WHERE id = $1`, [productId]))[0].sku,
            quantity: 2, // cut down by the reading of stock before the crash
          },
        ],
      });
      await runner.runDue();
      expect(await standingOrders(id)).toEqual([expect.objectContaining({ id: placed.order.id })]);
      // The run records that order as it is: 2 of the 3 asked for.
      expect(await runsOf(id)).toMatchObject([
        {
          status: 'placed',
          orderId: placed.order.id,
          dropped: [],
          capped: [{ productId, requested: 3, placed: 2 }],
        },
      ]);
    });

    it('shows its orders in reports under the channel "Standing order", a name no integration may take', async () => {
      await dueDaysAgo(0);
      await runner.runDue();
      const report = await t.http
        .get(
          `/api/reports/sales?groupBy=channel&accountId=${w.mine.id}&from=${addCalendarDays(today(), -1)}&to=${today()}`,
        )
        .set(bearer(w.manager))
        .expect(200);
      expect((report.body as { rows: { key: string; label: string }[] }).rows).toContainEqual(
        expect.objectContaining({ key: 'standing', label: 'Standing order' }),
      );
      await t.http.post('/api/channels').set(bearer(w.admin)).send({ name: 'standing' }).expect(400);
    });

    it('refuses to skip a run that has already taken place', async () => {
      const { id, runDate } = await dueDaysAgo(0);
      await runner.runDue();
      await t.http.post(`/api/standing-orders/${id}/skip`).set(bearer(w.buyer)).send({ runDate }).expect(409);
    });

    it('sends one preview, priced and promised, 3 business days before a run', async () => {
      // A run 2 calendar days ahead is always within 3 business days.
      const { id } = await dueDaysAgo(-2);
      expect(await runner.sendPreviews()).toBeGreaterThanOrEqual(1);
      await runner.sendPreviews();
      const notes = (await t.dataSource.query(
        `SELECT kind, title, body FROM notifications WHERE standing_order_id = $1`,
        [id],
      )) as { kind: string; title: string; body: string }[];
      // Once, to its maker only (a buyer made it): not to the account's other customer users.
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        kind: 'standing_order_preview',
        body: expect.stringMatching(/\$30\.00 at today’s prices, delivered by/),
      });
      await t.http.get('/api/notifications').set(bearer(w.buyer)).expect(200);
    });
  });
});
