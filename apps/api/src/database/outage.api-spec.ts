import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProduct } from '../test-support/fixtures';
import { ApiProcess, kill, startApiProcess } from '../test-support/api-process';
import { createOrderingWorld, OrderingWorld, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { eventually } from '../test-support/webhook-receiver';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** The deliberate length of the outage. */
const OUTAGE_MS = 5_000;
const CLIENTS = 4;

interface Placement {
  key: string;
  body: string;
  lines: number;
  statuses: number[];
  orderId: string | null;
  /** Whether it was first sent after the database came back. */
  afterOutage: boolean;
}

interface Refusal {
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  title: string | undefined;
}

interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  err?: { message?: string; stack?: string };
}

/**
 * PostgreSQL stopped for five seconds under a burst of orders from four
 * clients that retry a 503 after its Retry-After with the same
 * Idempotency-Key, as a careful client does, then started again. The API
 * (a process of its own, its JSON log read from stdout) answers 503
 * problem+json with Retry-After while the database is away, never 500; its
 * health check says so to a load balancer and recovers within 5 s; nothing
 * acknowledged is lost, nothing is doubled, the stock matches the orders,
 * and the log holds one line for the outage's start and one for its end.
 */
describe('the database stopped under an order burst', () => {
  let dataDir: string;
  let database: EmbeddedDatabase;
  let t: TestApp;
  let w: OrderingWorld;
  let api: ApiProcess | undefined;
  const log: LogLine[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tc-outage-'));
    database = await startEmbeddedPostgres({ dataDir });
    t = await startTestApp({}, database.url);
    w = await createOrderingWorld(t);
  }, 120_000);
  afterAll(async () => {
    if (api) await kill(api, 'SIGKILL');
    await t?.close();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while it is away, loses and doubles nothing, and logs the outage once', async () => {
    const products = [await createProduct(t), await createProduct(t)];
    for (const product of products) await setStock(t, product.id, w.warehouseCode, 100_000);
    api = await startApiProcess(join(dataDir, 'api'), t.config.jwt.secret, {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      // The background workers run too: an outage must not make them spam the log.
      EVENTS_WORKER: 'true',
      EVENTS_POLL_MS: '200',
      STANDING_ORDERS_SCHEDULER: 'true',
      STANDING_ORDERS_INTERVAL_MS: '200',
    });
    readLog(api, log);
    const baseUrl = api.baseUrl;

    const placements: Placement[] = [];
    const refusals: Refusal[] = [];
    const phase = { outageOver: false, stop: false };
    const send = async (placement: Placement) => {
      for (;;) {
        const response = await fetch(`${baseUrl}/api/orders`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${w.buyer.token}`,
            'content-type': 'application/json',
            'idempotency-key': placement.key,
          },
          body: placement.body,
        });
        const body = (await response.json()) as { id?: string; title?: string };
        placement.statuses.push(response.status);
        if (response.status === 201 || response.status === 200) {
          placement.orderId = body.id ?? null;
          return;
        }
        const retryAfter = response.headers.get('retry-after');
        if (response.status === 503)
          refusals.push({
            status: response.status,
            retryAfter,
            contentType: response.headers.get('content-type'),
            title: body.title,
          });
        // 503 (database away) and 409 (the same key still in flight) say when to come back; anything else is final.
        if ((response.status !== 503 && response.status !== 409) || !retryAfter) return;
        await new Promise((resolve) => setTimeout(resolve, Number(retryAfter) * 1_000));
      }
    };
    const client = async (clientNo: number) => {
      let placedAfter = 0;
      for (let n = 0; !phase.stop && placedAfter < 5; n += 1) {
        const lines = products
          .slice(0, 1 + ((clientNo + n) % 2))
          .map((product, index) => ({ productId: product.id, quantity: 1 + ((n + index) % 3) }));
        const placement: Placement = {
          key: `outage-${clientNo}-${n}-${randomUUID()}`,
          body: JSON.stringify({ lines, shippingAddressId: w.mineAddress, shipComplete: false }),
          lines: lines.length,
          statuses: [],
          orderId: null,
          afterOutage: phase.outageOver,
        };
        placements.push(placement);
        await send(placement);
        if (placement.afterOutage && placement.orderId) placedAfter += 1;
      }
    };
    const acknowledged = () => placements.filter((placement) => placement.orderId !== null);
    const burst = Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
    let burstOver = false;
    void burst.finally(() => (burstOver = true));

    await eventually('20 orders before the outage', () => acknowledged().length >= 20, 30_000);
    await database.stop();
    const stoppedAt = Date.now();
    const health: { status: number; retryAfter: string | null; db?: string; ms: number }[] = [];
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      const asked = Date.now();
      const response = await fetch(`${baseUrl}/api/health`);
      const body = (await response.json()) as { db?: string };
      health.push({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        db: body.db,
        ms: Date.now() - asked,
      });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(refusals.length).toBeGreaterThan(0);

    database = await startEmbeddedPostgres({ dataDir, port: Number(new URL(database.url).port) });
    const restartedAt = Date.now();
    await eventually(
      'a healthy answer once the database is back',
      async () => (await fetch(`${baseUrl}/api/health`)).status === 200,
      5_000,
    );
    const recoveredMs = Date.now() - restartedAt;
    phase.outageOver = true;
    await eventually('five orders from each client after the outage', () => burstOver, 30_000).finally(
      () => (phase.stop = true),
    );
    await burst;

    // The log: one line when the outage began, one when it ended; no stack traces, no line per request
    // (nor per reconnect attempt of the LISTEN connection).
    await eventually(
      'the log line of the recovery',
      () => linesSaying(log, 'database back after').length > 0,
    );
    const alarms = log
      .filter((line) => line.level >= 40)
      .map((line) => (line.err ? `${line.msg}: ${line.err.message}` : line.msg));
    expect(alarms).toEqual([expect.stringMatching(/^database unreachable: /)]);
    expect(linesSaying(log, 'database unreachable')).toHaveLength(1);
    expect(linesSaying(log, 'database back after')).toHaveLength(1);
    expect(log.filter((line) => line.err?.stack)).toEqual([]);

    // During the outage: 503 problem documents with Retry-After, from the orders and the health check alike.
    const statuses = new Set(placements.flatMap((placement) => placement.statuses));
    expect([...statuses].filter((status) => ![200, 201, 409, 503].includes(status))).toEqual([]);
    for (const refusal of refusals) {
      expect(refusal).toEqual({
        status: 503,
        retryAfter: expect.stringMatching(/^[1-9]\d*$/) as string,
        contentType: expect.stringContaining('application/problem+json') as string,
        title: 'The database is unavailable',
      });
    }
    expect(health.length).toBeGreaterThan(5);
    for (const answer of health.slice(1)) {
      expect(answer).toMatchObject({ status: 503, db: 'down', retryAfter: expect.any(String) as string });
      expect(answer.ms).toBeLessThan(1_000);
    }
    expect(recoveredMs).toBeLessThan(5_000);

    // Nothing lost: every order was acknowledged in the end, and every acknowledged order is stored whole.
    expect(placements.every((placement) => placement.orderId !== null)).toBe(true);
    const stored = (await t.dataSource.query(
      `SELECT k.key, o.id, (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS lines
         FROM orders o LEFT JOIN idempotency_keys k ON k.order_id = o.id
        WHERE o.account_id = $1`,
      [w.mine.id],
    )) as { key: string | null; id: string; lines: number }[];
    // Nothing doubled: one order per key, and no order without one.
    expect(stored).toHaveLength(placements.length);
    const byKey = new Map(stored.map((row) => [row.key, row]));
    for (const placement of placements) {
      expect(byKey.get(placement.key)).toEqual({
        key: placement.key,
        id: placement.orderId,
        lines: placement.lines,
      });
    }
    // The stock holds exactly what the orders reserve.
    for (const product of products) {
      const [stock] = (await t.dataSource.query(
        `SELECT s.on_hand AS "onHand", s.reserved,
                (SELECT coalesce(sum(l.reserved_qty), 0)::int FROM order_lines l WHERE l.product_id = s.product_id) AS held,
                (SELECT coalesce(sum(l.quantity), 0)::int FROM order_lines l WHERE l.product_id = s.product_id) AS ordered
           FROM stock s WHERE s.product_id = $1 AND s.warehouse_code = $2`,
        [product.id, w.warehouseCode],
      )) as { onHand: number; reserved: number; held: number; ordered: number }[];
      expect(stock).toEqual({
        onHand: 100_000,
        reserved: stock?.ordered,
        held: stock?.ordered,
        ordered: stock?.ordered,
      });
    }
  }, 120_000);
});

function linesSaying(log: LogLine[], text: string): LogLine[] {
  return log.filter((line) => line.msg?.startsWith(text));
}

/** Collects the API's JSON log lines from its stdout. */
function readLog(api: ApiProcess, log: LogLine[]): void {
  let partial = '';
  api.process.stdout?.setEncoding('utf8');
  api.process.stdout?.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.startsWith('{')) continue;
      log.push(JSON.parse(line) as LogLine);
    }
  });
}
