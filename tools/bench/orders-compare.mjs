#!/usr/bin/env node
// Order placement on two builds of the API, or on one build with two settings, side by side:
// both run on one fresh database and take turns placing 10-line orders (as bench:orders does)
// in alternating rounds, so the machine's noise falls on both alike. The ratio after/before at
// each number of clients is what a change bought.
//
//   PG_SERVER_URL=postgres://postgres@127.0.0.1:5432/postgres \
//   BEFORE=dist/apps/api/main.js BEFORE_ENV=DB_PREPARED_STATEMENTS=false \
//   [AFTER=dist/apps/api/main.js] [AFTER_ENV=...] [CLIENTS=1,16] [ROUNDS=4] [DURATION=5] \
//   node tools/bench/orders-compare.mjs
//
// BEFORE and AFTER default to the current build; BEFORE_ENV and AFTER_ENV are space-separated
// KEY=VALUE pairs. Neither process runs its events worker: with both running, the one started
// first claimed the outbox work of both sides' orders, and so was measured doing the other's work
// (the same build against itself came out 1.5-2.0 at 1 client). The outbox waits until the end.
import { loadavg } from 'node:os';
import pg from 'pg';
import { startBeforeAndAfter } from './api-process.mjs';
import { machine, round, writeResult } from './catalog.mjs';
import { accountSessions, benchApi, productSets } from './orders.mjs';

const levels = (process.env.CLIENTS ?? '1,16').split(',').map(Number);
const rounds = Number(process.env.ROUNDS ?? 4);
const durationSeconds = Number(process.env.DURATION ?? 5);

async function main() {
  if (!process.env.PG_SERVER_URL) throw new Error('set PG_SERVER_URL (a PostgreSQL server)');
  const { sides, urls, databaseUrl, stop } = await startBeforeAndAfter({
    label: 'orders_compare',
    port: Number(process.env.PORT ?? 3961),
    before: 'dist/apps/api/main.js',
  });
  try {
    const most = Math.max(...levels);
    const sessions = await Promise.all(urls.map((url) => accountSessions(url, most)));
    const sets = await productSets(urls[1], sessions[1][0].token, most);
    const place = (index, clients, seconds) =>
      benchApi({ baseUrl: urls[index], sessions: sessions[index], sets, clients, durationSeconds: seconds });
    // Warm both up: JIT, pools, caches, prepared statements.
    for (const index of [0, 1]) await place(index, 4, 2);
    // Statistics as autovacuum keeps them (see orders.mjs): the rounds then measure a steady state.
    await analyse(databaseUrl);
    console.log(
      `orders compare: ${levels.join(', ')} clients, ${rounds} alternating rounds of ${durationSeconds} s ` +
        `(load ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')})`,
    );
    const results = [];
    for (const clients of levels) {
      const runs = [[], []];
      for (let turn = 0; turn < rounds; turn += 1) {
        for (const index of turn % 2 === 0 ? [0, 1] : [1, 0]) {
          runs[index].push(await place(index, clients, durationSeconds));
        }
      }
      const [was, now] = runs.map(summary);
      const ratio = round(now.ordersPerSecond / was.ordersPerSecond, 3);
      results.push({ clients, before: was, after: now, afterOverBefore: ratio });
      console.log(
        `${String(clients).padStart(2)} clients   before ${was.ordersPerSecond} orders/s p50 ${was.p50Ms} p95 ${was.p95Ms} ms` +
          `   after ${now.ordersPerSecond} orders/s p50 ${now.p50Ms} p95 ${now.p95Ms} ms   after/before ${ratio}`,
      );
    }
    const file = writeResult('orders-compare', {
      machine: machine(),
      loadAfter: loadavg().map((value) => round(value)),
      sides: sides.map(({ name, entry, env }) => ({ name, entry, env })),
      rounds,
      durationSeconds,
      results,
    });
    console.log(`saved ${file}`);
  } finally {
    await stop();
  }
}

async function analyse(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** The rounds' mean orders per second, and the median of each round's percentiles. */
function summary(runs) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    ordersPerSecond: round(runs.reduce((sum, run) => sum + run.ordersPerSecond, 0) / runs.length),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p95Ms: median(runs.map((run) => run.p95Ms)),
    perRound: runs.map((run) => run.ordersPerSecond),
    non201: runs.reduce(
      (sum, run) =>
        sum +
        Object.entries(run.statuses)
          .filter(([status]) => status !== '201')
          .reduce((n, [, count]) => n + count, 0),
      0,
    ),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
