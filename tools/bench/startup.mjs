#!/usr/bin/env node
// What a newcomer's `npm start` costs: time to a healthy API on a fresh data
// directory (initdb + migrations + demo seed), time on the second start (data
// reused), shutdown time, and the API process's memory idle and under the
// catalog load.
//
//   npx nx build api && node tools/bench/startup.mjs
//
// Env: PORT (default 3918), API_ENTRY (default dist/apps/api/main.js),
// LOAD_SECONDS (default 10), CONNECTIONS (default 16), KEEP_DATA=1 to keep the temp data dir.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchApi, login, machine, round, writeResult } from './catalog.mjs';

const port = Number(process.env.PORT ?? 3918);
const baseUrl = `http://localhost:${port}`;
const entry = resolve(process.env.API_ENTRY ?? 'dist/apps/api/main.js');
const loadSeconds = Number(process.env.LOAD_SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 16);
const startTimeoutMs = 300_000;

async function main() {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build the API first (npx nx build api)`);
  const scratch = mkdtempSync(join(tmpdir(), 'tc-bench-startup-'));
  const dataDir = join(scratch, 'data');
  console.log(`startup bench: ${entry} on port ${port}, DATA_DIR=${dataDir}`);
  try {
    const first = await startApi(dataDir, join(scratch, 'run1.log'));
    console.log(`first start (initdb + migrations + seed): ${first.startSeconds} s`);
    const firstStop = await stopApi(first);
    console.log(`shutdown after SIGTERM: ${firstStop} s`);

    const second = await startApi(dataDir, join(scratch, 'run2.log'));
    console.log(`second start (data reused):             ${second.startSeconds} s`);
    await sleep(3_000);
    const idle = memory(second.child.pid);
    console.log(`idle RSS: API ${idle.apiRssMb} MB, API + its PostgreSQL ${idle.treeRssMb} MB`);

    const token = await login(baseUrl);
    const peak = { apiRssMb: idle.apiRssMb, treeRssMb: idle.treeRssMb };
    const sampler = setInterval(() => {
      const now = memory(second.child.pid);
      peak.apiRssMb = Math.max(peak.apiRssMb, now.apiRssMb);
      peak.treeRssMb = Math.max(peak.treeRssMb, now.treeRssMb);
    }, 250);
    const load = await benchApi({ baseUrl, token, durationSeconds: loadSeconds, connections }).finally(() =>
      clearInterval(sampler),
    );
    console.log(
      `under catalog load (${connections} clients, ${loadSeconds} s, ${load.requestsPerSecond} req/s, p99 ${load.p99Ms} ms):`,
    );
    console.log(`peak RSS: API ${peak.apiRssMb} MB, API + its PostgreSQL ${peak.treeRssMb} MB`);
    const secondStop = await stopApi(second);
    console.log(`shutdown after SIGTERM: ${secondStop} s`);

    const file = writeResult('startup', {
      benchmark: 'startup',
      at: new Date().toISOString(),
      machine: machine(),
      setup: { entry, port, embeddedPostgres: true, loadSeconds, connections },
      firstStartSeconds: first.startSeconds,
      secondStartSeconds: second.startSeconds,
      shutdownSeconds: [firstStop, secondStop],
      idle,
      underLoad: { peak, catalog: load },
    });
    console.log(`saved ${file}`);
  } finally {
    if (process.env.KEEP_DATA) console.log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

async function startApi(dataDir, logFile) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const log = createWriteStream(logFile);
  const started = performance.now();
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const run = { child, exited, logFile };
  while (performance.now() - started < startTimeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null)
      fail(run, `the API exited during start-up (${child.exitCode ?? child.signalCode})`);
    if (await healthy()) return { ...run, startSeconds: round((performance.now() - started) / 1000) };
    await sleep(100);
  }
  child.kill('SIGKILL');
  fail(run, `no healthy /api/health within ${startTimeoutMs / 1000} s`);
}

async function stopApi(run) {
  const started = performance.now();
  run.child.kill('SIGTERM');
  const outcome = await Promise.race([run.exited, sleep(20_000).then(() => 'timeout')]);
  if (outcome === 'timeout') {
    run.child.kill('SIGKILL');
    fail(run, 'the API did not exit within 20 s of SIGTERM');
  }
  return round((performance.now() - started) / 1000);
}

async function healthy() {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok && (await response.json()).status === 'ok';
  } catch {
    return false;
  }
}

/** VmRSS of the API process, and of it plus every descendant (the embedded PostgreSQL). */
function memory(pid) {
  const apiRssMb = rssMb(pid);
  const children = childrenByParent();
  let treeRssMb = 0;
  for (const stack = [pid]; stack.length > 0;) {
    const current = stack.pop();
    treeRssMb += rssMb(current);
    stack.push(...(children.get(current) ?? []));
  }
  return { apiRssMb, treeRssMb: round(treeRssMb, 1) };
}

function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? round(Number(match[1]) / 1024, 1) : 0;
  } catch {
    return 0;
  }
}

function childrenByParent() {
  const map = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!map.has(ppid)) map.set(ppid, []);
      map.get(ppid).push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

/** @returns {never} */
function fail(run, message) {
  let log = '';
  try {
    log = readFileSync(run.logFile, 'utf8');
  } catch {
    // no log yet
  }
  throw new Error(`${message}\n----- API log -----\n${log.split('\n').slice(-60).join('\n')}`);
}

main().catch((error) => {
  console.error(`startup bench failed: ${error.message ?? error}`);
  process.exit(1);
});
