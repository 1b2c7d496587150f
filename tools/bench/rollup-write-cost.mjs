#!/usr/bin/env node
// What the report rollups' triggers add to writing an order: the statements placement and
// cancellation run (one order, then its lines in one statement; a status change to
// cancelled), each in a transaction that is rolled back, alternating between all triggers
// on and the coarse rollups' triggers (migration 1765065600000) disabled in that
// transaction. Leaves the data as it was; takes a brief exclusive lock on the daily
// rollups per run of the second kind, so run it on a database of your own.
//
//   DATABASE_URL=postgres://... ROUNDS=300 node tools/bench/rollup-write-cost.mjs
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import pg from 'pg';
import { machine, percentiles, round, writeResult } from './catalog.mjs';

async function main() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const rounds = Number(process.env.ROUNDS ?? 300);
  const coarseTriggers = (
    await client.query(
      `SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger WHERE tgname LIKE '%\\_coarse\\_%'`,
    )
  ).rows;
  // An order with ten lines as the template (the most lines there are, if none has ten).
  const [template] = (
    await client.query(
      `SELECT order_id AS id, count(*)::int AS lines FROM order_lines GROUP BY 1 ORDER BY abs(count(*) - 10), 1 LIMIT 1`,
    )
  ).rows;
  const orderColumns = (
    await client.query(
      `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS list FROM information_schema.columns
        WHERE table_name = 'orders' AND column_name NOT IN ('id', 'number', 'external_ref', 'status')`,
    )
  ).rows[0].list;
  const lineColumns = (
    await client.query(
      `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS list FROM information_schema.columns
        WHERE table_name = 'order_lines' AND column_name NOT IN ('id', 'order_id')`,
    )
  ).rows[0].list;
  const timings = { all: { place: [], cancel: [] }, withoutCoarse: { place: [], cancel: [] } };
  for (let i = 0; i < rounds * 2; i += 1) {
    const mode = i % 2 === 0 ? 'all' : 'withoutCoarse';
    await client.query('BEGIN');
    if (mode === 'withoutCoarse')
      for (const t of coarseTriggers) await client.query(`ALTER TABLE ${t.table} DISABLE TRIGGER ${t.name}`);
    const t0 = performance.now();
    const {
      rows: [order],
    } = await client.query(
      `INSERT INTO orders (id, number, external_ref, status, ${orderColumns})
       SELECT gen_random_uuid(), 'RWC-' || $2, NULL, 'confirmed', ${orderColumns} FROM orders WHERE id = $1 RETURNING id`,
      [template.id, `${process.pid}-${i}`],
    );
    await client.query(
      `INSERT INTO order_lines (id, order_id, ${lineColumns})
       SELECT gen_random_uuid(), $2, ${lineColumns} FROM order_lines WHERE order_id = $1`,
      [template.id, order.id],
    );
    const t1 = performance.now();
    await client.query(`UPDATE orders SET status = 'cancelled' WHERE id = $1`, [order.id]);
    const t2 = performance.now();
    await client.query('ROLLBACK');
    timings[mode].place.push(t1 - t0);
    timings[mode].cancel.push(t2 - t1);
  }
  await client.end();
  const summary = Object.fromEntries(
    Object.entries(timings).map(([mode, t]) => [
      mode,
      { place: percentiles(t.place), cancel: percentiles(t.cancel) },
    ]),
  );
  console.log(
    `order with ${template.lines} lines, ${rounds} rounds each, ${coarseTriggers.length} coarse triggers; load ${loadavg()
      .map((v) => round(v))
      .join(' ')}`,
  );
  for (const [mode, s] of Object.entries(summary))
    console.log(
      `${mode.padEnd(14)} insert order + lines p50 ${s.place.p50Ms} p95 ${s.place.p95Ms} ms   cancel p50 ${s.cancel.p50Ms} p95 ${s.cancel.p95Ms} ms`,
    );
  const file = writeResult('rollup-write-cost', {
    benchmark: 'rollup-write-cost',
    at: new Date().toISOString(),
    machine: { ...machine(), loadAverage: loadavg().map((v) => round(v)) },
    setup: { rounds, lines: template.lines, coarseTriggers },
    summary,
  });
  console.log(`saved ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`rollup write cost failed: ${error.message ?? error}`);
    process.exit(1);
  });
}
