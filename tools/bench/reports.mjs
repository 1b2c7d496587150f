#!/usr/bin/env node
// Reporting at scale (issue 7): every dashboard endpoint for a one-year period through the
// API at CONNECTIONS concurrent connections, side by side in the same run with the
// straightforward GROUP BY over the raw orders and order lines that computes the same
// figures, from a pg pool of as many clients; the ratio of their p95s; whether both give the
// same figures; and the API process's RSS sampled throughout.
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgres://... node tools/bench/reports.mjs
import autocannon from 'autocannon';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { login, machine, percentiles, resolveDatabaseUrl, round, writeResult } from './catalog.mjs';

const MANAGER = { email: 'manager@tradecounter.test', password: 'demo1234' };
const COUNTED = `o.status NOT IN ('cancelled', 'rejected')`;

/**
 * The straightforward SQL for GET /api/reports/sales?groupBy=…, unfiltered (a manager):
 * orders in the period, their subtotals and units (lines summed per order), or their lines
 * per product. $1, $2: the period's first and last day; $3: the report time zone.
 */
const IN_PERIOD = `o.placed_at >= $1::date::timestamp AT TIME ZONE $3
   AND o.placed_at < ($2::date + 1)::timestamp AT TIME ZONE $3 AND ${COUNTED}`;
const DAY = `(o.placed_at AT TIME ZONE $3)::date`;
function rawOrders(key) {
  return `SELECT ${key} AS key, sum(o.subtotal)::text AS "netSales", count(*)::int AS orders,
                 sum((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_id = o.id))::bigint AS units
            FROM orders o JOIN accounts a ON a.id = o.account_id
           WHERE ${IN_PERIOD} GROUP BY 1`;
}
function rawLines(key, orders) {
  return `SELECT ${key} AS key, sum(l.line_total)::text AS "netSales", ${orders} AS orders,
                 sum(l.quantity)::bigint AS units
            FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
           WHERE ${IN_PERIOD} GROUP BY 1`;
}
const SALES_RAW = {
  day: rawOrders(`to_char(${DAY}, 'YYYY-MM-DD')`),
  week: rawOrders(`to_char(date_trunc('week', ${DAY}), 'YYYY-MM-DD')`),
  month: rawOrders(`to_char(${DAY}, 'YYYY-MM')`),
  account: rawOrders('o.account_id::text'),
  product: rawLines('l.product_id::text', 'count(*)::int'),
  category: rawLines('p.category', 'NULL::int'),
  channel: rawOrders('o.channel'),
  accountManager: rawOrders(`coalesce(a.account_manager_id::text, '')`),
};

/**
 * The delivery figures of each order in the period, straight from the orders, lines,
 * shipments and ratings (order_delivery_facts and order_cycle_hours are the per-order
 * definitions of migration 1764979200000), with `current` telling the period from the one
 * before it ($4: the first day of that one).
 */
const ORDER_FACTS = `
  SELECT o.id, o.status, o.subtotal, o.placed_at >= $1::date::timestamp AT TIME ZONE $3 AS current,
         (o.placed_at AT TIME ZONE $3)::date AS day, o.account_id, o.channel, f.*, r.score,
         CASE WHEN o.status IN ('shipped', 'delivered') THEN order_cycle_hours(o.id, o.placed_at) END AS hours
    FROM orders o CROSS JOIN LATERAL order_delivery_facts(o.id) f
    LEFT JOIN delivery_ratings r ON r.order_id = o.id
   WHERE o.placed_at >= $4::date::timestamp AT TIME ZONE $3
     AND o.placed_at < ($2::date + 1)::timestamp AT TIME ZONE $3`;
const DELIVERY_SUMS = `
  sum(f.lines) FILTER (WHERE f.counted) AS lines, sum(f.delivered_lines) AS "deliveredLines",
  sum(f.on_time_lines) AS "onTimeLines",
  count(*) FILTER (WHERE f.status IN ('shipped', 'delivered')) AS "shippedOrders",
  count(*) FILTER (WHERE f.status = 'delivered') AS "deliveredOrders",
  count(*) FILTER (WHERE f.status = 'delivered' AND f.delivered_lines = f.lines AND f.on_time_lines = f.lines) AS "otifOrders"`;
const SUMMARY_RAW = `
  WITH facts AS (SELECT *, status NOT IN ('cancelled', 'rejected') AS counted FROM (${ORDER_FACTS}) f)
  SELECT current, sum(subtotal) FILTER (WHERE counted)::text AS "netSales", count(*) FILTER (WHERE counted) AS orders,
         ${DELIVERY_SUMS}, count(score) AS ratings, sum(score) AS "ratingSum",
         percentile_disc(0.5) WITHIN GROUP (ORDER BY hours) AS "medianHours",
         percentile_disc(0.9) WITHIN GROUP (ORDER BY hours) AS "p90Hours",
         (SELECT sum((l.quantity - l.shipped_qty) * l.unit_price)::text FROM orders o JOIN order_lines l ON l.order_id = o.id
           WHERE ${COUNTED} AND l.shipped_qty < l.quantity) AS backlog
    FROM facts f GROUP BY current`;
function deliveryRaw(key) {
  return `WITH facts AS (SELECT *, status NOT IN ('cancelled', 'rejected') AS counted FROM (${ORDER_FACTS}) f)
          SELECT ${key} AS key, ${DELIVERY_SUMS}
            FROM facts f JOIN accounts a ON a.id = f.account_id GROUP BY 1`;
}
const DELIVERY_KEYS = {
  day: `to_char(day, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', day), 'YYYY-MM-DD')`,
  month: `to_char(day, 'YYYY-MM')`,
  account: 'f.account_id::text',
  channel: 'f.channel',
  accountManager: `coalesce(a.account_manager_id::text, '')`,
};
const BACKLOG_RAW = `
  SELECT (o.placed_at AT TIME ZONE $1)::date AS day, count(DISTINCT o.id) AS orders,
         sum(l.quantity - l.shipped_qty) AS units, sum((l.quantity - l.shipped_qty) * l.unit_price)::text AS value
    FROM orders o JOIN order_lines l ON l.order_id = o.id
   WHERE ${COUNTED} AND l.shipped_qty < l.quantity GROUP BY 1`;
const PROMISE_ACCURACY_RAW = `
  SELECT sl.ship_error_days AS "daysLate", count(*) AS lines, sum(sl.quantity) AS units
    FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN shipment_lines sl ON sl.order_line_id = l.id
   WHERE o.placed_at >= $1::date::timestamp AT TIME ZONE $3 AND o.placed_at < ($2::date + 1)::timestamp AT TIME ZONE $3
   GROUP BY 1`;
/** $1: the time zone; $2: 44 days before today (the first of the last 45); $3: 364 days before today. */
const DORMANT_RAW = `
  SELECT a.id::text AS "accountId", to_char(max((o.placed_at AT TIME ZONE $1)::date), 'YYYY-MM-DD') AS "lastOrderDate",
         coalesce(sum(o.subtotal) FILTER (WHERE o.placed_at >= $3::date::timestamp AT TIME ZONE $1), 0)::text AS "trailing12MonthSales"
    FROM accounts a LEFT JOIN orders o ON o.account_id = a.id AND ${COUNTED}
   WHERE a.status <> 'closed'
   GROUP BY a.id HAVING max(o.placed_at) IS NULL OR max(o.placed_at) < $2::date::timestamp AT TIME ZONE $1`;

const num = (value) => (value === null || value === undefined ? null : Number(value));
const daysBefore = (day, days) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Every endpoint measured: its path (the period appended), its raw SQL and parameters
 * (`p`: from, to, time zone, today), and a check that both give the same figures.
 */
function endpoints() {
  const period = (p) => [p.from, p.to, p.timeZone];
  const sales = Object.entries(SALES_RAW).map(([groupBy, sql]) => ({
    name: `sales?groupBy=${groupBy}`,
    path: `/api/reports/sales?groupBy=${groupBy}`,
    sql,
    params: period,
    // The same rows, key by key (the API leaves out rows that net to nothing).
    same: (body, rows) => sameRows(body.rows, rows),
  }));
  const delivery = Object.entries(DELIVERY_KEYS).map(([groupBy, key]) => ({
    name: `delivery?groupBy=${groupBy}`,
    path: `/api/reports/delivery?groupBy=${groupBy}`,
    sql: deliveryRaw(key),
    params: (p) => [...period(p), p.from],
    same: (body, rows) =>
      sameFigures(
        body.rows.map((row) => [
          row.key,
          `${row.deliveredLines}|${row.shippedOrders}|${row.deliveredOrders}`,
        ]),
        rows
          .filter(
            (row) =>
              num(row.deliveredLines) > 0 || num(row.shippedOrders) > 0 || num(row.deliveredOrders) > 0,
          )
          .map((row) => [row.key, `${row.deliveredLines}|${row.shippedOrders}|${row.deliveredOrders}`]),
      ),
  }));
  return [
    ...sales,
    {
      name: 'summary',
      path: '/api/reports/summary',
      sql: SUMMARY_RAW,
      // The period and the one of the same length before it.
      params: (p) => [...period(p), daysBefore(p.from, 365)],
      same: (body, rows) => {
        const figures = (r) =>
          `${r.netSales}|${r.orders}|${r.counts?.lines ?? r.lines}|${r.counts?.deliveredLines ?? r.deliveredLines}|` +
          `${r.counts?.shippedOrders ?? r.shippedOrders}|${r.cycleTime?.medianHours ?? r.medianHours}|` +
          `${r.cycleTime?.p90Hours ?? r.p90Hours}|${r.backlog}`;
        const current = rows.find((row) => row.current);
        return sameFigures([['current', figures(body)]], [['current', current ? figures(current) : '']]);
      },
    },
    ...delivery,
    {
      name: 'backlog',
      path: '/api/reports/backlog',
      sql: BACKLOG_RAW,
      params: (p) => [p.timeZone],
      same: (body, rows) => {
        const cents = rows.reduce((sum, row) => sum + BigInt(row.value.replace('.', '')), 0n);
        const total = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        return sameFigures([['total', body.total]], [['total', total]]);
      },
    },
    {
      name: 'promise-accuracy',
      path: '/api/reports/promise-accuracy',
      sql: PROMISE_ACCURACY_RAW,
      params: period,
      same: (body, rows) =>
        sameFigures(
          [['lines', String(body.lines)]],
          [['lines', String(rows.reduce((sum, row) => sum + Number(row.lines), 0))]],
        ),
    },
    {
      name: 'dormant-accounts?days=45',
      path: '/api/reports/dormant-accounts?days=45',
      sql: DORMANT_RAW,
      params: (p) => [p.timeZone, daysBefore(p.today, 44), daysBefore(p.today, 364)],
      same: (body, rows) =>
        sameFigures(
          body.rows.map((row) => [row.accountId, `${row.lastOrderDate}|${row.trailing12MonthSales}`]),
          rows.map((row) => [row.accountId, `${row.lastOrderDate}|${row.trailing12MonthSales}`]),
        ),
    },
  ];
}

/** Two lists of [key, figures] compared as maps. */
function sameFigures(apiPairs, rawPairs) {
  const api = new Map(apiPairs);
  const raw = new Map(rawPairs);
  const differing = [...new Set([...raw.keys(), ...api.keys()])].filter(
    (key) => raw.get(key) !== api.get(key),
  );
  return {
    same: differing.length === 0,
    rows: api.size,
    differing: differing.slice(0, 3).map((key) => `${key}: API ${api.get(key)} / raw ${raw.get(key)}`),
  };
}

function sameRows(apiRows, rawRows) {
  const figures = (row) => `${row.netSales}|${row.orders ?? ''}|${row.units}`;
  const raw = new Map(
    rawRows
      .filter((row) => row.netSales !== '0.00' || Number(row.units) !== 0)
      .map((row) => [row.key, figures({ ...row, units: Number(row.units) })]),
  );
  const api = new Map(apiRows.map((row) => [row.key, figures(row)]));
  const differing = [...new Set([...raw.keys(), ...api.keys()])].filter(
    (key) => raw.get(key) !== api.get(key),
  );
  return { same: differing.length === 0, rows: api.size, differing: differing.slice(0, 5) };
}

/** The pid listening on `port` (read from /proc: Linux only), or null. */
export function pidOfPort(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A') inodes.add(fields[9]);
    }
  }
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      } catch {
        // gone meanwhile
      }
    }
  }
  return null;
}

/** VmRSS of a process in MiB, sampled every `everyMs` until stopped. */
export function sampleRss(pid, everyMs = 200) {
  const read = () => {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) / 1024 : null;
    } catch {
      return null;
    }
  };
  const samples = [];
  const timer = setInterval(() => {
    const value = read();
    if (value !== null) samples.push(value);
  }, everyMs);
  const idle = read();
  return {
    stop() {
      clearInterval(timer);
      const peak = samples.length > 0 ? Math.max(...samples) : null;
      const mean = samples.length > 0 ? samples.reduce((a, b) => a + b, 0) / samples.length : null;
      return {
        pid,
        idleMiB: idle === null ? null : round(idle, 1),
        peakMiB: peak === null ? null : round(peak, 1),
        meanMiB: mean === null ? null : round(mean, 1),
        samples: samples.length,
      };
    },
  };
}

/** autocannon on one path; latencies are collected per response so p95 is exact. */
async function benchApi({ url, token, durationSeconds, connections }) {
  const latencies = [];
  const instance = autocannon({
    url,
    connections,
    duration: durationSeconds,
    // A slow report still counts: one that outlasts the run is waited for, not dropped.
    timeout: 120,
    headers: { authorization: `Bearer ${token}` },
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / result.duration),
    ...percentiles(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * The raw SQL from a pool of `connections` clients, each in a loop until `durationSeconds`
 * have passed (every client runs it at least once, however slow it is).
 */
async function benchRaw({ pool, sql, params, durationSeconds, connections }) {
  const latencies = [];
  let rows = [];
  const deadline = performance.now() + durationSeconds * 1000;
  const worker = async () => {
    do {
      const t0 = performance.now();
      const result = await pool.query(sql, params);
      latencies.push(performance.now() - t0);
      rows = result.rows;
    } while (performance.now() < deadline);
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { result: { requests: latencies.length, ...percentiles(latencies) }, rows };
}

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const durationSeconds = Number(process.env.DURATION ?? 10);
  const rawSeconds = Number(process.env.RAW_DURATION ?? durationSeconds);
  const connections = Number(process.env.CONNECTIONS ?? 8);
  const only = process.env.ONLY ? process.env.ONLY.split(',') : null;
  const skipRaw = process.env.SKIP_RAW === '1';
  const databaseUrl = resolveDatabaseUrl();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const port = Number(new URL(baseUrl).port || 80);
  const pid = process.env.API_PID ? Number(process.env.API_PID) : pidOfPort(port);
  if (!pid) console.log(`  (no API process found listening on ${port}: set API_PID for its RSS)`);

  const [{ count: orders }] = (await pool.query(`SELECT count(*)::int AS count FROM orders`)).rows;
  const [{ time_zone: timeZone }] = (await pool.query(`SELECT time_zone FROM report_settings`)).rows;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const to = process.env.TO ?? today;
  const from =
    process.env.FROM ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const context = { from, to, timeZone, today };
  const loadBefore = loadavg().map((value) => round(value));
  console.log(
    `reports bench: ${orders} orders, ${from}..${to} (${timeZone}), ${connections} connections, ` +
      `API ${durationSeconds} s per endpoint, raw SQL ≥ ${rawSeconds} s; load ${loadBefore.join(' ')}`,
  );
  const token = await login(baseUrl, MANAGER);
  const rss = pid ? sampleRss(pid) : null;
  /** @type {{ endpoint: string, error?: string, sameFigures?: { same: boolean | null } }[]} */
  const results = [];
  const measure = async (endpoint) => {
    const url = `${baseUrl}${endpoint.path}${endpoint.path.includes('?') ? '&' : '?'}from=${from}&to=${to}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${endpoint.name}: HTTP ${response.status} ${await response.text()}`);
    const body = await response.json();
    await benchApi({ url, token, durationSeconds: 2, connections });
    const api = await benchApi({ url, token, durationSeconds, connections });
    const raw = skipRaw
      ? { result: { requests: 0, p50Ms: null, p95Ms: null, p99Ms: null }, rows: null }
      : await benchRaw({
          pool,
          sql: endpoint.sql,
          params: endpoint.params(context),
          durationSeconds: rawSeconds,
          connections,
        });
    const check = raw.rows
      ? endpoint.same(body, raw.rows)
      : { same: null, rows: body.rows?.length, differing: [] };
    const row = {
      endpoint: endpoint.name,
      api,
      raw: raw.result,
      p95Ratio: round(raw.result.p95Ms / api.p95Ms, 1),
      p50Ratio: round(raw.result.p50Ms / api.p50Ms, 1),
      sameFigures: check,
      goal: skipRaw ? null : api.p95Ms < 150 && raw.result.p95Ms / api.p95Ms >= 20,
    };
    results.push(row);
    console.log(
      `${endpoint.name.padEnd(34)} API p50 ${String(api.p50Ms).padStart(7)} p95 ${String(api.p95Ms).padStart(7)} ms ` +
        `(${api.requestsPerSecond} req/s${api.non2xx ? `, ${api.non2xx} non-2xx` : ''})   ` +
        `raw p50 ${String(raw.result.p50Ms).padStart(8)} p95 ${String(raw.result.p95Ms).padStart(8)} ms (${raw.result.requests})   ` +
        `×${row.p95Ratio} at p95   ${check.same === null ? '' : check.same ? 'same figures' : `DIFFERENT: ${check.differing.join(', ')}`}` +
        `${row.goal === false ? '   (goal missed)' : ''}`,
    );
  };
  for (const endpoint of endpoints().filter((e) => !only || only.some((name) => e.name.startsWith(name)))) {
    try {
      await measure(endpoint);
    } catch (error) {
      // One endpoint failing (its SQL, the API) still leaves the others' figures saved.
      console.log(`${endpoint.name.padEnd(34)} FAILED: ${error.message ?? error}`);
      results.push({ endpoint: endpoint.name, error: String(error.message ?? error) });
    }
  }
  const memory = rss?.stop() ?? null;
  await pool.end();
  const loadAfter = loadavg().map((value) => round(value));
  if (memory)
    console.log(
      `API RSS (pid ${memory.pid}): idle ${memory.idleMiB} MiB, peak ${memory.peakMiB} MiB, mean ${memory.meanMiB} MiB`,
    );
  console.log(`load average after: ${loadAfter.join(' ')}`);
  const file = writeResult('reports', {
    benchmark: 'reports',
    at: new Date().toISOString(),
    machine: { ...machine(), loadAverage: { before: loadBefore, after: loadAfter } },
    setup: {
      baseUrl,
      label: process.env.LABEL ?? null,
      orders,
      from,
      to,
      timeZone,
      connections,
      durationSeconds,
      rawSeconds: skipRaw ? null : rawSeconds,
      user: MANAGER.email,
    },
    results,
    apiRss: memory,
  });
  console.log(`saved ${file}`);
  if (results.some((row) => row.error || row.sameFigures.same === false)) process.exitCode = 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`reports bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
