import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProductEntity } from '../catalog/product.entity';
import { createProduct } from '../test-support/fixtures';
import { ApiProcess, kill, startApiProcess } from '../test-support/api-process';
import { addInbound, createOrderingWorld, OrderingWorld, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Attempt {
  key: string;
  body: string;
  /** 201/200/4xx, or null when the connection died before an answer. */
  status: number | null;
  orderId: string | null;
}

/**
 * The API process killed with SIGKILL in the middle of a burst of orders,
 * then started again: every order it acknowledged with 201 is there whole,
 * nothing is half-written, and retrying the unanswered requests with their
 * keys makes each order exactly once.
 */
describe('placing orders through a crash', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let dataDir: string;
  const servers: ApiProcess[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    dataDir = mkdtempSync(join(tmpdir(), 'tc-crash-'));
  });
  afterAll(async () => {
    for (const server of servers) await kill(server, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await t.close();
  });

  it('keeps every acknowledged order complete, and no reservation without its order', async () => {
    const products: ProductEntity[] = [];
    for (let index = 0; index < 3; index += 1) {
      const product = await createProduct(t);
      await setStock(t, product.id, w.warehouseCode, 150);
      await addInbound(t, product.id, w.warehouseCode, 100, daysAhead(10 + index));
      products.push(product);
    }
    const secret = t.config.jwt.secret;
    const first = await startApiProcess(dataDir, secret);
    servers.push(first);

    const attempts: Attempt[] = [];
    const send = async (baseUrl: string, attempt: Attempt) => {
      try {
        const response = await fetch(`${baseUrl}/api/orders`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${w.buyer.token}`,
            'content-type': 'application/json',
            'idempotency-key': attempt.key,
          },
          body: attempt.body,
        });
        const body = (await response.json()) as { id?: string };
        attempt.status = response.status;
        attempt.orderId = body.id ?? null;
      } catch {
        attempt.status = null;
      }
    };
    let stop = false;
    const client = async (clientNo: number) => {
      for (let n = 0; !stop && n < 500; n += 1) {
        const lines = products.map((product, index) => ({
          productId: product.id,
          quantity: 1 + ((n + index) % 3),
        }));
        const attempt: Attempt = {
          key: `crash-${clientNo}-${n}-${randomUUID()}`,
          body: JSON.stringify({ lines, shippingAddressId: w.mineAddress, shipComplete: false }),
          status: null,
          orderId: null,
        };
        attempts.push(attempt);
        await send(first.baseUrl, attempt);
        if (attempt.status === null) return;
      }
    };
    const clients = Array.from({ length: 8 }, (_, index) => client(index));
    // Kill it mid-burst, once it has acknowledged a good number of orders.
    const started = Date.now();
    while (
      attempts.filter((attempt) => attempt.status === 201).length < 30 &&
      Date.now() - started < 30_000
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await kill(first, 'SIGKILL');
    stop = true;
    await Promise.all(clients);

    const acknowledged = attempts.filter((attempt) => attempt.status === 201);
    const unanswered = attempts.filter((attempt) => attempt.status === null);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(attempts.every((attempt) => attempt.status === 201 || attempt.status === null)).toBe(true);

    const second = await startApiProcess(dataDir, secret);
    servers.push(second);

    // Every acknowledged order is there with all its lines and what they hold.
    for (const attempt of acknowledged) {
      const response = await fetch(`${second.baseUrl}/api/orders/${attempt.orderId}`, {
        headers: { authorization: `Bearer ${w.buyer.token}` },
      });
      expect(response.status).toBe(200);
      const order = (await response.json()) as {
        lines: { quantity: number; allocated: number; backordered: number }[];
      };
      expect(order.lines).toHaveLength(3);
      for (const line of order.lines) expect(line.allocated + line.backordered).toBe(line.quantity);
    }
    await expectNoOrphans();

    // Retrying what got no answer makes each order exactly once: an order that committed before the kill is returned.
    for (const attempt of unanswered) await send(second.baseUrl, attempt);
    expect(unanswered.every((attempt) => attempt.status === 201 || attempt.status === 200)).toBe(true);
    const [counts] = (await t.dataSource.query(
      `SELECT count(*)::int AS orders, count(DISTINCT k.key)::int AS keys
         FROM orders o JOIN idempotency_keys k ON k.order_id = o.id WHERE o.account_id = $1 AND k.key LIKE 'crash-%'`,
      [w.mine.id],
    )) as { orders: number; keys: number }[];
    expect(counts).toEqual({ orders: attempts.length, keys: attempts.length });
    await expectNoOrphans();
    for (const product of products) await expectConsistent(product.id);
  }, 240_000);

  /** No order without lines, no key without its order, no allocation without its line. */
  async function expectNoOrphans() {
    const [row] = (await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM orders o WHERE o.account_id = $1
                 AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)) AS "ordersWithoutLines",
              (SELECT count(*)::int FROM orders o WHERE o.account_id = $1
                 AND NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id)) AS "ordersWithoutEvents",
              (SELECT count(*)::int FROM idempotency_keys k WHERE k.user_id = $2 AND k.order_id IS NULL) AS "keysWithoutOrders"`,
      [w.mine.id, w.buyer.id],
    )) as Record<string, number>[];
    expect(row).toEqual({ ordersWithoutLines: 0, ordersWithoutEvents: 0, keysWithoutOrders: 0 });
  }

  /** Reserved stock is exactly what order lines hold; each receipt's allocation is exactly its allocations. */
  async function expectConsistent(productId: string) {
    const [stock] = (await t.dataSource.query(
      `SELECT s.reserved, s.on_hand AS "onHand",
              (SELECT coalesce(sum(l.reserved_qty), 0)::int FROM order_lines l WHERE l.product_id = s.product_id) AS held
         FROM stock s WHERE s.product_id = $1 AND s.warehouse_code = $2`,
      [productId, w.warehouseCode],
    )) as { reserved: number; onHand: number; held: number }[];
    expect(stock?.reserved).toBe(stock?.held);
    expect(stock?.reserved).toBeLessThanOrEqual(stock?.onHand ?? 0);
    const receipts = (await t.dataSource.query(
      `SELECT i.allocated, (SELECT coalesce(sum(a.qty), 0)::int FROM order_line_allocations a WHERE a.inbound_id = i.id) AS held
         FROM inbound i WHERE i.product_id = $1`,
      [productId],
    )) as { allocated: number; held: number }[];
    for (const receipt of receipts) expect(receipt.allocated).toBe(receipt.held);
  }
});
