#!/usr/bin/env node
// Two builds of the API side by side: the floor of every call (GET /api/me), a 100-line price
// quote, a 100-line delivery promise and the buyer's catalog page, each measured on both builds in
// alternating rounds on one database, so the machine's noise falls on both alike. The ratio
// after/before is what a change bought; single absolute figures on a shared machine are noise.
//
//   PG_SERVER_URL=postgres://postgres@127.0.0.1:5432/postgres \
//   BEFORE=../old-checkout/dist/apps/api/main.js [AFTER=dist/apps/api/main.js] \
//   [DURATION=5] [ROUNDS=3] [CONNECTIONS=16] node tools/bench/compare-builds.mjs
//
// A setting instead of a build: the same build twice, each side with its own variables
// (space-separated KEY=VALUE), e.g. BEFORE=dist/apps/api/main.js BEFORE_ENV=DB_PREPARED_STATEMENTS=false.
//
// BEFORE starts first on a fresh database (its migrations and the demo seed), then AFTER, which
// runs any newer migrations: only reads are measured, so the older build's code reads a schema
// with more columns, which it does not notice. Both share JWT_SECRET and DATA_KEY.
import { startBeforeAndAfter } from './api-process.mjs';
import { BUYER, login, machine, PAGE_PATH, round, writeResult } from './catalog.mjs';
import { load, summarise } from './pricing.mjs';

const before = process.env.BEFORE;
const after = process.env.AFTER ?? 'dist/apps/api/main.js';
const durationSeconds = Number(process.env.DURATION ?? 5);
const rounds = Number(process.env.ROUNDS ?? 3);
const connections = Number(process.env.CONNECTIONS ?? 16);

/** 100 lines over the first 100 products, quantities 1 to 60 (as the pricing bench asks). */
async function hundredLines(baseUrl, token) {
  const response = await fetch(`${baseUrl}/api/products?pageSize=100&availability=false`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = await response.json();
  if (page.items.length < 100) throw new Error(`need 100 products, found ${page.items.length}`);
  return JSON.stringify({
    lines: page.items.map((product, index) => ({ productId: product.id, quantity: 1 + ((index * 7) % 60) })),
  });
}

async function main() {
  if (!before || !process.env.PG_SERVER_URL) {
    throw new Error('set BEFORE (the older build main.js) and PG_SERVER_URL (a PostgreSQL server)');
  }
  const { urls, stop } = await startBeforeAndAfter({
    label: 'compare',
    port: Number(process.env.PORT ?? 3951),
  });
  try {
    const token = await login(urls[1], BUYER);
    const lines = await hundredLines(urls[1], token);
    const cases = [
      { name: 'GET /api/me', path: '/api/me' },
      { name: 'quote, 100 lines', path: '/api/pricing/quote', method: 'POST', body: lines },
      { name: 'promise, 100 lines', path: '/api/availability/promise', method: 'POST', body: lines },
      { name: 'catalog page (25, prices + availability)', path: PAGE_PATH },
    ];
    console.log(
      `compare builds: ${connections} connections, ${rounds} alternating rounds of ${durationSeconds} s`,
    );
    const results = [];
    for (const test of cases) {
      const runs = [[], []];
      const measure = (index, seconds) =>
        load({
          url: `${urls[index]}${test.path}`,
          token,
          method: test.method,
          body: test.body,
          durationSeconds: seconds,
          connections,
        });
      await measure(0, 1);
      await measure(1, 1);
      for (let round_ = 0; round_ < rounds; round_ += 1) {
        // Alternate which build goes first, so neither always follows the other.
        for (const index of round_ % 2 === 0 ? [0, 1] : [1, 0])
          runs[index].push(await measure(index, durationSeconds));
      }
      const [was, now] = runs.map(summarise);
      const ratio = round(now.requestsPerSecond / was.requestsPerSecond, 3);
      results.push({ case: test.name, before: was, after: now, throughputAfterOverBefore: ratio });
      console.log(
        `${test.name.padEnd(42)} before ${was.requestsPerSecond} req/s p50 ${was.p50Ms} p95 ${was.p95Ms} ms` +
          `   after ${now.requestsPerSecond} req/s p50 ${now.p50Ms} p95 ${now.p95Ms} ms   after/before ${ratio}` +
          (was.non2xx + now.non2xx > 0 ? `   (non-2xx: ${was.non2xx} / ${now.non2xx})` : ''),
      );
    }
    const file = writeResult('compare-builds', {
      machine: machine(),
      builds: { before, after, beforeEnv: process.env.BEFORE_ENV, afterEnv: process.env.AFTER_ENV },
      connections,
      rounds,
      durationSeconds,
      results,
    });
    console.log(`saved ${file}`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
