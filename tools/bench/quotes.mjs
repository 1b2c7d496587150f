#!/usr/bin/env node
// Sales quotes (issue 15), against a running API with the demo seeded: accepting a quote
// (POST /api/quotes/:id/accept) against placing the same order from the cart (POST /api/orders
// without lines), at 1 and 16 concurrent clients, side by side in the same run.
//
// Each client is an approver of an account of its own (made once, kept: bench-quotes-<code>@bench.test),
// so no client waits on another's account lock, and orders never wait for approval. Each iteration
// first prepares, untimed, what the timed request needs, then times only that request:
//
//   cart:  POST /api/cart/lines (the 10 lines)  ->  timed: POST /api/orders (the cart's lines)
//   quote: POST /api/quotes + POST /:id/quote (admin)  ->  timed: POST /api/quotes/:id/accept
//
// Both place 10-line orders of the same products and quantities. Throughput is placements per
// second of the timed requests (clients / mean latency): preparation is left out of both.
//
//   BASE_URL=http://localhost:3000 DURATION=10 CLIENTS=1,16 node tools/bench/quotes.mjs
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { login, machine, percentiles, round, writeResult } from './catalog.mjs';

const ADMIN = { email: 'admin@tradecounter.test', password: 'demo1234' };
const BENCH_PASSWORD = 'bench-quotes-passphrase-2026';
const LINES = 10;

/** A JSON request over a keep-alive agent: the status and the parsed body. */
function call(agent, baseUrl, method, path, token, body, extraHeaders = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = {
    authorization: `Bearer ${token}`,
    ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
    ...extraHeaders,
  };
  return new Promise((resolveCall, reject) => {
    const request = http.request(`${baseUrl}${path}`, { method, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolveCall({ status: response.statusCode, body: text ? JSON.parse(text) : undefined });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** 10 backorderable products at their smallest orderable quantity (stock never runs out). */
async function orderLines(agent, baseUrl, token) {
  const { body } = await call(agent, baseUrl, 'GET', '/api/products?pageSize=100&availability=false', token);
  const products = body.items.filter((product) => product.backorderable).slice(0, LINES);
  if (products.length < LINES)
    throw new Error(`need ${LINES} backorderable products, found ${products.length}`);
  return products.map((product) => ({
    productId: product.id,
    sku: product.sku,
    quantity: Math.ceil(product.minOrderQty / product.orderMultiple) * product.orderMultiple,
  }));
}

/** One approver per client, each on an active account of its own with a shipping address. */
async function clientSessions(agent, baseUrl, adminToken, count) {
  const { body } = await call(agent, baseUrl, 'GET', '/api/accounts?pageSize=100&status=active', adminToken);
  const sessions = [];
  for (const account of body.items) {
    if (sessions.length === count) break;
    const addresses = await call(agent, baseUrl, 'GET', `/api/accounts/${account.id}/addresses`, adminToken);
    if (!addresses.body?.[0]) continue;
    const email = `bench-quotes-${account.code.toLowerCase()}@bench.test`;
    const made = await call(agent, baseUrl, 'POST', `/api/accounts/${account.id}/users`, adminToken, {
      email,
      name: `Bench quotes ${account.code}`,
      role: 'approver',
      password: BENCH_PASSWORD,
    });
    if (made.status !== 201 && made.status !== 409)
      throw new Error(`adding a bench user: HTTP ${made.status}`);
    const token = await login(baseUrl, { email, password: BENCH_PASSWORD });
    sessions.push({ token, accountId: account.id, addressId: addresses.body[0].id });
  }
  if (sessions.length < count)
    throw new Error(`need ${count} active accounts with an address, found ${sessions.length}`);
  return sessions;
}

/** A quoted quote for the session's account, ready to accept: asked for by the client, priced by the admin. */
async function quotedQuote(agent, baseUrl, adminToken, session, lines) {
  const asked = await call(
    agent,
    baseUrl,
    'POST',
    '/api/quotes',
    session.token,
    { lines: lines.map(({ productId, quantity }) => ({ productId, quantity })) },
    { 'idempotency-key': randomUUID() },
  );
  if (asked.status !== 201) throw new Error(`requesting a quote: HTTP ${asked.status}`);
  const priced = await call(agent, baseUrl, 'POST', `/api/quotes/${asked.body.id}/quote`, adminToken, {
    lines: asked.body.lines.map((line) => ({ productId: line.productId, unitPrice: line.normalPrice })),
  });
  if (priced.status !== 200) throw new Error(`quoting: HTTP ${priced.status}`);
  return priced.body;
}

/** `clients` loops for `durationSeconds`: prepare (untimed), then the timed placement. */
async function benchSide({ side, baseUrl, adminToken, sessions, lines, clients, durationSeconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients * 2 });
  const latencies = [];
  const statuses = {};
  const deadline = performance.now() + durationSeconds * 1000;
  const client = async (index) => {
    const session = sessions[index];
    while (performance.now() < deadline) {
      let place;
      if (side === 'cart') {
        await call(agent, baseUrl, 'DELETE', '/api/cart', session.token);
        const filled = await call(agent, baseUrl, 'POST', '/api/cart/lines', session.token, {
          lines: lines.map(({ sku, quantity }) => ({ sku, quantity })),
        });
        if (filled.status !== 200) throw new Error(`filling the cart: HTTP ${filled.status}`);
        const body = { shippingAddressId: session.addressId, poNumber: 'BENCH-CART', shipComplete: false };
        place = () =>
          call(agent, baseUrl, 'POST', '/api/orders', session.token, body, {
            'idempotency-key': randomUUID(),
          });
      } else {
        const quote = await quotedQuote(agent, baseUrl, adminToken, session, lines);
        const body = {
          revision: quote.revision,
          shippingAddressId: session.addressId,
          poNumber: 'BENCH-QUOTE',
          shipComplete: false,
        };
        place = () =>
          call(agent, baseUrl, 'POST', `/api/quotes/${quote.id}/accept`, session.token, body, {
            'idempotency-key': randomUUID(),
          });
      }
      const begin = performance.now();
      const { status } = await place();
      const elapsed = performance.now() - begin;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 201) latencies.push(elapsed);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  agent.destroy();
  const meanMs = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length);
  return {
    orders: latencies.length,
    ordersPerSecond: round(latencies.length === 0 ? 0 : (clients * 1000) / meanMs),
    meanMs: round(meanMs),
    ...percentiles(latencies),
    statuses,
  };
}

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const durationSeconds = Number(process.env.DURATION ?? 10);
  const levels = (process.env.CLIENTS ?? '1,16').split(',').map(Number);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const adminToken = await login(baseUrl, ADMIN);
  const sessions = await clientSessions(agent, baseUrl, adminToken, Math.max(...levels));
  const lines = await orderLines(agent, baseUrl, adminToken);
  agent.destroy();
  const loadBefore = loadavg().map((value) => round(value));
  console.log(
    `quotes bench: ${LINES}-line orders, ${durationSeconds} s per side at ${levels.join(', ')} clients; ` +
      'accepting a quote vs placing from the cart (timed: the placing request only)',
  );
  const common = { baseUrl, adminToken, sessions, lines };
  // Warm both sides up: JIT, connection pools, caches.
  await benchSide({ ...common, side: 'cart', clients: 2, durationSeconds: 2 });
  await benchSide({ ...common, side: 'quote', clients: 2, durationSeconds: 2 });
  const runs = [];
  for (const clients of levels) {
    const cart = await benchSide({ ...common, side: 'cart', clients, durationSeconds });
    const quote = await benchSide({ ...common, side: 'quote', clients, durationSeconds });
    const ratio = round(quote.meanMs / cart.meanMs, 3);
    runs.push({ clients, cart, quote, quoteMeanOverCartMean: ratio });
    const other = (side) =>
      Object.keys(side.statuses).some((status) => status !== '201')
        ? ` statuses ${JSON.stringify(side.statuses)}`
        : '';
    console.log(
      `${String(clients).padStart(2)} clients   cart ${cart.ordersPerSecond} orders/s mean ${cart.meanMs} ms p50 ${cart.p50Ms} ms p95 ${cart.p95Ms} ms (${cart.orders})${other(cart)}` +
        `   quote ${quote.ordersPerSecond} orders/s mean ${quote.meanMs} ms p50 ${quote.p50Ms} ms p95 ${quote.p95Ms} ms (${quote.orders})${other(quote)}` +
        `   quote/cart ${ratio}`,
    );
  }
  const file = writeResult('quotes', {
    benchmark: 'quotes',
    at: new Date().toISOString(),
    machine: {
      ...machine(),
      loadAverage: { before: loadBefore, after: loadavg().map((value) => round(value)) },
    },
    setup: { baseUrl, lines: LINES, durationSeconds, levels },
    runs,
  });
  console.log(`saved ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`quotes bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
