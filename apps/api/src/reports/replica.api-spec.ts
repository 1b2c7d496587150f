import type { Order, SalesReport, SummaryReport } from '@tradecounter/contracts';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bearer, createProduct, type TestUser } from '../test-support/fixtures';
import {
  createOrderingWorld,
  type OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import {
  replicaUnavailable,
  startStreamingReplica,
  type StreamingReplica,
} from '../test-support/streaming-replica';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { REPORTS_DATA_SOURCE } from './reports-data-source';

/**
 * REPORTS_DATABASE_URL: the API on a primary of its own, its reports on a
 * streaming standby of it. Pausing the standby's replay proves where the
 * reports read (orders placed meanwhile stay out, and `asOf` stays behind),
 * and every report is read there without a write.
 */
const unavailable = replicaUnavailable();
const mustRun = Boolean(process.env['CI'] || process.env['E2E_REQUIRED']);
if (unavailable && mustRun) throw new Error(`The replica test must run here, but: ${unavailable}`);
if (unavailable)
  console.warn(`Skipping the read-replica test: the embedded PostgreSQL binaries: ${unavailable}`);
const describeWithBinaries = unavailable ? describe.skip : describe;

const DEADLINE_MS = 15_000;

/** Polls until `check` gives a value (not undefined), or fails at the deadline. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not within ${DEADLINE_MS / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithBinaries('reports on a read replica (REPORTS_DATABASE_URL)', () => {
  let servers: StreamingReplica | undefined;
  let t: TestApp | undefined;
  let standby: Client | undefined;
  let w: OrderingWorld;
  let productId: string;

  const app = () => {
    if (!t) throw new Error('the app did not start');
    return t;
  };
  const standbyQuery = async <R>(sql: string): Promise<R | undefined> => {
    if (!standby) throw new Error('the standby did not start');
    return (await standby.query(sql)).rows[0] as R | undefined;
  };
  const get = (user: TestUser, path: string) => app().http.get(path).set(bearer(user));
  const sales = async () =>
    (await get(w.manager, `/api/reports/sales?groupBy=account&accountId=${w.mine.id}`).expect(200))
      .body as SalesReport;
  const ordersOf = (report: SalesReport) => report.total.orders ?? 0;

  async function place(quantity: number): Promise<Order> {
    return (
      await placeOrder(app(), w.buyer, {
        lines: [{ productId, quantity }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201)
    ).body as Order;
  }

  /** The standby has received (not necessarily replayed) everything the primary has written so far. */
  async function standbyReceivedAll(): Promise<void> {
    const [{ lsn }] = (await app().dataSource.query(`SELECT pg_current_wal_lsn()::text AS lsn`)) as {
      lsn: string;
    }[];
    await eventually('the standby receives the new WAL', async () => {
      const row = await standbyQuery<{ received: boolean }>(
        `SELECT pg_last_wal_receive_lsn() >= '${lsn}'::pg_lsn AS received`,
      );
      return row?.received ? true : undefined;
    });
  }

  beforeAll(async () => {
    servers = await startStreamingReplica();
    standby = new Client({ connectionString: servers.standbyUrl });
    await standby.connect();
    t = await startTestApp({ REPORTS_DATABASE_URL: servers.standbyUrl }, servers.primaryUrl);
    w = await createOrderingWorld(t);
    const product = await createProduct(t, { listPrice: '10.00' });
    productId = product.id;
    await setStock(t, productId, w.warehouseCode, 100);
  }, 120_000);

  afterAll(async () => {
    // Each step on its own: whatever failed before, both servers stop and their directories go.
    await standby?.end().catch(() => undefined);
    await t?.close().catch(() => undefined);
    await servers?.stop();
  }, 60_000);

  it('reads reports from the standby, in read-only transactions', async () => {
    const reports = app().app.get<DataSource>(REPORTS_DATA_SOURCE);
    expect(reports).not.toBe(app().dataSource);
    const [row] = (await reports.query(
      `SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS "readOnly"`,
    )) as { standby: boolean; readOnly: string }[];
    expect(row).toEqual({ standby: true, readOnly: 'on' });
    const [primary] = (await app().dataSource.query(`SELECT pg_is_in_recovery() AS standby`)) as {
      standby: boolean;
    }[];
    expect(primary?.standby).toBe(false);
  });

  it('leaves out what the standby has not replayed, with asOf behind; shows it once replayed, with asOf advanced', async () => {
    await place(1);
    await eventually('the first order reaches the report', async () => {
      const report = await sales();
      return ordersOf(report) === 1 ? report : undefined;
    });

    await standbyQuery(`SELECT pg_wal_replay_pause()`);
    await eventually('replay pauses', async () => {
      const row = await standbyQuery<{ state: string }>(`SELECT pg_get_wal_replay_pause_state() AS state`);
      return row?.state === 'paused' ? true : undefined;
    });
    const paused = Date.now();
    const order = await place(2);
    await place(3);
    const written = Date.now();
    await standbyReceivedAll();

    // The primary has all three; the report, read on the paused standby, the one.
    const [onPrimary] = (await app().dataSource.query(
      `SELECT sum(orders)::int AS orders FROM sales_by_day WHERE account_id = $1`,
      [w.mine.id],
    )) as { orders: number }[];
    expect(onPrimary?.orders).toBe(3);
    const behind = await sales();
    expect(ordersOf(behind)).toBe(1);
    expect(Date.parse(behind.asOf)).toBeLessThanOrEqual(paused);
    const summary = (await get(w.manager, `/api/reports/summary?accountId=${w.mine.id}`).expect(200))
      .body as SummaryReport;
    expect(summary.orders).toBe(1);
    expect(Date.parse(summary.asOf)).toBeLessThanOrEqual(paused);
    const detail = await get(w.buyer, `/api/orders/${order.id}`).expect(200);
    expect(detail.body).toMatchObject({ id: order.id }); // Everything else still reads the primary.

    await standbyQuery(`SELECT pg_wal_replay_resume()`);
    const replayed = await eventually('the orders placed during the pause reach the report', async () => {
      const report = await sales();
      return ordersOf(report) === 3 ? report : undefined;
    });
    expect(replayed.total.units).toBe(6);
    expect(Date.parse(replayed.asOf)).toBeGreaterThanOrEqual(written);
  });

  it('answers every report and its CSV from the standby without a write', async () => {
    const paths = [
      'channels',
      'summary',
      'sales?groupBy=day',
      'sales?groupBy=product',
      'sales?groupBy=accountManager',
      'delivery?groupBy=week',
      'delivery?groupBy=account',
      'backlog',
      'promise-accuracy',
      'dormant-accounts',
      'quote-conversion?groupBy=accountManager',
      'supplier-performance',
      'returns?groupBy=product',
      'returns?groupBy=reason',
    ];
    for (const path of paths) {
      const json = await get(w.manager, `/api/reports/${path}`);
      expect({ path, status: json.status, body: json.status === 200 ? undefined : json.body }).toEqual({
        path,
        status: 200,
        body: undefined,
      });
      if (path === 'channels') continue;
      const csv = await get(w.manager, `/api/reports/${path}${path.includes('?') ? '&' : '?'}format=csv`);
      expect({ path, status: csv.status }).toEqual({ path, status: 200 });
    }
  });
});
