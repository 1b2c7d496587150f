import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreatedWebhookSubscription, Order, QuoteLine } from '@tradecounter/contracts';
import { ApiProcess, kill, startApiProcess } from '../test-support/api-process';
import { createProduct, createUser, PASSWORD } from '../test-support/fixtures';
import { NGINX_PATH, Nginx, nginxInstalled, startNginx } from '../test-support/nginx';
import { createOrderingWorld, OrderingWorld, setStock, stockOf } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { expectConsistentSupply } from '../test-support/supply-invariants';
import { eventually, WebhookReceiver } from '../test-support/webhook-receiver';

/** What a cache may lag behind a change made through another process. */
const WITHIN_MS = 1_000;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** One JSON request to an API process or to nginx. */
async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Calls `probe` until it answers true; how long that took, or a failure past `deadlineMs`. */
async function millisUntil(what: string, probe: () => Promise<boolean>, deadlineMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= deadlineMs) {
    if (await probe()) return Date.now() - started;
  }
  throw new Error(`${what}: not within ${deadlineMs} ms`);
}

const required = process.env['CLUSTER_REQUIRED'] === '1' || process.env['E2E_REQUIRED'] === '1';
const runs = nginxInstalled() || required;
if (!runs) {
  console.log(
    `Skipping the two-process suite: no nginx at ${NGINX_PATH} (apt-get install nginx, or NGINX_PATH)`,
  );
}

/**
 * Two API processes on one database behind nginx (deploy/nginx/tradecounter.conf,
 * round-robin), as a deployment with several processes runs: nothing one
 * process holds in memory may let the other answer wrongly. Racing requests
 * go through nginx, so both processes take them; a change made through one
 * process is checked directly on the other.
 */
(runs ? describe : describe.skip)('two API processes behind nginx', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let a: ApiProcess;
  let b: ApiProcess;
  let nginx: Nginx;
  let receiver: WebhookReceiver;
  const dataDirs: string[] = [];
  const worker = { EVENTS_WORKER: 'true', EVENTS_POLL_MS: '5000', DB_POOL_SIZE: '10' };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    receiver = await WebhookReceiver.start();
    const start = async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tc-cluster-'));
      dataDirs.push(dataDir);
      return startApiProcess(dataDir, t.config.jwt.secret, worker);
    };
    [a, b] = await Promise.all([start(), start()]);
    nginx = await startNginx([a, b].map((server) => new URL(server.baseUrl).host));
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const server of [a, b]) if (server) await kill(server, 'SIGTERM');
    await receiver?.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('sells 10 units exactly once to 200 orders racing through both processes', async () => {
    const product = await createProduct(t, { backorderable: false });
    await setStock(t, product.id, w.warehouseCode, 10);
    const body = {
      accountId: w.mine.id,
      lines: [{ productId: product.id, quantity: 1 }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    };
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        call(nginx.baseUrl, 'POST', '/api/orders', {
          token: w.am.token,
          body,
          headers: { 'idempotency-key': randomUUID() },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(190);
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 10 });
    const { lines } = await expectConsistentSupply(t, product.id, w.warehouseCode);
    expect(lines).toHaveLength(10);
    // Both processes took orders: nginx logs which one answered each.
    const answeredBy = new Set(
      nginx
        .accessLog()
        .split('\n')
        .filter((line) => line.includes('"POST /api/orders '))
        .map((line) => line.split(' ').pop()),
    );
    expect(answeredBy).toEqual(new Set([a, b].map((server) => new URL(server.baseUrl).host)));
  }, 60_000);

  it('makes one order of one Idempotency-Key sent to both processes at once', async () => {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 100);
    const key = randomUUID();
    const send = (server: ApiProcess) =>
      call(server.baseUrl, 'POST', '/api/orders', {
        token: w.otherBuyer.token,
        body: {
          lines: [{ productId: product.id, quantity: 2 }],
          shippingAddressId: w.theirsAddress,
          shipComplete: false,
        },
        headers: { 'idempotency-key': key },
      });
    const answers = await Promise.all([a, b, a, b, a, b].map(send));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    // The others replayed it (200) or found it still being placed (409, retry).
    expect(statuses.every((status) => [200, 201, 409].includes(status))).toBe(true);
    const orderId = (answers.find((answer) => answer.status === 201)?.body as unknown as Order).id;
    for (const server of [a, b]) {
      const replay = await send(server);
      expect(replay.status).toBe(200);
      expect((replay.body as unknown as Order).id).toBe(orderId);
    }
    const [row] = (await t.dataSource.query(
      `SELECT count(*)::int AS orders FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.product_id = $1`,
      [product.id],
    )) as { orders: number }[];
    expect(row?.orders).toBe(1);
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 100, reserved: 2 });
  });

  it('refuses a user deactivated through one process on the other within a second', async () => {
    const staff = await createUser(t, 'warehouse');
    // B has just read the user: only a notice, not its cache's expiry, can make it refuse within a second.
    expect((await call(b.baseUrl, 'GET', '/api/me', { token: staff.token })).status).toBe(200);
    const deactivated = await call(a.baseUrl, 'PATCH', `/api/users/${staff.id}`, {
      token: w.admin.token,
      body: { active: false },
    });
    expect(deactivated.status).toBe(200);
    const took = await millisUntil(
      'B refuses the deactivated user',
      async () => (await call(b.baseUrl, 'GET', '/api/me', { token: staff.token })).status === 401,
      WITHIN_MS,
    );
    expect(took).toBeLessThan(WITHIN_MS);
  });

  it('prices a quote through one process with a contract price set through the other within a second', async () => {
    const product = await createProduct(t, { listPrice: '40.00' });
    const quote = async (server: ApiProcess) => {
      const answer = await call(server.baseUrl, 'POST', '/api/pricing/quote', {
        token: w.buyer.token,
        body: { lines: [{ productId: product.id, quantity: 1 }] },
      });
      expect(answer.status).toBe(200);
      return (answer.body['lines'] as QuoteLine[])[0]?.unitPrice;
    };
    // B has just priced for the account: its price book is cached.
    const before = await quote(b);
    expect(before).not.toBe('27.50');
    const set = await call(a.baseUrl, 'PUT', `/api/accounts/${w.mine.id}/contract-prices/${product.id}`, {
      token: w.admin.token,
      body: { unitPrice: '27.50', validFrom: '2020-01-01' },
    });
    expect(set.status).toBe(200);
    const took = await millisUntil(
      'B quotes the contract price',
      async () => (await quote(b)) === '27.50',
      WITHIN_MS,
    );
    expect(took).toBeLessThan(WITHIN_MS);
  });

  it('counts failed sign-ins across both processes as one process does', async () => {
    const attempts = async (servers: ApiProcess[]) => {
      const user = await createUser(t, 'buyer', w.mine.id);
      // A client of its own (TRUST_PROXY's default trusts the loopback hop), so no other test's failures count.
      const client = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
      const statuses: number[] = [];
      for (const server of servers) {
        const answer = await call(server.baseUrl, 'POST', '/api/auth/login', {
          body: { email: user.email, password: `${PASSWORD}-wrong` },
          headers: { 'x-forwarded-for': client },
        });
        statuses.push(answer.status);
      }
      return statuses;
    };
    const alternating = await attempts([a, b, a, b]);
    const oneProcess = await attempts([a, a, a, a]);
    // Three failures of an e-mail from one client go free; the next attempt must wait.
    expect(oneProcess).toEqual([401, 401, 401, 429]);
    expect(alternating).toEqual(oneProcess);
  });

  it('delivers a webhook once with both processes dispatching', async () => {
    const subscription = (
      await call(a.baseUrl, 'POST', '/api/webhooks', {
        token: w.admin.token,
        body: { url: receiver.url, events: ['order.created'], secret: 'cluster-test-secret-0123456789' },
      })
    ).body as unknown as CreatedWebhookSubscription;
    try {
      const product = await createProduct(t);
      await setStock(t, product.id, w.warehouseCode, 10);
      const placed = await call(nginx.baseUrl, 'POST', '/api/orders', {
        token: w.otherBuyer.token,
        body: {
          lines: [{ productId: product.id, quantity: 1 }],
          shippingAddressId: w.theirsAddress,
          shipComplete: false,
        },
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(placed.status).toBe(201);
      const [event] = (await t.dataSource.query(
        `SELECT id::text FROM order_events WHERE order_id = $1 AND from_status IS NULL`,
        [(placed.body as unknown as Order).id],
      )) as { id: string }[];
      const eventId = `${event?.id}.order.created`;
      const deliveries = () =>
        t.dataSource.query(
          `SELECT status, attempts FROM webhook_deliveries WHERE subscription_id = $1 AND event_id = $2`,
          [subscription.id, eventId],
        ) as Promise<{ status: string; attempts: number }[]>;
      await eventually(
        'the delivery recorded as delivered',
        async () => (await deliveries())[0]?.status === 'delivered',
        10_000,
      );
      // One delivery made by the fan-out, sent in one attempt, received once.
      expect(await deliveries()).toEqual([{ status: 'delivered', attempts: 1 }]);
      expect(receiver.delivered([eventId])).toHaveLength(1);
    } finally {
      await call(a.baseUrl, 'DELETE', `/api/webhooks/${subscription.id}`, { token: w.admin.token });
    }
  });
});
