#!/usr/bin/env node
// Standing orders (issue 15): 10,000 standing orders due on one day, placed by the
// scheduler of a running API, against `bench:orders` (POST /api/orders) measured on the
// same API in the same run.
//
// 1. POST /api/orders at CLIENTS concurrent clients for DURATION s (bench:orders' own
//    code: 10-line phone orders, each client its own account and products);
// 2. COUNT standing orders written straight into the database (10-line, backorderable
//    products, spread over every active demo account), not yet due;
// 3. one UPDATE makes them all due today; the API's scheduler (STANDING_ORDERS_INTERVAL_MS)
//    picks them up. Timed from the first order the scheduler placed (its placed_at) to
//    the moment every run is recorded, and from the UPDATE (which adds the timer's wait).
//
// Start the API with the scheduler on and a short interval, e.g.
//   STANDING_ORDERS_INTERVAL_MS=500 node dist/apps/api/main.js
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgres://… node tools/bench/standing-orders.mjs
//
// Env: BASE_URL, DATABASE_URL (or DATA_DIR's embedded one), COUNT (10000), CLIENTS ("6,16"),
// DURATION (10), TIMEOUT_S (1800). The standing orders it makes are deleted at the end
// (their orders stay, as bench:orders' do).
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { machine, resolveDatabaseUrl, round, writeResult } from './catalog.mjs';
import { accountSessions, benchApi, productSets } from './orders.mjs';

const NAME_PREFIX = 'bench-standing-';

/** Today in the API's deployment time zone, as the scheduler reads it. */
function todayIn(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
function isoWeekday(date) {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** COUNT standing orders, not due yet (next_run_date tomorrow), in one statement each for rows and lines. */
async function makeStandingOrders(pool, { count, sessions, sets, today }) {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const accounts = sessions.map((session) => session.accountId);
  const addresses = sessions.map((session) => session.addressId);
  const { rows } = await pool.query(
    `INSERT INTO standing_orders (account_id, name, status, shipping_address_id, po_pattern, schedule_every,
                                  schedule_interval, schedule_weekday, start_date, next_run_date)
     SELECT ($1::uuid[])[1 + (n - 1) % cardinality($1::uuid[])], $3 || n, 'active',
            ($2::uuid[])[1 + (n - 1) % cardinality($2::uuid[])], 'SO-{yyyy}{mm}{dd}', 'week', 1, $4, $5, $6
       FROM generate_series(1, $7::int) AS n
     RETURNING id, name`,
    [accounts, addresses, NAME_PREFIX, isoWeekday(today), today, tomorrow, count],
  );
  const ids = rows.map((row) => row.id);
  const lineSets = rows.map((row) => sets[(Number(row.name.slice(NAME_PREFIX.length)) - 1) % sets.length]);
  await pool.query(
    `INSERT INTO standing_order_lines (standing_order_id, account_id, product_id, line_no, quantity)
     SELECT x.id, s.account_id, x.product_id, x.line_no, x.quantity
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, product_id uuid, line_no int, quantity int)
       JOIN standing_orders s ON s.id = x.id`,
    [
      JSON.stringify(
        ids.flatMap((id, index) =>
          lineSets[index].map((line, lineIndex) => ({
            id,
            product_id: line.productId,
            line_no: lineIndex + 1,
            quantity: line.quantity,
          })),
        ),
      ),
    ],
  );
  return ids;
}

async function progress(pool, ids) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS runs, count(*) FILTER (WHERE status = 'placed')::int AS placed
       FROM standing_order_runs WHERE standing_order_id = ANY($1::uuid[])`,
    [ids],
  );
  return rows[0];
}

async function firstAndLastPlaced(pool, ids) {
  const { rows } = await pool.query(
    `SELECT min(o.placed_at) AS first, max(o.placed_at) AS last, count(*)::int AS orders,
            count(*) FILTER (WHERE o.status = 'on_hold')::int AS held
       FROM standing_order_runs r JOIN orders o ON o.id = r.order_id
      WHERE r.standing_order_id = ANY($1::uuid[])`,
    [ids],
  );
  return rows[0];
}

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const databaseUrl = resolveDatabaseUrl();
  const count = Number(process.env.COUNT ?? 10_000);
  const durationSeconds = Number(process.env.DURATION ?? 10);
  const levels = (process.env.CLIENTS ?? '6,16').split(',').map(Number);
  const timeoutMs = Number(process.env.TIMEOUT_S ?? 1800) * 1000;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const loadBefore = loadavg().map((value) => round(value));
  let ids = [];
  try {
    const { rows: tz } = await pool.query(`SELECT current_setting('TimeZone') AS zone`);
    const timeZone = process.env.TIME_ZONE ?? 'UTC';
    const today = todayIn(timeZone);
    const sessions = await accountSessions(baseUrl, 100);
    const sets = await productSets(baseUrl, sessions[0].token, sessions.length);
    console.log(
      `standing-orders bench: ${count} standing orders of 10 lines over ${sessions.length} accounts, due ${today} ` +
        `(TIME_ZONE ${timeZone}, database zone ${tz[0].zone}); bench:orders at ${levels.join(', ')} clients, ${durationSeconds} s`,
    );

    // 1. bench:orders, the same code, on the same API, now.
    await benchApi({ baseUrl, sessions, sets, clients: 4, durationSeconds: 2 }); // warm-up
    const orders = [];
    for (const clients of levels) {
      const api = await benchApi({ baseUrl, sessions, sets, clients, durationSeconds });
      orders.push({ clients, ...api });
      console.log(
        `bench:orders  ${String(clients).padStart(2)} clients   ${api.ordersPerSecond} orders/s  p50 ${api.p50Ms} ms`,
      );
    }
    const bestOrders = Math.max(...orders.map((run) => run.ordersPerSecond));

    // 2. the standing orders, not due yet.
    const made = performance.now();
    ids = await makeStandingOrders(pool, { count, sessions, sets, today });
    console.log(`made ${ids.length} standing orders in ${round((performance.now() - made) / 1000)} s`);

    // 3. all due at once; the scheduler takes it from here.
    const dueAt = Date.now();
    await pool.query(`UPDATE standing_orders SET next_run_date = $2 WHERE id = ANY($1::uuid[])`, [
      ids,
      today,
    ]);
    let state = await progress(pool, ids);
    let lastPrint = 0;
    while (state.runs < ids.length) {
      if (Date.now() - dueAt > timeoutMs)
        throw new Error(`only ${state.runs} of ${ids.length} runs after ${timeoutMs / 1000} s`);
      await sleep(200);
      state = await progress(pool, ids);
      if (Date.now() - lastPrint > 5_000) {
        lastPrint = Date.now();
        console.log(`  … ${state.runs} runs recorded (${state.placed} placed)`);
      }
    }
    const doneAt = Date.now();
    const placed = await firstAndLastPlaced(pool, ids);
    const firstAt = new Date(placed.first).getTime();
    const placingSeconds = (doneAt - firstAt) / 1000;
    const standingPerSecond = round(placed.orders / placingSeconds);
    const ratio = round(standingPerSecond / bestOrders, 3);
    const result = {
      count: ids.length,
      runsPlaced: state.placed,
      ordersPlaced: placed.orders,
      ordersOnCreditHold: placed.held,
      secondsFromDue: round((doneAt - dueAt) / 1000),
      secondsPlacing: round(placingSeconds),
      ordersPerSecond: standingPerSecond,
    };
    console.log(
      `scheduler: ${result.ordersPlaced} orders placed (${result.ordersOnCreditHold} on credit hold) in ` +
        `${result.secondsPlacing} s from its first order (${result.secondsFromDue} s from due, the timer's wait included): ` +
        `${standingPerSecond} orders/s = ${ratio} × bench:orders' best (${bestOrders} orders/s)`,
    );
    const file = writeResult('standing-orders', {
      benchmark: 'standing-orders',
      at: new Date().toISOString(),
      machine: {
        ...machine(),
        loadAverage: { before: loadBefore, after: loadavg().map((value) => round(value)) },
      },
      setup: { baseUrl, count, durationSeconds, levels, accounts: sessions.length, lines: 10 },
      benchOrders: orders,
      scheduler: result,
      schedulerShareOfBenchOrders: ratio,
    });
    console.log(`saved ${file}`);
  } finally {
    if (ids.length > 0) {
      await pool
        .query(`DELETE FROM standing_orders WHERE id = ANY($1::uuid[])`, [ids])
        .catch(() => undefined);
    }
    await pool.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`standing-orders bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
