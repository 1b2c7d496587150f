/**
 * `npm run seed:history -- --orders 1000000 --seed 42 [--months 12] [--database-url URL]`
 *
 * Adds a generated order history to a database that already has the schema
 * and the demo data (accounts, users, products, warehouses). One transaction:
 * COPY in chunks with triggers off, then rollups, exposure, ANALYZE and the
 * consistency checks. See tools/seed/README.md.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { checkHistory, loadHistory } from '@tradecounter/seed-history';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    months: { type: 'string', default: '12' },
    'database-url': { type: 'string' },
    currency: { type: 'string' },
    now: { type: 'string' },
    'no-checks': { type: 'boolean', default: false },
    'check-only': { type: 'boolean', default: false },
  },
});

const orders = positiveInteger('orders', values.orders);
const seed = positiveInteger('seed', values.seed, true);
const months = positiveInteger('months', values.months);
const now = values.now === undefined ? undefined : Date.parse(values.now);
if (now !== undefined && Number.isNaN(now)) fail('--now must be a date and time, e.g. 2026-06-30T18:00:00Z');
const url = values['database-url'] ?? process.env['DATABASE_URL'];
if (!url) fail('Give --database-url or set DATABASE_URL');

async function main(): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'seed-history' });
  await client.connect();
  if (values['check-only']) {
    try {
      process.exitCode = (await printChecks(client)) ? 0 : 1;
    } finally {
      await client.end();
    }
    return;
  }
  const started = Date.now();
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  process.stderr.write(
    `seed:history ${orders} orders, seed ${seed}, ${months} months (load average ${load})\n`,
  );
  const bar = progressBar(orders);
  try {
    await client.query('BEGIN');
    const result = await loadHistory(client, {
      orders,
      seed,
      months,
      currency: values.currency ?? process.env['CURRENCY'] ?? 'USD',
      now,
      onProgress: ({ orders: done, rows }) => bar.update(done, rows),
      onStep: (name, ms) => {
        bar.done();
        step(`${name} in ${seconds(ms)} (${seconds(Date.now() - started)} in all)`);
      },
    });
    bar.done();
    step(`rollups, exposure, payments and reservations in ${seconds(result.finishMs)}`);
    const committing = Date.now();
    await client.query('COMMIT');
    step(`committed in ${seconds(Date.now() - committing)}`);
    const analyzing = Date.now();
    await client.query('ANALYZE');
    step(`ANALYZE in ${seconds(Date.now() - analyzing)}`);
    const total = Date.now() - started;

    const failed = values['no-checks'] ? false : !(await printChecks(client));
    const size = await client.query<{ size: string }>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    process.stdout.write(
      `${result.orders} orders (SO-${result.firstNumber}…SO-${result.lastNumber}), ${result.rows} rows in ` +
        `${seconds(total)} (load ${seconds(result.loadMs)}, ${Math.round(result.rows / (result.loadMs / 1000))} rows/s); ` +
        `database ${size.rows[0]?.size}; load average now ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}\n`,
    );
    if (failed) process.exitCode = 1;
  } catch (error) {
    bar.done();
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Prints the consistency checks; true when all pass. */
async function printChecks(client: Client): Promise<boolean> {
  const checking = Date.now();
  let passed = true;
  for (const check of await checkHistory(client)) {
    passed &&= check.ok;
    process.stdout.write(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}\n`);
  }
  step(`checks in ${seconds(Date.now() - checking)}`);
  return passed;
}

/** A progress line on stderr: percent, orders, rows/s, elapsed and time left, a few times a second. */
function progressBar(total: number) {
  const started = Date.now();
  let last = 0;
  let line = '';
  const render = (done: number, rows: number) => {
    const elapsed = (Date.now() - started) / 1000;
    const fraction = total > 0 ? done / total : 1;
    const width = 30;
    const filled = Math.round(fraction * width);
    const eta = fraction > 0 ? elapsed / fraction - elapsed : 0;
    line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}% ` +
      `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} orders ` +
      `${Math.round(rows / Math.max(elapsed, 0.001)).toLocaleString('en-US')} rows/s ` +
      `elapsed ${clock(elapsed)} ETA ${clock(eta)}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  };
  return {
    update(done: number, rows: number) {
      const now = Date.now();
      if (now - last < 250 && done < total) return;
      // Not a terminal (a log file): a line every 10 seconds instead.
      if (!process.stderr.isTTY && now - last < 10_000 && done < total) return;
      last = now;
      render(done, rows);
      if (!process.stderr.isTTY) process.stderr.write(`${line}\n`);
    },
    /** Ends the bar's line (once: the finishing steps call it too). */
    done() {
      if (process.stderr.isTTY && line) process.stderr.write('\n');
      line = '';
    },
  };
}

function step(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function positiveInteger(name: string, value: string | undefined, zeroOk = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1))
    fail(`--${name} must be a whole number${zeroOk ? '' : ' above 0'}`);
  return n;
}

function fail(message: string): never {
  process.stderr.write(`seed:history: ${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:history failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
