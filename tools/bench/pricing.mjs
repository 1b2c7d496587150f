#!/usr/bin/env node
// Pricing benchmarks (issue 3), against a running API with the demo seeded:
//  1. POST /api/pricing/quote with 100 lines as buyer@acme.test (Gold tier, contract prices).
//  2. The catalog page with the buyer's prices against the same page without prices
//     (manager@tradecounter.test, who sees list prices only), alternated in rounds so
//     machine noise falls on both sides alike.
//
//   BASE_URL=http://localhost:3000 DURATION=10 node tools/bench/pricing.mjs
import autocannon from 'autocannon';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUYER, login, machine, PAGE_PATH, percentiles, round, writeResult } from './catalog.mjs';

const MANAGER = { email: 'manager@tradecounter.test', password: 'demo1234' };

/**
 * @param {{ url: string, token: string, method?: string, body?: unknown, durationSeconds: number, connections: number }} options
 */
export async function load({ url, token, method = 'GET', body, durationSeconds, connections }) {
  const latencies = [];
  const instance = autocannon({
    url,
    method,
    connections,
    duration: durationSeconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return {
    requests: latencies.length,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    latencies,
  };
}

export function summarise(runs) {
  const latencies = runs.flatMap((run) => run.latencies);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds),
    ...percentiles(latencies),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const durationSeconds = Number(process.env.DURATION ?? 10);
  const connections = Number(process.env.CONNECTIONS ?? 16);
  const rounds = Number(process.env.ROUNDS ?? 3);
  const buyer = await login(baseUrl, BUYER);
  const manager = await login(baseUrl, MANAGER);

  const page = await (
    await fetch(`${baseUrl}/api/products?pageSize=100`, { headers: { authorization: `Bearer ${buyer}` } })
  ).json();
  const lines = page.items.map((product, index) => ({
    productId: product.id,
    quantity: 1 + ((index * 7) % 60),
  }));
  if (lines.length < 100) throw new Error(`need 100 products, found ${lines.length}`);
  const body = JSON.stringify({ lines });

  console.log(
    `pricing bench: ${connections} clients; quote ${durationSeconds} s; catalog ${rounds} alternating rounds of ${durationSeconds} s`,
  );
  await load({
    url: `${baseUrl}/api/pricing/quote`,
    token: buyer,
    method: 'POST',
    body,
    durationSeconds: 2,
    connections,
  });
  const quote = summarise([
    await load({
      url: `${baseUrl}/api/pricing/quote`,
      token: buyer,
      method: 'POST',
      body,
      durationSeconds,
      connections,
    }),
  ]);
  console.log(
    `quote (100 lines)   ${quote.requestsPerSecond} req/s   p50 ${quote.p50Ms} ms   p95 ${quote.p95Ms} ms   p99 ${quote.p99Ms} ms`,
  );

  const priced = [];
  const unpriced = [];
  for (let round_ = 0; round_ < rounds; round_ += 1) {
    priced.push(await load({ url: `${baseUrl}${PAGE_PATH}`, token: buyer, durationSeconds, connections }));
    unpriced.push(
      await load({ url: `${baseUrl}${PAGE_PATH}`, token: manager, durationSeconds, connections }),
    );
  }
  const withPrices = summarise(priced);
  const withoutPrices = summarise(unpriced);
  const p50Ratio = round(withPrices.p50Ms / withoutPrices.p50Ms, 3);
  const throughputRatio = round(withoutPrices.requestsPerSecond / withPrices.requestsPerSecond, 3);
  console.log(
    `catalog, prices     ${withPrices.requestsPerSecond} req/s   p50 ${withPrices.p50Ms} ms   p95 ${withPrices.p95Ms} ms`,
  );
  console.log(
    `catalog, no prices  ${withoutPrices.requestsPerSecond} req/s   p50 ${withoutPrices.p50Ms} ms   p95 ${withoutPrices.p95Ms} ms`,
  );
  console.log(`pricing cost: p50 x${p50Ratio}, throughput x${throughputRatio} (1.00 = free)`);

  const file = writeResult('pricing', {
    benchmark: 'pricing',
    at: new Date().toISOString(),
    machine: machine(),
    setup: { baseUrl, connections, durationSeconds, rounds, quoteLines: lines.length, page: PAGE_PATH },
    quote,
    catalogWithPrices: withPrices,
    catalogWithoutPrices: withoutPrices,
    p50Ratio,
    throughputRatio,
  });
  console.log(`saved ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`pricing bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
