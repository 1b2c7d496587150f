#!/usr/bin/env node
// The portal over the wire (issue 19): bytes a browser transfers, measured in Chromium through the
// DevTools protocol (the sum of Network.loadingFinished's encodedDataLength: headers and body as
// they came over the connection; a file from the browser's cache counts 0). Four steps in one
// browser context: a first visit to the login page (empty cache), the same page again (a repeat
// visit), signing in as the demo buyer and opening the catalog, and the catalog reloaded. Then the
// 100-row catalog JSON as it goes with no compression, gzip and brotli.
//
//   NX_DAEMON=false npx nx run-many -t build -p api portal && node tools/bench/wire.mjs
//   E2E_BASE_URL=http://localhost:3000 node tools/bench/wire.mjs    # against a running API
//
// Env: E2E_BASE_URL (or BASE_URL) for a running API; else the built API (API_ENTRY, default
// dist/apps/api/main.js) is started on PORT (default 3921) with the demo, on a fresh database on
// PG_SERVER_URL's server or an embedded one. CHROMIUM_PATH (default /usr/bin/chromium).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { freshDatabase, startApi, stopApi } from './api-process.mjs';
import { BUYER, login, machine, writeResult } from './catalog.mjs';

const port = Number(process.env.PORT ?? 3921);
const entry = resolve(process.env.API_ENTRY ?? 'dist/apps/api/main.js');
const portalIndex = resolve('dist/apps/portal/browser/index.html');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As the journeys launch it (apps/portal-e2e/playwright.config.ts).
const chromiumArgs = JSON.parse(readFileSync(resolve('apps/portal-e2e/chromium-args.json'), 'utf8'));
const GOALS = { firstVisitBytes: 200_000, repeatVisitBytes: 10_000 };

/** Records every response of a page by CDP request id; `take()` returns and clears what a step loaded. */
async function networkRecorder(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let requests = new Map();
  const entryOf = (requestId) => {
    if (!requests.has(requestId)) requests.set(requestId, { transferred: 0, decoded: 0, fromCache: false });
    return requests.get(requestId);
  };
  cdp.on('Network.requestWillBeSent', ({ requestId, request, type }) =>
    Object.assign(entryOf(requestId), { url: request.url, type }),
  );
  cdp.on('Network.requestServedFromCache', ({ requestId }) => (entryOf(requestId).fromCache = true));
  cdp.on('Network.responseReceived', ({ requestId, response, type }) =>
    Object.assign(entryOf(requestId), {
      type,
      status: response.status,
      encoding: headerOf(response.headers, 'content-encoding') ?? 'identity',
      fromCache: entryOf(requestId).fromCache || Boolean(response.fromDiskCache),
    }),
  );
  // The status on the wire: Chromium reports a revalidated (304) file as its cached 200 elsewhere.
  cdp.on(
    'Network.responseReceivedExtraInfo',
    ({ requestId, statusCode }) => (entryOf(requestId).wireStatus = statusCode),
  );
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => (entryOf(requestId).decoded += dataLength));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    entryOf(requestId).transferred = encodedDataLength;
    entryOf(requestId).finished = true;
  });
  return {
    take() {
      const taken = [...requests.values()].filter(
        (request) => request.url && !request.url.startsWith('data:'),
      );
      requests = new Map();
      return summary(taken);
    },
  };
}

function headerOf(headers, name) {
  const key = Object.keys(headers).find((header) => header.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function summary(requests) {
  const byType = {};
  for (const request of requests) {
    const kind = (byType[request.type ?? 'Other'] ??= { requests: 0, transferred: 0, decoded: 0 });
    kind.requests += 1;
    kind.transferred += request.transferred;
    kind.decoded += request.decoded;
  }
  return {
    requests: requests.length,
    fromCache: requests.filter((request) => request.fromCache).length,
    notModified: requests.filter((request) => request.wireStatus === 304).length,
    transferred: requests.reduce((sum, request) => sum + request.transferred, 0),
    decoded: requests.reduce((sum, request) => sum + request.decoded, 0),
    byType,
    largest: [...requests]
      .sort((a, b) => b.transferred - a.transferred)
      .slice(0, 5)
      .map(({ url, transferred, decoded, encoding }) => ({
        path: new URL(url).pathname,
        transferred,
        decoded,
        encoding,
      })),
  };
}

/** A GET whose body is counted as sent (node's fetch would decode it). */
function rawSize(baseUrl, path, headers) {
  return new Promise((resolvePromise, reject) => {
    const request = httpRequest(new URL(path, baseUrl), { headers, agent: false }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () =>
        resolvePromise({
          status: response.statusCode,
          encoding: response.headers['content-encoding'] ?? 'identity',
          bytes,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

async function catalogJson(baseUrl) {
  const token = await login(baseUrl);
  const path = '/api/products?page=1&pageSize=100';
  const sizes = {};
  for (const acceptEncoding of ['identity', 'gzip', 'br']) {
    const answer = await rawSize(baseUrl, path, {
      Authorization: `Bearer ${token}`,
      'Accept-Encoding': acceptEncoding,
    });
    if (answer.status !== 200) throw new Error(`${path}: HTTP ${answer.status}`);
    sizes[acceptEncoding] = { sentAs: answer.encoding, bytes: answer.bytes };
  }
  return { path, ...sizes };
}

async function measure(baseUrl) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    const network = await networkRecorder(context, page);
    const settle = () => page.waitForLoadState('networkidle');

    await page.goto('/login', { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const firstVisit = network.take();

    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const repeatVisit = network.take();

    await page.getByLabel('Email').fill(BUYER.email);
    await page.getByLabel('Password', { exact: true }).fill(BUYER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'User menu' }).waitFor({ timeout: 30_000 });
    await page.goto('/catalog');
    await page.locator('tr.mat-mdc-row').first().waitFor({ timeout: 30_000 });
    await settle();
    const signInAndCatalog = network.take();

    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('tr.mat-mdc-row').first().waitFor({ timeout: 30_000 });
    await settle();
    const catalogReload = network.take();
    return { firstVisit, repeatVisit, signInAndCatalog, catalogReload };
  } finally {
    await browser.close();
  }
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function report(steps, json) {
  console.log('\nstep                     requests  cached  304  transferred   decoded');
  for (const [name, step] of Object.entries(steps)) {
    console.log(
      `${name.padEnd(24)} ${String(step.requests).padStart(8)} ${String(step.fromCache).padStart(7)} ` +
        `${String(step.notModified).padStart(4)} ${kB(step.transferred).padStart(12)} ${kB(step.decoded).padStart(9)}`,
    );
  }
  console.log('\nfirst visit by type:');
  for (const [type, kind] of Object.entries(steps.firstVisit.byType)) {
    console.log(
      `  ${type.padEnd(12)} ${String(kind.requests).padStart(3)} requests ${kB(kind.transferred).padStart(10)} (${kB(kind.decoded)} decoded)`,
    );
  }
  console.log(`\n${json.path}:`);
  for (const coding of ['identity', 'gzip', 'br'])
    console.log(
      `  Accept-Encoding ${coding.padEnd(8)} → ${json[coding].sentAs.padEnd(8)} ${kB(json[coding].bytes)}`,
    );
  const verdict = (value, goal) => `${kB(value)} (goal < ${kB(goal)}: ${value < goal ? 'met' : 'NOT met'})`;
  console.log(`\nfirst visit ${verdict(steps.firstVisit.transferred, GOALS.firstVisitBytes)}`);
  console.log(`repeat visit ${verdict(steps.repeatVisit.transferred, GOALS.repeatVisitBytes)}`);
}

async function main() {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  let baseUrl = process.env.E2E_BASE_URL ?? process.env.BASE_URL;
  let api;
  let database;
  let scratch;
  try {
    if (!baseUrl) {
      if (!existsSync(entry) || !existsSync(portalIndex)) {
        throw new Error('build first: NX_DAEMON=false npx nx run-many -t build -p api portal');
      }
      scratch = mkdtempSync(join(tmpdir(), 'tc-bench-wire-'));
      database = await freshDatabase('wire');
      api = await startApi({ entry, port, scratch, databaseUrl: database.url });
      baseUrl = `http://localhost:${port}`;
    }
    baseUrl = baseUrl.replace(/\/$/, '');
    console.log(`wire bench: Chromium ${chromiumPath} against ${baseUrl}`);
    const steps = await measure(baseUrl);
    const json = await catalogJson(baseUrl);
    report(steps, json);
    const file = writeResult('wire', {
      benchmark: 'wire',
      at: new Date().toISOString(),
      machine: machine(),
      baseUrl,
      goals: GOALS,
      steps,
      catalogJson: json,
    });
    console.log(`saved ${file}`);
  } finally {
    if (api) await stopApi(api);
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
