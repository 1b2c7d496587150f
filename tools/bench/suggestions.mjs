#!/usr/bin/env node
// Replenishment suggestions at scale (issue 16): the time to compute the suggestion of
// every product in every warehouse (GET /api/purchasing/suggestions?all=true computes all
// of them whatever page it returns) on a database with a year of history (the 1M-order
// database of tools/seed/README.md), REPS times one after another: median, min, max and
// spread. Beside it, from a pg client, the demand query alone as the API runs it (90 days
// of the demand_by_day rollup) and the same demand summed straight from the orders and
// order lines, which is what the rollup saves; both must give the same units.
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgres://.../tc_bench_1m REPS=15 node tools/bench/suggestions.mjs
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { login, machine, resolveDatabaseUrl, round, writeResult } from './catalog.mjs';

const ADMIN = { email: 'admin@tradecounter.test', password: 'demo1234' };
const GOAL_MS = 2000;

/** The demand of apps/api/src/purchasing/suggestions.repository.ts: the last 90 report days ($1: the first). */
const ROLLUP_DEMAND_SQL = `
  SELECT warehouse_code, product_id, sum(units)::bigint AS units
    FROM demand_by_day WHERE day >= $1::date GROUP BY 1, 2`;
/** The same from the orders (placed_at is indexed): what every request would sum without the rollup. */
const RAW_DEMAND_SQL = `
  SELECT o.warehouse_code, l.product_id, sum(l.quantity)::bigint AS units
    FROM orders o JOIN order_lines l ON l.order_id = o.id
   WHERE o.status NOT IN ('cancelled', 'rejected')
     AND o.placed_at >= (report_day(now()) - 89)::timestamp AT TIME ZONE (SELECT time_zone FROM report_settings)
   GROUP BY 1, 2`;

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    runs: sorted.length,
    medianMs: round(median, 1),
    minMs: round(sorted[0], 1),
    maxMs: round(sorted[sorted.length - 1], 1),
    spreadMs: round(sorted[sorted.length - 1] - sorted[0], 1),
  };
}

async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const reps = Number(process.env.REPS ?? 15);
  const databaseUrl = resolveDatabaseUrl();
  const token = await login(baseUrl, ADMIN);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const size = (
      await db.query(`SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM products WHERE active)::int AS products,
                             (SELECT count(*) FROM warehouses)::int AS warehouses,
                             (SELECT count(*) FROM demand_by_day WHERE day > report_day(now()) - 90)::int AS "rollupRows"`)
    ).rows[0];
    console.log(
      `suggestions bench: ${size.orders} orders, ${size.products} products × ${size.warehouses} warehouses, ` +
        `${size.rollupRows} demand rows in 90 days; ${reps} runs each; load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );

    const request = async () => {
      const response = await fetch(`${baseUrl}/api/purchasing/suggestions?all=true&pageSize=100`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`suggestions: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    };
    const first = await request(); // warm-up (JIT, pool, plan cache)
    const toBuy = await fetch(`${baseUrl}/api/purchasing/suggestions?pageSize=1`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json());
    const api = [];
    for (let i = 0; i < reps; i += 1) api.push((await timed(request)).ms);
    const apiStats = stats(api);
    console.log(
      `API, every product × warehouse: median ${apiStats.medianMs} ms  min ${apiStats.minMs}  max ${apiStats.maxMs}  ` +
        `(rows ${first.total}, suggesting a purchase ${toBuy.total}; goal < ${GOAL_MS} ms: ${apiStats.medianMs < GOAL_MS ? 'met' : 'MISSED'})`,
    );

    const since = (await db.query(`SELECT (report_day(now()) - 89)::text AS since`)).rows[0].since;
    const rollup = [];
    const raw = [];
    let rollupRows = [];
    let rawRows = [];
    for (let i = 0; i < reps; i += 1) {
      const a = await timed(() => db.query(ROLLUP_DEMAND_SQL, [since]));
      rollup.push(a.ms);
      rollupRows = a.result.rows;
      const b = await timed(() => db.query(RAW_DEMAND_SQL));
      raw.push(b.ms);
      rawRows = b.result.rows;
    }
    const key = (rows) =>
      JSON.stringify(rows.map((r) => `${r.warehouse_code}|${r.product_id}|${r.units}`).sort());
    const agree = key(rollupRows) === key(rawRows);
    const rollupStats = stats(rollup);
    const rawStats = stats(raw);
    console.log(
      `demand SQL from the rollup:   median ${rollupStats.medianMs} ms  min ${rollupStats.minMs}  max ${rollupStats.maxMs}`,
    );
    console.log(
      `demand SQL from order lines:  median ${rawStats.medianMs} ms  min ${rawStats.minMs}  max ${rawStats.maxMs}`,
    );
    console.log(
      `same demand both ways: ${agree ? 'yes' : 'NO'} (${rollupRows.length} product × warehouse rows with demand)`,
    );

    const file = writeResult('suggestions', {
      benchmark: 'suggestions',
      at: new Date().toISOString(),
      machine: { ...machine(), loadAverage: loadavg() },
      setup: { baseUrl, reps, ...size },
      api: { ...apiStats, rows: first.total, suggesting: toBuy.total, goalMs: GOAL_MS },
      demandFromRollup: rollupStats,
      demandFromOrderLines: rawStats,
      sameDemand: agree,
    });
    console.log(`saved ${file}`);
    if (!agree) process.exitCode = 1;
  } finally {
    await db.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`suggestions bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
