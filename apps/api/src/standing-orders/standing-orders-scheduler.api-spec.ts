import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCalendarDays, isoWeekday } from '@tradecounter/domain';
import { ApiProcess, kill, startApiProcess } from '../test-support/api-process';
import { createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { eventually } from '../test-support/webhook-receiver';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The scheduler for real: API processes running their timers against one
 * database. Every due run is placed exactly once, whether two processes
 * race for the runs or one is killed mid-run and another takes over.
 */
describe('the standing-order scheduler in API processes', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let dataDir: string;
  let skus: string[];
  const servers: ApiProcess[] = [];
  const scheduler = (batch: number) => ({
    STANDING_ORDERS_SCHEDULER: 'true',
    STANDING_ORDERS_INTERVAL_MS: '100',
    STANDING_ORDERS_BATCH: String(batch),
    STANDING_ORDERS_CONCURRENCY: '3',
  });
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    skus = [];
    for (let index = 0; index < 3; index += 1) skus.push((await createProduct(t)).sku);
    dataDir = mkdtempSync(join(tmpdir(), 'tc-standing-'));
  });
  afterAll(async () => {
    for (const server of servers) await kill(server, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await t.close();
  });

  /** `count` standing orders of the account, all due today, made through the API. */
  async function dueToday(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const response = await t.http
        .post('/api/standing-orders')
        .set({ Authorization: `Bearer ${w.buyer.token}` })
        .send({
          name: `Run ${n}`,
          lines: skus.map((sku, index) => ({ sku, quantity: 1 + index })),
          shippingAddressId: w.mineAddress,
          schedule: { every: 'week', interval: 1, weekday: isoWeekday(today()) },
        })
        .expect(201);
      ids.push((response.body as { id: string }).id);
    }
    return ids;
  }

  async function outcome(ids: string[]) {
    const [row] = (await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM standing_order_runs WHERE standing_order_id = ANY($1::uuid[])) AS runs,
              (SELECT count(*)::int FROM standing_order_runs WHERE standing_order_id = ANY($1::uuid[]) AND status = 'placed') AS placed,
              (SELECT count(*)::int FROM orders WHERE channel = 'standing'
                  AND split_part(external_ref, '/', 1)::uuid = ANY($1::uuid[])) AS orders,
              (SELECT count(DISTINCT external_ref)::int FROM orders WHERE channel = 'standing'
                  AND split_part(external_ref, '/', 1)::uuid = ANY($1::uuid[])) AS keys,
              (SELECT count(*)::int FROM standing_order_runs r JOIN orders o ON o.id = r.order_id
                WHERE r.standing_order_id = ANY($1::uuid[]) AND o.external_ref = r.standing_order_id || '/' || r.run_date) AS matched,
              (SELECT count(*)::int FROM standing_orders WHERE id = ANY($1::uuid[]) AND next_run_date = $2::date) AS moved`,
      [ids, addCalendarDays(today(), 7)],
    )) as { runs: number; placed: number; orders: number; keys: number; matched: number; moved: number }[];
    return row;
  }

  it('places every due run exactly once with two processes racing for them', async () => {
    const ids = await dueToday(40);
    const secret = t.config.jwt.secret;
    const [a, b] = await Promise.all([
      startApiProcess(dataDir, secret, scheduler(4)),
      startApiProcess(dataDir, secret, scheduler(4)),
    ]);
    servers.push(a, b);
    await eventually('every run recorded', async () => (await outcome(ids))?.runs === ids.length, 60_000);
    // Give the timers a few more passes to do anything twice, should they.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await outcome(ids)).toEqual({
      runs: 40,
      placed: 40,
      orders: 40,
      keys: 40,
      matched: 40,
      moved: 40,
    });
    await Promise.all([kill(a, 'SIGTERM'), kill(b, 'SIGTERM')]);
  }, 120_000);

  it('places every run exactly once when a process is killed mid-run and another takes over', async () => {
    const ids = await dueToday(30);
    const secret = t.config.jwt.secret;
    const first = await startApiProcess(dataDir, secret, scheduler(10));
    servers.push(first);
    // Kill it once some orders of a batch have committed, before all the runs are recorded.
    await eventually('some orders placed', async () => ((await outcome(ids))?.orders ?? 0) >= 3, 60_000);
    await kill(first, 'SIGKILL');
    const halfway = await outcome(ids);
    expect(halfway?.runs).toBeLessThan(ids.length);
    const second = await startApiProcess(dataDir, secret, scheduler(10));
    servers.push(second);
    await eventually('every run recorded', async () => (await outcome(ids))?.runs === ids.length, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await outcome(ids)).toEqual({
      runs: 30,
      placed: 30,
      orders: 30,
      keys: 30,
      matched: 30,
      moved: 30,
    });
    await kill(second, 'SIGTERM');
  }, 180_000);
});
