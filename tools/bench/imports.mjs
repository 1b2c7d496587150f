#!/usr/bin/env node
// Loading an existing business from files (issue 18): how long a dry run and a commit take for
// 100,000 products, 1,000 accounts (two addresses each), 2,000 account users and 20,000
// contract prices, rows per second, and the API process's peak RSS while it works (sampled
// every 100 ms; flat in file size is the goal, so the products are loaded twice, 20,000 and
// then 100,000 rows, and both peaks are reported). Then the catalog page and a 10-line price
// quote, p50/p95 at 1 and 8 connections, with the demo's 292 products and again after the load,
// side by side in the same run.
//
// It builds the API (npx nx build api; SKIP_BUILD=1 to reuse dist/), starts it on a fresh
// database (embedded PostgreSQL in a temporary DATA_DIR, or a new database on the server of
// PG_SERVER_URL, dropped afterwards) with the demo seed and no generated history. Files are
// written to a temporary folder and uploaded as a browser would (the raw file as the body).
//
//   npm run bench:imports
//   SKIP_BUILD=1 PRODUCTS=20000 node tools/bench/imports.mjs          # a quicker run
//
// Env: PORT (default 3918), API_ENTRY (default dist/apps/api/main.js), PRODUCTS (default
// 100000), SMALL_PRODUCTS (default 20000), ACCOUNTS (default 1000), USERS (default 2000),
// CONTRACT_PRICES (default 20000), REQUESTS per measured level (default 300), PG_SERVER_URL,
// SAVE=1 to write tools/bench/results/imports-<date>.json. Linux only (reads /proc).
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApi, freshDatabase, rssMb, sampleRss, startApi, stopApi } from './api-process.mjs';
import { BUYER, login, machine, percentiles, round, writeResult } from './catalog.mjs';

const port = Number(process.env.PORT ?? 3918);
const baseUrl = `http://localhost:${port}`;
const entry = resolve(process.env.API_ENTRY ?? 'dist/apps/api/main.js');
const sizes = {
  products: Number(process.env.PRODUCTS ?? 100_000),
  smallProducts: Number(process.env.SMALL_PRODUCTS ?? 20_000),
  accounts: Number(process.env.ACCOUNTS ?? 1000),
  users: Number(process.env.USERS ?? 2000),
  contractPrices: Number(process.env.CONTRACT_PRICES ?? 20_000),
};
const requestsPerLevel = Number(process.env.REQUESTS ?? 300);
const LEVELS = [1, 8];
const ADMIN = { email: 'admin@tradecounter.test', password: 'demo1234' };
const CATEGORIES = ['Gloves', 'Cleaning', 'Packaging', 'Fasteners', 'Safety', 'Electrical', 'Paper', 'Tape'];

/** A CSV cell: quoted when it must be. */
const cell = (value) => (/[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Writes `rows` (a generator of string arrays) under `header` to a file; resolves its path. */
async function writeCsv(path, header, rows) {
  const out = createWriteStream(path);
  out.write(`${header.join(',')}\n`);
  for (const row of rows) {
    if (!out.write(`${row.map(cell).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

function* productRows(prefix, count) {
  for (let i = 1; i <= count; i++) {
    const sku = `${prefix}-${String(i).padStart(6, '0')}`;
    yield [
      sku,
      `Imported product ${i}, "${CATEGORIES[i % CATEGORIES.length]}" line`,
      CATEGORIES[i % CATEGORIES.length],
      i % 3 === 0 ? 'box' : 'each',
      money(199 + ((i * 7919) % 50_000)),
      String((i % 5 === 0 ? 5 : 1) * (i % 4 === 0 ? 2 : 1)),
      i % 5 === 0 ? '5' : '1',
      String(i % 15),
      'true',
    ];
  }
}
const PRODUCT_HEADER = [
  'sku',
  'name',
  'category',
  'unit',
  'listPrice',
  'minOrderQty',
  'orderMultiple',
  'leadTimeDays',
  'active',
];

function* accountRows(count, managerEmail, warehouseCode) {
  for (let i = 1; i <= count; i++) {
    const code = `IMPA${String(i).padStart(5, '0')}`;
    for (const [label, line1] of [
      ['Head office', `${i} Market Street`],
      ['Warehouse', `Unit ${i}, Dock Road`],
    ]) {
      yield [
        code,
        `Imported Trading ${i} Ltd`,
        'net_30',
        money(500_000 + (i % 10) * 100_000),
        managerEmail,
        warehouseCode,
        label,
        line1,
        'Leeds',
        `LS${1 + (i % 20)} ${i % 10}AB`,
        'GB',
      ];
    }
  }
}
const ACCOUNT_HEADER = [
  'code',
  'name',
  'paymentTerms',
  'creditLimit',
  'accountManagerEmail',
  'defaultWarehouseCode',
  'address.label',
  'address.line1',
  'address.city',
  'address.postcode',
  'address.country',
];

function* userRows(count, accounts) {
  for (let i = 1; i <= count; i++) {
    const account = 1 + ((i - 1) % accounts);
    yield [
      `user${i}@imported-${account}.bench.test`,
      `Imported Buyer ${i}`,
      `IMPA${String(account).padStart(5, '0')}`,
      i % 2 === 0 ? 'approver' : 'buyer',
    ];
  }
}
const USER_HEADER = ['email', 'name', 'accountCode', 'role'];

function* contractPriceRows(count, accounts, products) {
  for (let i = 0; i < count; i++) {
    const account = 1 + (i % accounts);
    const product = 1 + ((i * 37) % products);
    yield [
      `IMPA${String(account).padStart(5, '0')}`,
      `IMP-${String(product).padStart(6, '0')}`,
      '2026-01-01',
      money(150 + ((i * 104_729) % 40_000)),
    ];
  }
}
const CONTRACT_PRICE_HEADER = ['accountCode', 'sku', 'validFrom', 'unitPrice'];

/**
 * One HTTP request with a JSON answer; `file` streams a file as the body.
 * @param {string} method
 * @param {string} path
 * @param {string} token
 * @param {{ json?: unknown, file?: string, contentType?: string }} [body]
 */
function request(method, path, token, { json, file, contentType } = {}) {
  return new Promise((resolveRequest, reject) => {
    const headers = { authorization: `Bearer ${token}` };
    let payload;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    } else if (file) {
      headers['content-type'] = contentType ?? 'text/csv';
      headers['content-length'] = statSync(file).size;
    }
    const req = http.request(`${baseUrl}${path}`, { method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        resolveRequest({ status: response.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    if (file) createReadStream(file).pipe(req);
    else req.end(payload);
  });
}

/** Polls an import until it leaves `validating`/`committing`; the final job. */
async function settle(token, id) {
  for (;;) {
    const { status, body } = await request('GET', `/api/imports/${id}`, token);
    if (status !== 200) throw new Error(`GET /api/imports/${id}: HTTP ${status} ${JSON.stringify(body)}`);
    if (body.status !== 'validating' && body.status !== 'committing') return body;
    await sleep(200);
  }
}

/** Dry run, then commit, of one file: times, rows/s and the API's peak RSS for each step. */
async function load(token, pid, kind, file, rows) {
  const name = file.split('/').pop();
  const sampler = sampleRss(pid);
  const dryStart = performance.now();
  const dry = await request(
    'POST',
    `/api/imports/${kind}?dryRun=true&fileName=${encodeURIComponent(name)}`,
    token,
    { file },
  );
  if (dry.status !== 200 && dry.status !== 202)
    throw new Error(`${kind} dry run: HTTP ${dry.status} ${JSON.stringify(dry.body).slice(0, 2000)}`);
  const checked = await settle(token, dry.body.id);
  const dryMs = performance.now() - dryStart;
  const dryPeak = sampler.stop();
  if (checked.status !== 'validated' || checked.counts.error > 0)
    throw new Error(`${kind} dry run ended ${checked.status}: ${JSON.stringify(checked).slice(0, 2000)}`);

  const commitSampler = sampleRss(pid);
  const commitStart = performance.now();
  const commit = await request('POST', `/api/imports/${checked.id}/commit`, token);
  if (commit.status !== 200 && commit.status !== 202)
    throw new Error(`${kind} commit: HTTP ${commit.status} ${JSON.stringify(commit.body).slice(0, 2000)}`);
  const committed = await settle(token, checked.id);
  const commitMs = performance.now() - commitStart;
  const commitPeak = commitSampler.stop();
  if (committed.status !== 'committed') throw new Error(`${kind} commit ended ${committed.status}`);
  const result = {
    kind,
    rows,
    fileMb: round(statSync(file).size / 1024 / 1024),
    counts: committed.counts,
    dryRunSeconds: round(dryMs / 1000),
    dryRunRowsPerSecond: Math.round(rows / (dryMs / 1000)),
    dryRunPeakRssMb: dryPeak,
    commitSeconds: round(commitMs / 1000),
    commitRowsPerSecond: Math.round(rows / (commitMs / 1000)),
    commitPeakRssMb: commitPeak,
  };
  console.log(
    `${kind.padEnd(16)} ${String(rows).padStart(7)} rows: dry run ${result.dryRunSeconds} s ` +
      `(${result.dryRunRowsPerSecond}/s, peak ${dryPeak} MB), commit ${result.commitSeconds} s ` +
      `(${result.commitRowsPerSecond}/s, peak ${commitPeak} MB)`,
  );
  return result;
}

/** `total` requests of `make()` at `connections` at once over keep-alive: p50/p95. */
async function measure(connections, total, make) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const started = performance.now();
      const { status } = await make();
      if (status !== 200) throw new Error(`HTTP ${status}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { connections, requests: total, perSecond: round(total / seconds), ...percentiles(latencies) };
}

/** The catalog page (25 rows, prices and availability) and a 10-line quote, as the demo buyer. */
async function measureReads(buyerToken, skus) {
  const lines = skus.slice(0, 10).map((sku) => ({ sku, quantity: 3 }));
  const results = {};
  for (const connections of LEVELS) {
    results[`catalog@${connections}`] = await measure(connections, requestsPerLevel, () =>
      request('GET', '/api/products?page=1&pageSize=25', buyerToken),
    );
    results[`quote@${connections}`] = await measure(connections, requestsPerLevel, () =>
      request('POST', '/api/pricing/quote', buyerToken, { json: { lines } }),
    );
  }
  return results;
}

async function main() {
  buildApi(entry);
  const scratch = mkdtempSync(join(tmpdir(), 'tc-bench-imports-'));
  const database = await freshDatabase('imports');
  let api;
  try {
    api = await startApi({
      entry,
      port,
      scratch,
      databaseUrl: database.url,
      env: process.env.API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.API_NODE_OPTIONS } : {},
    });
    const pid = api.child.pid;
    const admin = await login(baseUrl, ADMIN);
    const buyer = await login(baseUrl, BUYER);
    const demoSkus = (await request('GET', '/api/products?pageSize=10', buyer)).body.items.map((p) => p.sku);
    const before = await measureReads(buyer, demoSkus);
    const me = (await request('GET', '/api/me', admin)).body;
    const warehouses = (await request('GET', '/api/warehouses', admin)).body;
    const warehouseCode = (Array.isArray(warehouses) ? warehouses : warehouses.items)[0].code;
    const managers = (await request('GET', '/api/users?role=account_manager&pageSize=1', admin)).body;
    const managerEmail = (Array.isArray(managers) ? managers : managers.items)[0]?.email ?? me.email;

    const files = join(scratch, 'files');
    execFileSync('mkdir', ['-p', files]);
    const startRss = rssMb(pid);
    const loads = [];
    const small = await writeCsv(
      join(files, `products-${sizes.smallProducts}.csv`),
      PRODUCT_HEADER,
      productRows('IMS', sizes.smallProducts),
    );
    loads.push(await load(admin, pid, 'products', small, sizes.smallProducts));
    const large = await writeCsv(
      join(files, `products-${sizes.products}.csv`),
      PRODUCT_HEADER,
      productRows('IMP', sizes.products),
    );
    loads.push(await load(admin, pid, 'products', large, sizes.products));
    const accounts = await writeCsv(
      join(files, 'accounts.csv'),
      ACCOUNT_HEADER,
      accountRows(sizes.accounts, managerEmail, warehouseCode),
    );
    loads.push(await load(admin, pid, 'accounts', accounts, sizes.accounts * 2));
    const users = await writeCsv(
      join(files, 'users.csv'),
      USER_HEADER,
      userRows(sizes.users, sizes.accounts),
    );
    loads.push(await load(admin, pid, 'account-users', users, sizes.users));
    const prices = await writeCsv(
      join(files, 'contract-prices.csv'),
      CONTRACT_PRICE_HEADER,
      contractPriceRows(sizes.contractPrices, sizes.accounts, sizes.products),
    );
    loads.push(await load(admin, pid, 'contract-prices', prices, sizes.contractPrices));

    const after = await measureReads(buyer, demoSkus);
    const ratios = Object.fromEntries(
      Object.keys(before).map((key) => [key, round(after[key].p95Ms / before[key].p95Ms)]),
    );
    for (const key of Object.keys(before)) {
      console.log(
        `${key.padEnd(10)} p95 ${before[key].p95Ms} ms with the demo's products, ${after[key].p95Ms} ms after the load: ${ratios[key]}x`,
      );
    }
    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      loadAverage: loadavg().map((value) => round(value)),
      database: database.kind,
      startRssMb: startRss,
      loads,
      reads: { before, after, p95Ratio: ratios },
    };
    if (process.env.SAVE) writeResult('imports', result);
    else console.log(JSON.stringify(result, null, 2));
  } finally {
    if (api) await stopApi(api);
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`imports bench failed: ${error.stack ?? error}`);
  process.exit(1);
});
