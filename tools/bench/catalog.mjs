#!/usr/bin/env node
// Catalog page throughput: the API's GET /api/products against the bare SQL
// behind it, run back to back with the same concurrency and duration, so the
// ratio shows what HTTP, auth, validation, TypeORM and mapping cost.
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgres://... node tools/bench/catalog.mjs
//
// DATABASE_URL may be left unset when the API runs on its embedded server:
// the URL is then read from $DATA_DIR/postgres/embedded.json (DATA_DIR defaults to .data).
//
// SUPPLY=purchase-orders first moves the demo's free hand-kept inbound supply
// onto sent purchase orders through the API (purchase-supply.mjs): the page's
// availability then reads purchase orders as inbound supply (issue 16).
import autocannon from 'autocannon';
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { supplyMode, usePurchaseOrdersAsSupply } from './purchase-supply.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const PAGE_PATH = '/api/products?page=1&pageSize=25';
export const BUYER = { email: 'buyer@acme.test', password: 'demo1234' };

/**
 * The SQL ProductsRepository.search issues for page 1 of 25 without filters
 * (apps/api/src/catalog/products.repository.ts): active products by SKU, each
 * with its image version, and the total from the trigger-kept category counts,
 * in one statement.
 */
export const PAGE_SQL = `
  SELECT p.id, p.sku, p.name, p.description, p.barcode, p.category, p.unit,
         p.list_price AS "listPrice", p.min_order_qty AS "minOrderQty", p.order_multiple AS "orderMultiple",
         p.lead_time_days AS "leadTimeDays", p.backorderable, p.active, p.return_window_days AS "returnWindowDays",
         (SELECT i.version FROM product_images i WHERE i.product_id = p.id) AS "imageVersion",
         (SELECT coalesce(sum(c.active_products), 0)::int FROM product_category_counts c) AS total
  FROM products p
  WHERE p.active
  ORDER BY p.sku ASC
  LIMIT 25 OFFSET 0`;

export async function login(baseUrl, credentials = BUYER) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.accessToken !== 'string') {
    throw new Error(`login as ${credentials.email} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

/** autocannon on the catalog page; latencies are collected per response so p95 is exact. */
export async function benchApi({ baseUrl, token, durationSeconds, connections }) {
  const latencies = [];
  const instance = autocannon({
    url: `${baseUrl}${PAGE_PATH}`,
    connections,
    duration: durationSeconds,
    headers: { authorization: `Bearer ${token}` },
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const completed = result.requests.total ?? latencies.length;
  return {
    requests: completed,
    requestsPerSecond: round(completed / result.duration),
    ...percentiles(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
  };
}

/** The same page straight from PostgreSQL: `connections` clients in a tight loop. */
export async function benchBareSql({ databaseUrl, durationSeconds, connections }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    const check = await pool.query(PAGE_SQL);
    if (check.rowCount === 0)
      throw new Error('the products table has no active products; is the demo seeded?');
    const latencies = [];
    let errors = 0;
    const started = performance.now();
    const deadline = started + durationSeconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await pool.query(PAGE_SQL);
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    const elapsed = (performance.now() - started) / 1000;
    return {
      requests: latencies.length,
      requestsPerSecond: round(latencies.length / elapsed),
      ...percentiles(latencies),
      errors,
      durationSeconds: round(elapsed),
      rowsPerPage: check.rowCount,
      totalActiveProducts: Number(check.rows[0].total),
    };
  } finally {
    await pool.end();
  }
}

export function percentiles(values) {
  if (values.length === 0) return { p50Ms: null, p95Ms: null, p99Ms: null };
  const sorted = Float64Array.from(values).sort();
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

export function round(value, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function resolveDatabaseUrl(env = process.env) {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  // main.ts keeps the embedded cluster in $DATA_DIR/postgres (state file: embedded.json).
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const candidates = [join(dataDir, 'postgres', 'embedded.json'), join(dataDir, 'embedded.json')];
  const stateFile = candidates.find((file) => existsSync(file)) ?? candidates[0];
  if (!existsSync(stateFile)) {
    throw new Error(
      `set DATABASE_URL (the API's database), or DATA_DIR to the API's data directory (no ${stateFile})`,
    );
  }
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  const database = env.PGDATABASE ?? 'tradecounter';
  return `postgres://${encodeURIComponent(state.user)}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`;
}

export function writeResult(name, result) {
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  let file = join(dir, `${name}-${date}.json`);
  for (let n = 2; existsSync(file); n += 1) file = join(dir, `${name}-${date}-${n}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function machine() {
  return { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length };
}

function describe(label, r) {
  return `${label.padEnd(9)} ${String(r.requestsPerSecond).padStart(9)} req/s   p50 ${r.p50Ms} ms   p95 ${r.p95Ms} ms   p99 ${r.p99Ms} ms`;
}

async function main() {
  const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const durationSeconds = Number(process.env.DURATION ?? 15);
  const connections = Number(process.env.CONNECTIONS ?? 16);
  const databaseUrl = resolveDatabaseUrl();
  const supply = supplyMode();
  if (supply === 'purchase-orders') {
    const moved = await usePurchaseOrdersAsSupply(baseUrl);
    console.log(`supply: purchase orders (${JSON.stringify(moved)} moved from hand-kept inbound)`);
  }

  console.log(`catalog bench: ${connections} clients, ${durationSeconds} s each, API ${baseUrl}${PAGE_PATH}`);
  const token = await login(baseUrl);
  // A short warm-up of both paths so JIT, pools and caches are hot before measuring.
  await benchApi({ baseUrl, token, durationSeconds: 2, connections });
  await benchBareSql({ databaseUrl, durationSeconds: 2, connections });

  const api = await benchApi({ baseUrl, token, durationSeconds, connections });
  console.log(describe('API', api));
  if (api.non2xx > 0 || api.errors > 0)
    console.log(`  warning: ${api.non2xx} non-2xx responses, ${api.errors} errors`);
  const bare = await benchBareSql({ databaseUrl, durationSeconds, connections });
  console.log(describe('bare SQL', bare));
  const ratio = round(api.requestsPerSecond / bare.requestsPerSecond, 3);
  console.log(`API / bare SQL throughput: ${ratio}`);

  const file = writeResult('catalog', {
    benchmark: 'catalog',
    at: new Date().toISOString(),
    machine: machine(),
    setup: {
      baseUrl,
      path: PAGE_PATH,
      user: BUYER.email,
      supply,
      connections,
      durationSeconds,
      sql: PAGE_SQL.replace(/\s+/g, ' ').trim(),
    },
    api,
    bareSql: bare,
    apiToBareThroughputRatio: ratio,
  });
  console.log(`saved ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`catalog bench failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
