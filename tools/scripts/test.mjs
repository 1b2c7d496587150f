#!/usr/bin/env node
/**
 * `npm test`: lint and type-check, unit and API tests (real PostgreSQL:
 * DATABASE_URL's server or an embedded one), then the browser journeys
 * against the built product with demo data. Without Chromium the browser
 * step is skipped with a plain message, unless E2E_REQUIRED=1 (CI).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { ansiColour, nx, nxEnv, run, runWatching } from './nx.mjs';

const results = [];
async function step(name, work) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const code = await work();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({
    name,
    ok: code === 0,
    seconds,
    details: code === 0 ? [] : (failureDetails.get(name) ?? []),
  });
  console.log(`=== ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
  return code === 0;
}

function finish() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log('\n--- summary');
  for (const r of results) {
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
    for (const line of r.details ?? []) console.log(`       ${line}`);
  }
  console.log(`steps: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

/** Lines to repeat in the summary for a failed step, so the end of a long log names the cause. */
const failureDetails = new Map();
const e2eStep = 'browser journeys (Playwright, Chromium)';
const e2eReport = resolve('apps/portal-e2e/artifacts/results.json');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const e2eRequired = process.env.E2E_REQUIRED === '1';

await step('format check (prettier)', () => run('npx', ['prettier', '--check', '.', '--log-level', 'warn']));
await step('lint and type-check', () => nx('run-many', '-t', 'lint,typecheck'));
const testsStep = 'unit and API tests';
await step(testsStep, () => {
  const failedTests = [];
  failureDetails.set(testsStep, failedTests);
  return runWatching(
    'npx',
    ['nx', 'run-many', '-t', 'test', '--parallel=1', '--outputStyle=static'],
    (line) => {
      // Jest names a failed file "FAIL path" and each failed test "● suite › title".
      const failure = /^\s*(FAIL\s+\S+|● (?!Console).+)$/.exec(line);
      if (failure && failedTests.length < 40) failedTests.push(failure[1].trim().slice(0, 200));
    },
  );
});
const built = await step('build api and portal', () => nx('run-many', '-t', 'build', '-p', 'api', 'portal'));

if (!existsSync(chromium)) {
  const message = `Chromium not found at ${chromium}: the browser journeys did not run. Install it with: apt-get install -y --no-install-recommends chromium`;
  if (e2eRequired) {
    console.error(`\n${message} (E2E_REQUIRED=1, so this fails)`);
    results.push({ name: 'browser journeys', ok: false, seconds: '0' });
  } else {
    console.warn(`\n*** ${message}`);
  }
} else if (built) {
  await step(e2eStep, runE2e);
}
finish();

/** Serves the built product on a spare port with a fresh database and the demo, then runs Playwright. */
async function runE2e() {
  const port = String(3800 + Math.floor(Math.random() * 100));
  const dataDir = mkdtempSync(join(tmpdir(), 'tc-e2e-'));
  const database = await e2eDatabase();
  // The demo without its generated history: the end-to-end specs expect the demo's own data only.
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...nxEnv,
    PORT: port,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    SEED_DEMO_HISTORY_ORDERS: '0',
    LOG_LEVEL: 'warn',
    // The webhook journey's receiver listens on 127.0.0.1, an address webhooks may not reach by default.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  try {
    const baseUrl = `http://localhost:${port}`;
    if (!(await waitForHealth(`${baseUrl}/api/health`, 180_000))) {
      console.error('The server did not become healthy in time');
      return 1;
    }
    rmSync(e2eReport, { force: true });
    const code = await run('npx', ['nx', 'run', 'portal-e2e:e2e', '--outputStyle=static'], {
      env: { ...nxEnv, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, E2E_JSON_REPORT: e2eReport },
    });
    if (code !== 0) failureDetails.set(e2eStep, failedJourneys(e2eReport));
    return code;
  } finally {
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** "file › title: first line of the error" for each failed journey in Playwright's JSON report. */
function failedJourneys(reportFile) {
  if (!existsSync(reportFile)) return ['(no Playwright report: see the log above)'];
  const lines = [];
  const visit = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const failed = (test.results ?? []).filter((r) => r.status !== 'passed' && r.status !== 'skipped');
        if (failed.length === 0) continue;
        const error = failed[0].error;
        const message = String(error?.message ?? failed[0].status)
          .replace(ansiColour, '')
          .split('\n')
          .map((l) => l.trim());
        const firstLine = message.find((l) => l) ?? '';
        lines.push(`${file}:${spec.line} › ${spec.title}: ${firstLine.slice(0, 200)}`);
        // Which assertion, on what: the summary alone should say where to look.
        const where = error?.location ? `${error.location.file.split('/').pop()}:${error.location.line}` : '';
        if (where) lines.push(`  at ${where}`);
        const callLog = message.indexOf('Call log:');
        const details = message
          .slice(1, callLog < 0 ? undefined : callLog)
          .filter((l) => l && !/^Timeout:/.test(l));
        for (const detail of details.slice(0, 6)) lines.push(`  ${detail.slice(0, 160)}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child, file);
  };
  for (const suite of JSON.parse(readFileSync(reportFile, 'utf8')).suites ?? []) visit(suite, suite.file);
  return lines.length > 0 ? lines : ['(the report names no failed journey: see the log above)'];
}

/** A fresh database on DATABASE_URL's server, or undefined to let the API embed one. */
async function e2eDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `tc_e2e_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
