// The API as a benchmark runs it: a fresh database, the built API started on it with the demo
// seed, its health awaited, its memory read from /proc, and everything stopped and dropped after.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Builds the API (npx nx build api) unless SKIP_BUILD is set; fails when `entry` is still missing. */
export function buildApi(entry) {
  if (!process.env.SKIP_BUILD) {
    console.log('building the API (npx nx build api) …');
    execFileSync('npx', ['nx', 'build', 'api'], {
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
  }
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build the API first (npx nx build api)`);
}

/** A new database on PG_SERVER_URL's server, or none (the API then starts its embedded PostgreSQL). */
export async function freshDatabase(prefix) {
  const server = process.env.PG_SERVER_URL;
  if (!server) return { kind: 'embedded', url: undefined, drop: async () => undefined };
  const name = `tc_bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    kind: 'server',
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Starts `entry` on `port` with the demo seed (no generated history) and `env` on top, in a
 * scratch DATA_DIR; resolves once /api/health answers (at most 300 s).
 */
export async function startApi({ entry, port, scratch, databaseUrl, env: extra = {} }) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: join(scratch, 'data'),
    SEED_DEMO: 'true',
    SEED_DEMO_HISTORY_ORDERS: '0',
    EVENTS_WORKER: 'false',
    LOG_LEVEL: 'warn',
    ...extra,
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const logFile = join(scratch, 'api.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  const started = performance.now();
  while (performance.now() - started < 300_000) {
    if (child.exitCode !== null) throw new Error(`the API exited during start-up:\n${tail(logFile)}`);
    try {
      const response = await fetch(`http://localhost:${port}/api/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (response.ok) return { child, exited, logFile };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`no healthy API within 300 s:\n${tail(logFile)}`);
}

export async function stopApi(api) {
  api.child.kill('SIGTERM');
  const outcome = await Promise.race([api.exited, sleep(20_000).then(() => 'timeout')]);
  if (outcome === 'timeout') api.child.kill('SIGKILL');
}

export function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
}

/** The process's resident memory in MB (Linux /proc), 0 when it is gone. */
export function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : 0;
  } catch {
    return 0;
  }
}

/** Samples rssMb every `everyMs` until stopped: `{ stop(): {peak, samples} }`. */
export function sampleRss(pid, everyMs = 100) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, rssMb(pid));
      return peak;
    },
  };
}

/**
 * The two sides of a comparison, each an API process on one fresh database of PG_SERVER_URL's
 * server with the same JWT_SECRET and DATA_KEY: BEFORE and AFTER (builds' main.js; AFTER, and
 * BEFORE when `before` is given, default to it) with BEFORE_ENV and AFTER_ENV on top of `env`, on
 * `port` and the next. Resolves with their URLs and a `stop` that stops both and drops the database.
 */
export async function startBeforeAndAfter({ label, port, before = undefined, env = {} }) {
  const current = 'dist/apps/api/main.js';
  const sides = [
    { name: 'before', entry: process.env.BEFORE ?? before, env: variablesFrom(process.env.BEFORE_ENV) },
    { name: 'after', entry: process.env.AFTER ?? current, env: variablesFrom(process.env.AFTER_ENV) },
  ].map((side, index) => ({ ...side, entry: resolve(side.entry), port: port + index }));
  const database = await freshDatabase(label);
  const scratch = mkdtempSync(join(tmpdir(), `tc-${label}-`));
  const secrets = { JWT_SECRET: randomBytes(32).toString('hex'), DATA_KEY: randomBytes(32).toString('hex') };
  const started = [];
  const stop = async () => {
    for (const api of started) await stopApi(api);
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    for (const side of sides) {
      const dir = join(scratch, side.name);
      mkdirSync(dir);
      const sideEnv = { ...secrets, ...env, ...side.env };
      started.push(
        await startApi({
          entry: side.entry,
          port: side.port,
          scratch: dir,
          databaseUrl: database.url,
          env: sideEnv,
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    sides,
    urls: sides.map((side) => `http://localhost:${side.port}`),
    databaseUrl: database.url,
    stop,
  };
}

/** Space-separated `KEY=VALUE` pairs (BEFORE_ENV, AFTER_ENV) as an environment to add. */
export function variablesFrom(text = '') {
  return Object.fromEntries(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}
