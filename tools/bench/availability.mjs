#!/usr/bin/env node
// Availability benchmarks (issue 4), against a running API with the demo seeded:
//  1. POST /api/availability/promise with 100 lines as buyer@acme.test (warehouse CHI):
//     a mix of stocked, short and out-of-stock products, so stock, inbound and supplier
//     splits are all computed.
//  2. The catalog page with prices and availability (the buyer) against the same page with
//     neither (manager@tradecounter.test, who has no account and so no prices, asking
//     `availability=false`), and a third side, the buyer with prices only
//     (`availability=false`), to show what availability alone adds. The sides alternate
//     in rounds so machine noise falls on all alike.
//
//   BASE_URL=http://localhost:3000 DURATION=10 ROUNDS=3 node tools/bench/availability.mjs
//
// SUPPLY=purchase-orders first moves the demo's free hand-kept inbound supply
// onto sent purchase orders through the API (purchase-supply.mjs), so the same
// measurements run with purchase orders as the inbound supply (issue 16).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUYER, login, machine, PAGE_PATH, round, writeResult } from './catalog.mjs';
import { load, summarise } from './pricing.mjs';
import { supplyMode, usePurchaseOrdersAsSupply } from './purchase-supply.mjs';

const MANAGER = { email: 'manager@tradecounter.test', password: 'demo1234' };
const BARE_PAGE_PATH = `${PAGE_PATH}&availability=false`;

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const durationSeconds = Number(process.env.DURATION ?? 10);
  const connections = Number(process.env.CONNECTIONS ?? 16);
  const rounds = Number(process.env.ROUNDS ?? 3);
  const supply = supplyMode();
  if (supply === 'purchase-orders') {
    const moved = await usePurchaseOrdersAsSupply(baseUrl);
    console.log(`supply: purchase orders (${JSON.stringify(moved)} moved from hand-kept inbound)`);
  }
  const buyer = await login(baseUrl, BUYER);
  const manager = await login(baseUrl, MANAGER);

  // 100 products spread over the whole catalog, quantities from 1 to 60.
  const catalog = [];
  for (let page = 1; catalog.length < 300; page += 1) {
    const response = await fetch(`${baseUrl}/api/products?pageSize=100&page=${page}`, {
      headers: { authorization: `Bearer ${buyer}` },
    });
    const body = await response.json();
    catalog.push(...body.items);
    if (body.items.length < 100) break;
  }
  const step = Math.max(1, Math.floor(catalog.length / 100));
  const lines = catalog
    .filter((_, index) => index % step === 0)
    .slice(0, 100)
    .map((product, index) => ({ productId: product.id, quantity: 1 + ((index * 7) % 60) }));
  if (lines.length < 100) throw new Error(`need 100 products, found ${lines.length}`);
  const body = JSON.stringify({ lines });
  const check = await fetch(`${baseUrl}/api/availability/promise`, {
    method: 'POST',
    headers: { authorization: `Bearer ${buyer}`, 'content-type': 'application/json' },
    body,
  });
  if (!check.ok) throw new Error(`promise failed: HTTP ${check.status} ${await check.text()}`);
  const sources = countSources(await check.json());

  console.log(
    `availability bench: ${connections} clients; promise ${durationSeconds} s; catalog ${rounds} alternating rounds of ${durationSeconds} s per side`,
  );
  console.log(`promise lines: ${lines.length}, splits by source ${JSON.stringify(sources)}`);
  const promiseUrl = `${baseUrl}/api/availability/promise`;
  const post = { url: promiseUrl, token: buyer, method: 'POST', body, connections };
  await load({ ...post, durationSeconds: 2 });
  const promise = summarise([await load({ ...post, durationSeconds })]);
  console.log(
    `promise (100 lines)        ${promise.requestsPerSecond} req/s   p50 ${promise.p50Ms} ms   p95 ${promise.p95Ms} ms   p99 ${promise.p99Ms} ms`,
  );

  const sides = {
    full: { url: `${baseUrl}${PAGE_PATH}`, token: buyer, runs: [] },
    pricesOnly: { url: `${baseUrl}${BARE_PAGE_PATH}`, token: buyer, runs: [] },
    bare: { url: `${baseUrl}${BARE_PAGE_PATH}`, token: manager, runs: [] },
  };
  for (const side of Object.values(sides)) await load({ ...side, durationSeconds: 2, connections });
  for (let round_ = 0; round_ < rounds; round_ += 1) {
    for (const side of Object.values(sides)) {
      side.runs.push(await load({ url: side.url, token: side.token, durationSeconds, connections }));
    }
  }
  const full = summarise(sides.full.runs);
  const pricesOnly = summarise(sides.pricesOnly.runs);
  const bare = summarise(sides.bare.runs);
  const p50Ratio = round(full.p50Ms / bare.p50Ms, 3);
  const throughputRatio = round(bare.requestsPerSecond / full.requestsPerSecond, 3);
  const availabilityP50Ratio = round(full.p50Ms / pricesOnly.p50Ms, 3);
  const line = (name, s) =>
    console.log(`${name.padEnd(27)}${s.requestsPerSecond} req/s   p50 ${s.p50Ms} ms   p95 ${s.p95Ms} ms`);
  line('catalog, prices+avail.', full);
  line('catalog, prices only', pricesOnly);
  line('catalog, neither', bare);
  console.log(
    `prices+availability vs neither: p50 x${p50Ratio}, throughput x${throughputRatio}; availability alone: p50 x${availabilityP50Ratio} (1.00 = free)`,
  );

  const file = writeResult('availability', {
    benchmark: 'availability',
    at: new Date().toISOString(),
    machine: machine(),
    setup: {
      baseUrl,
      connections,
      durationSeconds,
      rounds,
      supply,
      promiseLines: lines.length,
      promiseSources: sources,
      pages: { full: PAGE_PATH, pricesOnly: BARE_PAGE_PATH, bare: `${BARE_PAGE_PATH} (manager)` },
    },
    promise,
    catalogWithPricesAndAvailability: full,
    catalogWithPricesOnly: pricesOnly,
    catalogWithNeither: bare,
    p50Ratio,
    throughputRatio,
    availabilityP50Ratio,
  });
  console.log(`saved ${file}`);
}

function countSources(response) {
  const counts = { stock: 0, inbound: 0, supplier: 0 };
  for (const line of response.lines) for (const split of line.splits) counts[split.source] += 1;
  return counts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`availability bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
