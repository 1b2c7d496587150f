#!/usr/bin/env node
// Order placement (issue 5), against a running API with the demo seeded: 10-line orders
// placed through POST /api/orders at 1, 4 and 16 concurrent clients, side by side in the
// same run with the bare SQL transaction of the same shape through `pg`:
//
//   BEGIN; INSERT order; INSERT 10 lines; 10 × UPDATE stock … WHERE on_hand - reserved >= q; COMMIT
//
// The bare side writes to scratch copies of orders, order_lines and stock (same columns,
// indexes and checks; dropped at the end) so it leaves the real data consistent.
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgres://... DURATION=10 node tools/bench/orders.mjs
//
// Through nginx (deploy/nginx/tradecounter.conf) with PROCESSES built API processes on a fresh
// database of PG_SERVER_URL's server, started and stopped by the bench (SKIP_BUILD=1 to use
// dist/apps/api/main.js as it is):
//
//   NGINX=1 PROCESSES=2 PG_SERVER_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/bench/orders.mjs
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApi, freshDatabase, startApi, stopApi } from './api-process.mjs';
import { login, machine, percentiles, resolveDatabaseUrl, round, writeResult } from './catalog.mjs';
import { startNginx } from './nginx.mjs';

/** The account manager of every demo account places phone orders, each client for an account of its own. */
const ACCOUNT_MANAGER = { email: 'am@tradecounter.test', password: 'demo1234' };
const LINES = 10;

/** The products a client orders: each client its own 10 backorderable products, so stock does not run out. */
export async function productSets(baseUrl, token, count) {
  const products = [];
  for (let page = 1; products.length < count * LINES && page <= 20; page += 1) {
    const response = await fetch(`${baseUrl}/api/products?pageSize=100&page=${page}&availability=false`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`listing products failed: HTTP ${response.status}`);
    products.push(...body.items.filter((product) => product.backorderable));
    if (body.items.length < 100) break;
  }
  if (products.length < LINES)
    throw new Error(`need ${LINES} backorderable products, found ${products.length}`);
  return Array.from({ length: count }, (_, client) =>
    Array.from({ length: LINES }, (_, line) => {
      const product = products[(client * LINES + line) % products.length];
      // The smallest orderable quantity: the minimum, rounded up to whole packs.
      const quantity = Math.ceil(product.minOrderQty / product.orderMultiple) * product.orderMultiple;
      return { productId: product.id, quantity };
    }),
  );
}

/** One session per client: the account manager's token, and an active account with its first address. */
export async function accountSessions(baseUrl, count) {
  const token = await login(baseUrl, ACCOUNT_MANAGER);
  const headers = { authorization: `Bearer ${token}` };
  const me = await (await fetch(`${baseUrl}/api/me`, { headers })).json();
  const accounts = (
    await (await fetch(`${baseUrl}/api/accounts?pageSize=100&status=active`, { headers })).json()
  ).items;
  if (accounts.length === 0) throw new Error('no active accounts; is the demo seeded?');
  const sessions = [];
  for (const account of accounts.slice(0, count)) {
    const addresses = await (
      await fetch(`${baseUrl}/api/accounts/${account.id}/addresses`, { headers })
    ).json();
    if (addresses[0])
      sessions.push({ token, accountId: account.id, userId: me.id, addressId: addresses[0].id });
  }
  return sessions;
}

/** One request over a keep-alive agent; resolves with the status once the body is read. */
function send(agent, url, method, headers, body) {
  return new Promise((resolvePost, reject) => {
    const request = http.request(url, { method, agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolvePost(response.statusCode));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * POST /api/orders from `clients` clients, each a loop of its own (its own
 * account and products, as on the bare side), for `durationSeconds`; a
 * fresh Idempotency-Key per request.
 */
export async function benchApi({ baseUrl, sessions, sets, clients, durationSeconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = `${baseUrl}/api/orders`;
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const client = async (index) => {
    const session = sessions[index % sessions.length];
    const body = JSON.stringify({
      accountId: session.accountId,
      lines: sets[index % sets.length],
      shippingAddressId: session.addressId,
      poNumber: 'BENCH',
      shipComplete: false,
    });
    const headers = {
      authorization: `Bearer ${session.token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        const status = await send(agent, url, 'POST', { ...headers, 'idempotency-key': randomUUID() }, body);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 201) latencies.push(performance.now() - begin);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return {
    orders: latencies.length,
    ordersPerSecond: round(latencies.length / seconds),
    ...percentiles(latencies),
    statuses,
    errors,
  };
}

/**
 * The floor: an authenticated GET /api/me from the same number of clients,
 * what any API call costs on this machine (HTTP, auth, Nest, JSON) before
 * placing an order does anything.
 */
async function benchFloor({ baseUrl, sessions, clients, durationSeconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies = [];
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const client = async () => {
    const headers = { authorization: `Bearer ${sessions[0].token}` };
    while (performance.now() < deadline) {
      const begin = performance.now();
      const status = await send(agent, `${baseUrl}/api/me`, 'GET', headers).catch(() => 0);
      if (status === 200) latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: clients }, () => client()));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds),
    ...percentiles(latencies),
  };
}

/**
 * Scratch tables shaped like the real ones (columns, indexes, checks, and the
 * same foreign keys, which LIKE does not copy), and stock rows for the products used.
 */
async function prepareBareTables(pool, sets) {
  await pool.query(`
    DROP TABLE IF EXISTS bench_order_lines, bench_orders, bench_stock;
    CREATE TABLE bench_orders (LIKE orders INCLUDING ALL);
    CREATE TABLE bench_order_lines (LIKE order_lines INCLUDING ALL);
    CREATE TABLE bench_stock (LIKE stock INCLUDING ALL);
    ALTER TABLE bench_orders ADD FOREIGN KEY (account_id) REFERENCES accounts (id),
      ADD FOREIGN KEY (placed_by) REFERENCES users (id),
      ADD FOREIGN KEY (shipping_address_id) REFERENCES addresses (id),
      ADD FOREIGN KEY (warehouse_code) REFERENCES warehouses (code);
    ALTER TABLE bench_order_lines ADD FOREIGN KEY (order_id) REFERENCES bench_orders (id),
      ADD FOREIGN KEY (product_id) REFERENCES products (id);`);
  const ids = [...new Set(sets.flat().map((line) => line.productId))];
  await pool.query(
    `INSERT INTO bench_stock (product_id, warehouse_code, on_hand, reserved)
     SELECT p.id, 'BENCH', 1000000000, 0 FROM unnest($1::uuid[]) AS p(id)`,
    [ids],
  );
  const { rows } = await pool.query('SELECT code FROM warehouses ORDER BY is_default DESC, code LIMIT 1');
  return rows[0].code;
}

const BARE_ORDER_SQL = `
INSERT INTO bench_orders (number, account_id, placed_by, channel, status, shipping_address_id, shipping_address,
                          ship_complete, warehouse_code, subtotal, currency, placed_at)
VALUES ('B-' || gen_random_uuid(), $1, $2, 'phone', 'confirmed', $3, '{}', false, $4, 120.00, 'USD', now())
RETURNING id`;

const BARE_LINES_SQL = `
INSERT INTO bench_order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price, line_total, list_price,
                               promise, first_promised_date, current_promised_date, reserved_qty, reserved_at_placement)
SELECT $1, n, p, 'SKU', 'Product', q, 12.00, 12.00 * q, 12.00, '{"splits":[]}', current_date, current_date, q, q
  FROM unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS x(p, q, n)`;

const BARE_RESERVE_SQL = `
UPDATE bench_stock SET reserved = reserved + $2
 WHERE product_id = $1 AND warehouse_code = 'BENCH' AND on_hand - reserved >= $2`;

/** The same shape straight through pg: `clients` pool clients in a tight loop for `durationSeconds`. */
async function benchBare({ pool, warehouseCode, sessions, sets, clients, durationSeconds }) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + durationSeconds * 1000;
  const started = performance.now();
  const client = async (index) => {
    const session = sessions[index % sessions.length];
    const lines = [...sets[index % sets.length]].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    const connection = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const begin = performance.now();
        try {
          await connection.query('BEGIN');
          const order = await connection.query(BARE_ORDER_SQL, [
            session.accountId,
            session.userId,
            session.addressId,
            warehouseCode,
          ]);
          const orderId = order.rows[0].id;
          await connection.query(BARE_LINES_SQL, [
            orderId,
            lines.map((line) => line.productId),
            lines.map((line) => line.quantity),
          ]);
          for (const line of lines) await connection.query(BARE_RESERVE_SQL, [line.productId, line.quantity]);
          await connection.query('COMMIT');
          latencies.push(performance.now() - begin);
        } catch {
          errors += 1;
          await connection.query('ROLLBACK').catch(() => undefined);
        }
      }
    } finally {
      connection.release();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  const seconds = (performance.now() - started) / 1000;
  return {
    orders: latencies.length,
    ordersPerSecond: round(latencies.length / seconds),
    ...percentiles(latencies),
    errors,
  };
}

/**
 * @param {{ baseUrl?: string, databaseUrl?: string, setup?: { processes?: number, nginx?: boolean },
 *   resultName?: string }} [options] what main through nginx sets; by default BASE_URL's running API
 */
async function main({
  baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
  databaseUrl = resolveDatabaseUrl(),
  setup: extraSetup = {},
  resultName = 'orders',
} = {}) {
  const durationSeconds = Number(process.env.DURATION ?? 10);
  const levels = (process.env.CLIENTS ?? '1,4,16').split(',').map(Number);
  const sessions = await accountSessions(baseUrl, Math.max(...levels));
  const sets = await productSets(baseUrl, sessions[0].token, Math.max(...levels));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...levels) });
  const [{ before }] = (await pool.query('SELECT count(*)::int AS before FROM orders')).rows;
  // On a shared machine the load says how much the figures can be trusted.
  const loadBefore = loadavg().map((value) => round(value));
  console.log(
    `orders bench: ${LINES}-line orders, ${durationSeconds} s per side at ${levels.join(', ')} clients ` +
      `(${before} orders in the database before)` +
      (extraSetup.processes ? `, through nginx to ${extraSetup.processes} API process(es)` : ''),
  );
  try {
    const warehouseCode = await prepareBareTables(pool, sets);
    // Warm both sides up: JIT, connection pools, caches.
    await benchApi({ baseUrl, sessions, sets, clients: 4, durationSeconds: 2 });
    await benchBare({ pool, warehouseCode, sessions, sets, clients: 4, durationSeconds: 2 });
    // Statistics as autovacuum keeps them on any database that has run for a minute. Without this the
    // bench measures a fresh database's first minute: planned while orders held a handful of rows, the
    // rollup triggers' statements scan orders and order_lines whole, and each order costs more as the
    // tables grow (tools/bench/README.md, "Orders on a database with statistics").
    await pool.query('ANALYZE');
    const runs = [];
    for (const clients of levels) {
      const api = await benchApi({ baseUrl, sessions, sets, clients, durationSeconds });
      const bare = await benchBare({ pool, warehouseCode, sessions, sets, clients, durationSeconds });
      const floor = await benchFloor({
        baseUrl,
        sessions,
        clients,
        durationSeconds: Math.min(durationSeconds, 5),
      });
      if (bare.ordersPerSecond === 0) {
        // A schema change the bare SQL does not follow (a new NOT NULL column) fails every bare transaction.
        throw new Error(
          `Every bare SQL transaction failed (${bare.errors} errors): update BARE_*_SQL to the schema`,
        );
      }
      const ratio = round(api.ordersPerSecond / bare.ordersPerSecond, 3);
      runs.push({ clients, api, bare, floor, apiShareOfBare: ratio });
      console.log(
        `${String(clients).padStart(2)} clients   API ${api.ordersPerSecond} orders/s p50 ${api.p50Ms} ms p95 ${api.p95Ms} ms` +
          `   bare SQL ${bare.ordersPerSecond} orders/s p50 ${bare.p50Ms} ms p95 ${bare.p95Ms} ms   API/bare ${ratio}` +
          `   (GET /api/me ${floor.requestsPerSecond} req/s p50 ${floor.p50Ms} ms)` +
          (Object.keys(api.statuses).some((status) => status !== '201')
            ? `   statuses ${JSON.stringify(api.statuses)}`
            : ''),
      );
    }
    const [{ after }] = (await pool.query('SELECT count(*)::int AS after FROM orders')).rows;
    const file = writeResult(resultName, {
      benchmark: 'orders',
      at: new Date().toISOString(),
      machine: {
        ...machine(),
        loadAverage: { before: loadBefore, after: loadavg().map((value) => round(value)) },
      },
      setup: { baseUrl, lines: LINES, durationSeconds, levels, accounts: sessions.length, ...extraSetup },
      ordersBefore: before,
      ordersAfter: after,
      runs,
    });
    console.log(`saved ${file}`);
  } finally {
    await pool
      .query('DROP TABLE IF EXISTS bench_order_lines, bench_orders, bench_stock')
      .catch(() => undefined);
    await pool.end();
  }
}

/**
 * The same bench through nginx in front of PROCESSES (1 or 2) API processes of the build,
 * each with the pool and settings of a default start, on a fresh database; all stopped after.
 */
async function mainThroughNginx() {
  const processes = Number(process.env.PROCESSES ?? 1);
  if (!Number.isInteger(processes) || processes < 1 || processes > 8) throw new Error('PROCESSES: 1 to 8');
  if (!process.env.PG_SERVER_URL)
    throw new Error('NGINX=1 needs PG_SERVER_URL: the processes share its database');
  const entry = resolve(process.env.API_ENTRY ?? 'dist/apps/api/main.js');
  buildApi(entry);
  const firstPort = Number(process.env.PORT ?? 3931);
  const scratch = mkdtempSync(join(tmpdir(), 'tc-bench-orders-nginx-'));
  const database = await freshDatabase('orders');
  // The processes of one deployment share their secrets: a token one signs, the others accept.
  const shared = { JWT_SECRET: randomBytes(32).toString('hex'), DATA_KEY: randomBytes(32).toString('hex') };
  const apis = [];
  let nginx;
  try {
    // One after the other: the first seeds the demo, the next find it there.
    for (let index = 0; index < processes; index += 1) {
      apis.push(
        await startApi({
          entry,
          port: firstPort + index,
          scratch: mkdtempSync(join(scratch, `api-${index}-`)),
          databaseUrl: database.url,
          env: shared,
        }),
      );
    }
    nginx = await startNginx(apis.map((_, index) => `127.0.0.1:${firstPort + index}`));
    await main({
      baseUrl: nginx.baseUrl,
      databaseUrl: database.url,
      setup: { processes, nginx: true },
      resultName: `orders-nginx-${processes}p`,
    });
  } finally {
    await nginx?.stop();
    for (const api of apis) await stopApi(api);
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  (process.env.NGINX === '1' ? mainThroughNginx() : main()).catch((error) => {
    console.error(`orders bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
