import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreatedWebhookSubscription, Order } from '@tradecounter/contracts';
import { ApiProcess, kill, startApiProcess } from '../test-support/api-process';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { eventually, WebhookReceiver } from '../test-support/webhook-receiver';

/**
 * The API killed with SIGKILL while webhook attempts are in flight, then
 * started again: every event is still delivered (at least once), signed.
 * The killed process's claims are leases that run out (2 × timeout + 5 s).
 */
describe('dispatching webhooks through a crash', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let receiver: WebhookReceiver;
  let dataDir: string;
  const servers: ApiProcess[] = [];
  const worker = {
    EVENTS_WORKER: 'true',
    EVENTS_POLL_MS: '200',
    WEBHOOK_TIMEOUT_MS: '1500',
    WEBHOOK_BACKOFF_MS: '200',
  };
  let subscription: CreatedWebhookSubscription;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    receiver = await WebhookReceiver.start();
    dataDir = mkdtempSync(join(tmpdir(), 'tc-dispatch-crash-'));
  });
  afterAll(async () => {
    for (const server of servers) await kill(server, 'SIGKILL');
    if (subscription) await t.http.delete(`/api/webhooks/${subscription.id}`).set(bearer(w.admin));
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await t.close();
  });

  it('delivers every event after the dispatching process is killed mid-delivery and restarted', async () => {
    subscription = (
      await t.http
        .post('/api/webhooks')
        .set(bearer(w.admin))
        .send({ url: receiver.url, events: ['order.created'], secret: 'crash-test-secret-0123456789' })
        .expect(201)
    ).body as CreatedWebhookSubscription;
    let arrived = 0;
    // Slower than the process lives: attempts are in flight when it dies.
    receiver.answer(() => {
      arrived += 1;
      return { status: 200, delayMs: 1_200 };
    });
    const first = await startApiProcess(dataDir, t.config.jwt.secret, worker);
    servers.push(first);

    const product = await createProduct(t, { listPrice: '10.00' });
    await setStock(t, product.id, w.warehouseCode, 1000);
    const orders: Order[] = [];
    for (let n = 0; n < 8; n += 1) {
      const placed = await placeOrder(t, w.buyer, {
        lines: [{ productId: product.id, quantity: 1 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201);
      orders.push(placed.body as Order);
    }
    await eventually('attempts in flight', () => arrived > 0);
    await kill(first, 'SIGKILL');

    receiver.answer(() => ({ status: 200 }));
    servers.push(await startApiProcess(dataDir, t.config.jwt.secret, worker));
    const rows = (await t.dataSource.query(
      `SELECT id::text FROM order_events WHERE order_id = ANY($1::uuid[]) AND from_status IS NULL ORDER BY id`,
      [orders.map((order) => order.id)],
    )) as { id: string }[];
    const expected = rows.map((row) => `${row.id}.order.created`);
    expect(expected).toHaveLength(8);
    await eventually(
      'every order.created delivered after the restart',
      () => expected.every((id) => receiver.delivered([id]).length > 0),
      40_000,
    );
    for (const hit of receiver.delivered(expected)) {
      const signature = createHmac('sha256', 'crash-test-secret-0123456789').update(hit.body).digest('hex');
      expect(hit.headers['x-signature']).toBe(`sha256=${signature}`);
    }
  }, 120_000);
});
