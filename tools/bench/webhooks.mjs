#!/usr/bin/env node
// Webhooks (issue 6): orders placed at a steady RATE per second for DURATION seconds against a
// running API (account manager phone orders, round-robin over the demo accounts, 3 backorderable
// lines each), with a local receiver subscribed to order.created. Reports the latency from commit
// to delivery (from the order's placedAt, which is taken just before its transaction, and from
// the 201 response, which comes just after its commit), and whether every order.created arrived
// (none lost), validly signed.
//
// The receiver listens on 127.0.0.1, which webhooks may reach only when the API runs with
// WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.
//
//   WEBHOOK_ALLOW_PRIVATE_NETWORKS=true npm start                     # the API, in another shell
//   BASE_URL=http://localhost:3000 RATE=20 DURATION=30 node tools/bench/webhooks.mjs
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { login, machine, percentiles, round, writeResult } from './catalog.mjs';

const ADMIN = { email: 'admin@tradecounter.test', password: 'demo1234' };
const ACCOUNT_MANAGER = { email: 'am@tradecounter.test', password: 'demo1234' };
const LINES = 3;
const SECRET = `bench-${randomUUID()}`;

/** A node:http receiver on 127.0.0.1 that answers 204 and keeps when each event arrived. */
async function startReceiver() {
  const received = new Map(); // orderId -> arrival (epoch ms)
  const stats = { requests: 0, duplicates: 0, badSignatures: 0 };
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      stats.requests += 1;
      const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      if (request.headers['x-signature'] !== expected) stats.badSignatures += 1;
      const event = JSON.parse(body);
      if (event.type === 'order.created') {
        if (received.has(event.data.orderId)) stats.duplicates += 1;
        else received.set(event.data.orderId, at);
      }
      response.writeHead(204).end();
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, received, stats, url: `http://127.0.0.1:${port}/bench-hooks` };
}

async function api(baseUrl, token, method, path, body, extraHeaders = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extraHeaders },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Each active demo account with its first address, and the backorderable products to order. */
async function prepareOrders(baseUrl, token) {
  const accounts = (await api(baseUrl, token, 'GET', '/api/accounts?pageSize=100&status=active')).body.items;
  const sessions = [];
  for (const account of accounts) {
    const addresses = (await api(baseUrl, token, 'GET', `/api/accounts/${account.id}/addresses`)).body;
    if (addresses[0]) sessions.push({ accountId: account.id, addressId: addresses[0].id });
  }
  const products = (
    await api(baseUrl, token, 'GET', '/api/products?pageSize=100&availability=false')
  ).body.items
    .filter((product) => product.backorderable && product.active)
    .map((product) => ({
      productId: product.id,
      quantity: Math.ceil(product.minOrderQty / product.orderMultiple) * product.orderMultiple,
    }));
  if (sessions.length === 0 || products.length < LINES) throw new Error('is the demo seeded?');
  return { sessions, products };
}

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const rate = Number(process.env.RATE ?? 20);
  const durationSeconds = Number(process.env.DURATION ?? 30);
  const graceSeconds = Number(process.env.GRACE ?? 60);
  const receiver = await startReceiver();
  const adminToken = await login(baseUrl, ADMIN);
  const amToken = await login(baseUrl, ACCOUNT_MANAGER);
  const { sessions, products } = await prepareOrders(baseUrl, amToken);
  const subscription = await api(baseUrl, adminToken, 'POST', '/api/webhooks', {
    url: receiver.url,
    events: ['order.created'],
    secret: SECRET,
  });
  if (subscription.status !== 201) {
    const hint =
      subscription.status === 400 ? ' (is the API running with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true?)' : '';
    throw new Error(`subscribing failed${hint}: ${JSON.stringify(subscription.body)}`);
  }
  const loadBefore = loadavg().map((value) => round(value));
  console.log(`webhooks bench: ${rate} orders/s for ${durationSeconds} s, receiver ${receiver.url}`);

  const placed = []; // { orderId, placedAt, respondedAt }
  const statuses = {};
  let errors = 0;
  const inFlight = [];
  const started = performance.now();
  const total = Math.round(rate * durationSeconds);
  try {
    for (let index = 0; index < total; index += 1) {
      // Open loop: the n-th order leaves at n / rate seconds, whether or not earlier ones answered.
      const due = started + (index * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      const session = sessions[index % sessions.length];
      const lines = Array.from({ length: LINES }, (_, n) => products[(index * LINES + n) % products.length]);
      inFlight.push(
        api(
          baseUrl,
          amToken,
          'POST',
          '/api/orders',
          {
            accountId: session.accountId,
            lines,
            shippingAddressId: session.addressId,
            poNumber: 'BENCH-HOOKS',
            shipComplete: false,
          },
          { 'idempotency-key': randomUUID() },
        ).then(
          (response) => {
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            if (response.status === 201) {
              placed.push({
                orderId: response.body.id,
                placedAt: Date.parse(response.body.placedAt),
                respondedAt: Date.now(),
              });
            }
          },
          () => (errors += 1),
        ),
      );
    }
    await Promise.all(inFlight);
    const sentSeconds = (performance.now() - started) / 1000;
    const graceUntil = Date.now() + graceSeconds * 1000;
    while (Date.now() < graceUntil && placed.some((order) => !receiver.received.has(order.orderId))) {
      await new Promise((done) => setTimeout(done, 100));
    }
    const delivered = placed.filter((order) => receiver.received.has(order.orderId));
    const fromPlacedAt = delivered.map((order) => receiver.received.get(order.orderId) - order.placedAt);
    const fromResponse = delivered.map((order) => receiver.received.get(order.orderId) - order.respondedAt);
    const lost = placed.length - delivered.length;
    const result = {
      benchmark: 'webhooks',
      at: new Date().toISOString(),
      machine: { ...machine(), loadAverage: { before: loadBefore, after: loadavg().map((v) => round(v)) } },
      setup: { baseUrl, rate, durationSeconds, lines: LINES, accounts: sessions.length },
      orders: {
        attempted: total,
        placed: placed.length,
        achievedRate: round(placed.length / sentSeconds),
        statuses,
        errors,
      },
      deliveries: {
        received: delivered.length,
        lost,
        duplicates: receiver.stats.duplicates,
        badSignatures: receiver.stats.badSignatures,
        requests: receiver.stats.requests,
      },
      latencyFromPlacedAt: percentiles(fromPlacedAt),
      latencyFromResponse: percentiles(fromResponse),
    };
    console.log(
      `placed ${placed.length}/${total} (${result.orders.achievedRate}/s, statuses ${JSON.stringify(statuses)}), ` +
        `received ${delivered.length}, lost ${lost}, duplicates ${receiver.stats.duplicates}, ` +
        `bad signatures ${receiver.stats.badSignatures}`,
    );
    console.log(
      `commit→delivery from placedAt p50 ${result.latencyFromPlacedAt.p50Ms} ms p95 ${result.latencyFromPlacedAt.p95Ms} ms` +
        ` p99 ${result.latencyFromPlacedAt.p99Ms} ms; from the 201 response p50 ${result.latencyFromResponse.p50Ms} ms` +
        ` p95 ${result.latencyFromResponse.p95Ms} ms p99 ${result.latencyFromResponse.p99Ms} ms`,
    );
    console.log(`saved ${writeResult('webhooks', result)}`);
    if (lost > 0) process.exitCode = 2;
  } finally {
    await api(baseUrl, adminToken, 'DELETE', `/api/webhooks/${subscription.body.id}`).catch(() => undefined);
    receiver.server.closeAllConnections();
    receiver.server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`webhooks bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
