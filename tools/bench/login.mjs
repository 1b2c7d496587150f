#!/usr/bin/env node
// Sign-in cost (issue 13): correct POST /api/auth/login at CONNECTIONS concurrent connections
// for DURATION seconds, rotating over the seeded demo users, against a running API. argon2id
// verification dominates; this measures what the throttling around it (one counter lookup in
// PostgreSQL per attempt) adds, run before and after a change on the same machine.
//
//   BASE_URL=http://localhost:3000 node tools/bench/login.mjs
//
// Env: BASE_URL (default http://localhost:3000), DURATION (seconds, default 15),
// CONNECTIONS (default 16), WARMUP (seconds, default 2), USERS (comma-separated e-mails,
// default the demo users; all must have PASSWORD, default demo1234).
import autocannon from 'autocannon';
import { machine, percentiles, round, writeResult } from './catalog.mjs';

const DEMO_USERS = [
  'admin@tradecounter.test',
  'manager@tradecounter.test',
  'am@tradecounter.test',
  'warehouse@tradecounter.test',
  'buyer@acme.test',
  'approver@acme.test',
  'buyer@globex.test',
];

const baseUrl = process.env.BASE_URL ?? 'http://localhost:3000';
const durationSeconds = Number(process.env.DURATION ?? 15);
const connections = Number(process.env.CONNECTIONS ?? 16);
const warmupSeconds = Number(process.env.WARMUP ?? 2);
const password = process.env.PASSWORD ?? 'demo1234';
const users = process.env.USERS ? process.env.USERS.split(',').map((email) => email.trim()) : DEMO_USERS;

/** A successful sign-in costs no write, so the same users can sign in over and over. */
async function checkUsers() {
  for (const email of users) {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) {
      throw new Error(`login as ${email} failed: HTTP ${response.status} ${await response.text()}`);
    }
  }
}

async function run(seconds) {
  const bodies = users.map((email) => JSON.stringify({ email, password }));
  let next = 0;
  const latencies = [];
  const instance = autocannon({
    url: `${baseUrl}/api/auth/login`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
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

async function main() {
  console.log(
    `login bench: ${baseUrl}, ${users.length} users, ${connections} connections, ${durationSeconds} s`,
  );
  await checkUsers();
  if (warmupSeconds > 0) await run(warmupSeconds);
  const login = await run(durationSeconds);
  console.log(
    `POST /api/auth/login: ${login.requestsPerSecond} req/s, p50 ${login.p50Ms} ms, ` +
      `p95 ${login.p95Ms} ms, p99 ${login.p99Ms} ms (${login.requests} requests, ${login.non2xx} non-2xx, ` +
      `${login.errors} errors)`,
  );
  if (login.non2xx > 0) console.warn('some sign-ins did not answer 200: the figures include refusals');
  const file = writeResult('login', {
    benchmark: 'login',
    at: new Date().toISOString(),
    machine: machine(),
    setup: { baseUrl, users: users.length, connections, durationSeconds, warmupSeconds },
    login,
  });
  console.log(`saved ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
