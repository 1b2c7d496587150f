import type { Client, PoolClient } from 'pg';
import { REBUILD_COARSE_ROLLUPS_SQL, ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';
import { HistoryGenerator } from './history-generator';
import { HISTORY_TABLES, HistoryRows, orderNumber } from './history-rows';
import { readHistoryWorld } from './history-world.repository';
import { copyIn } from './pg-copy';

type Db = Client | PoolClient;

export interface LoadHistoryOptions {
  orders: number;
  seed: number;
  months: number;
  currency: string;
  /** The history ends here (default: the clock). */
  now?: number;
  /** Only these accounts get orders; rollups and exposure are recomputed for them only (default: all). */
  accountIds?: string[];
  /** Only these products are ordered (default: every active product). */
  productIds?: string[];
  /** Orders per COPY round (default 2,000). */
  chunkOrders?: number;
  onProgress?: (progress: { orders: number; rows: number }) => void;
  /** After each finishing statement (payments, reservations, each rollup table…): what it was and its time. */
  onStep?: (step: string, ms: number) => void;
}

export interface LoadHistoryResult {
  orders: number;
  rows: number;
  firstNumber: number;
  lastNumber: number;
  /** Milliseconds: generating and copying, then the finishing statements. */
  loadMs: number;
  finishMs: number;
}

const TEMP_IDS = 'history_seed_orders';

/**
 * Generates a history and loads it with COPY, in the caller's transaction
 * (it must be in one: triggers and foreign-key checks are off for it, with
 * `SET LOCAL session_replication_role = replica`, which needs a superuser).
 * Rollup and outbox triggers do not fire for these rows; instead the rollups (coarse ones too)
 * and credit exposure are recomputed afterwards, open orders' reservations
 * are added to stock (on hand too, so what is available does not change),
 * and accounts whose unpaid history exceeds half their credit limit have
 * their older orders marked paid (with a `paid` event).
 */
/** "rollup demand_by_day: insert", from a rebuild statement, for the progress lines. */
function rollupStep(sql: string): string {
  const match = /^\s*(DELETE FROM|INSERT INTO|UPDATE|TRUNCATE)\s+(\w+)/i.exec(sql);
  return match ? `rollup ${match[2]}: ${match[1]?.split(' ')[0]?.toLowerCase()}` : 'rollup';
}

export async function loadHistory(db: Db, options: LoadHistoryOptions): Promise<LoadHistoryResult> {
  const started = Date.now();
  const now = options.now ?? Date.now();
  await db.query(`SET LOCAL session_replication_role = replica`);
  const world = await readHistoryWorld(db, {
    accountIds: options.accountIds,
    productIds: options.productIds,
    currency: options.currency,
    now,
  });
  const generator = new HistoryGenerator(world, {
    orders: options.orders,
    seed: options.seed,
    months: options.months,
    now,
  });
  const numbers = await reserveNumbers(db, options.orders);
  await db.query(`CREATE TEMP TABLE ${TEMP_IDS} (id uuid NOT NULL) ON COMMIT DROP`);

  const timeZones = new Map(world.warehouses.map((w) => [w.code, w.timeZone]));
  const rows = new HistoryRows(options.currency, {
    holidays: world.holidays,
    timeZoneOf: (code) => timeZones.get(code) ?? 'UTC',
  });
  const chunkOrders = options.chunkOrders ?? 2000;
  const reserved = new Map<string, number>();
  // COPYs run one after another on the client (a promise chain, never two queries at once); the next
  // chunk is generated meanwhile, yielding to the event loop often, with at most two chunks in flight.
  let chain: Promise<unknown> = Promise.resolve();
  const inFlight: Promise<unknown>[] = [];
  let ids: string[] = [];
  let orders = 0;
  let total = 0;
  const flush = async () => {
    const chunk = rows.take();
    const idText = ids.join('\n') + '\n';
    ids = [];
    for (const { table, text } of chunk)
      chain = chain.then(() => copyIn(db, table, HISTORY_TABLES[table], text));
    chain = chain.then(() => copyIn(db, TEMP_IDS, ['id'], idText));
    const copied = chain;
    copied.catch(() => undefined); // awaited below; a failure must not surface as an unhandled rejection first
    inFlight.push(copied);
    if (inFlight.length > 2) await inFlight.shift();
    options.onProgress?.({ orders, rows: total });
  };
  for (const order of generator.orders()) {
    const number = numbers[order.index];
    if (number === undefined) throw new Error('Fewer order numbers than orders');
    const before = rows.rowCount;
    rows.add(order, orderNumber(number));
    total += rows.rowCount - before;
    ids.push(order.id);
    orders++;
    for (const line of order.lines) {
      if (line.reservedQty > 0) {
        const key = `${line.product.id}|${order.warehouseCode}`;
        reserved.set(key, (reserved.get(key) ?? 0) + line.reservedQty);
      }
    }
    if (orders % chunkOrders === 0) await flush();
    else if (orders % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (ids.length > 0) await flush();
  await chain;
  options.onProgress?.({ orders, rows: total });
  const loadMs = Date.now() - started;

  const finishing = Date.now();
  const step = async (name: string, work: () => Promise<unknown>) => {
    const at = Date.now();
    await work();
    options.onStep?.(name, Date.now() - at);
  };
  await step('analyze the new ids', () => db.query(`ANALYZE ${TEMP_IDS}`));
  await step('payments', () => payOldestBeyondHalfTheLimit(db, now));
  await step('reservations', () => addReservations(db, reserved));
  const accountIds = options.accountIds ?? null;
  // Fresh statistics first: planned on the empty tables' estimates, the rebuild's joins crawl.
  await step('analyze orders, lines and shipments', () =>
    db.query(`ANALYZE orders, order_lines, shipments, shipment_lines, delivery_ratings`),
  );
  if (accountIds === null) {
    // The whole database is being loaded: rebuild every rollup, the coarse ones from the finer ones.
    for (const sql of ROLLUP_REBUILD_SQL) await step(rollupStep(sql), () => db.query(sql, [accountIds]));
    for (const sql of REBUILD_COARSE_ROLLUPS_SQL) await step(rollupStep(sql), () => db.query(sql));
  } else {
    // Some accounts in a live database: their finer rollups are rebuilt with the coarse-rollup
    // triggers on, so the coarse rows change by exactly those accounts' difference. A whole-table
    // rebuild would lock the finer rollups against every concurrent order and deadlock with them.
    await db.query(`SET LOCAL session_replication_role = origin`);
    for (const sql of ROLLUP_REBUILD_SQL) await step(rollupStep(sql), () => db.query(sql, [accountIds]));
    await db.query(`SET LOCAL session_replication_role = replica`);
  }
  await step('picks', () => addPicks(db));
  await step('credit exposure', () => recomputeExposure(db, accountIds));
  return {
    orders,
    rows: total,
    firstNumber: numbers[0] ?? 0,
    lastNumber: numbers[numbers.length - 1] ?? 0,
    loadMs,
    finishMs: Date.now() - finishing,
  };
}

/** Takes `count` numbers from order_number_seq (so live orders never collide), ascending. */
async function reserveNumbers(db: Db, count: number): Promise<number[]> {
  const { rows } = await db.query<{ numbers: number[] | null }>(
    `SELECT array_agg(n ORDER BY n) AS numbers
       FROM (SELECT nextval('order_number_seq')::int AS n FROM generate_series(1, $1)) s`,
    [count],
  );
  return rows[0]?.numbers ?? [];
}

/**
 * Without payments every account would owe a year of orders: per account,
 * the newest unpaid orders up to half the credit limit stay unpaid, older
 * ones are marked paid (a day or so after their last event, never after now).
 */
async function payOldestBeyondHalfTheLimit(db: Db, now: number): Promise<void> {
  await db.query(
    `WITH ranked AS (
       SELECT o.id, o.status, o.updated_at, a.credit_limit,
              sum(o.subtotal) OVER (PARTITION BY o.account_id ORDER BY o.placed_at DESC, o.id) AS owed
         FROM ${TEMP_IDS} h JOIN orders o ON o.id = h.id JOIN accounts a ON a.id = o.account_id
        WHERE o.paid_at IS NULL AND o.status NOT IN ('cancelled', 'rejected')
     ), paid AS (
       UPDATE orders o
          SET paid_at = least($1::timestamptz, r.updated_at + interval '1 day' * (1 + abs(hashtext(o.id::text)) % 5)),
              version = o.version + 1
         FROM ranked r
        WHERE o.id = r.id AND r.owed > r.credit_limit / 2
       RETURNING o.id, o.paid_at, o.status
     )
     INSERT INTO order_events (order_id, at, actor_id, kind, from_status, to_status)
     SELECT id, paid_at, NULL, 'paid', status, status FROM paid`,
    [new Date(now).toISOString()],
  );
  await db.query(
    `UPDATE orders o SET updated_at = o.paid_at FROM ${TEMP_IDS} h
      WHERE o.id = h.id AND o.paid_at > o.updated_at`,
  );
}

/**
 * Velocity picks of the loaded orders' shipment lines added to picks_by_day (whose trigger was off),
 * as the trigger of migration 1766275200000 counts them; in key order, like concurrent triggers.
 */
async function addPicks(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO picks_by_day AS p (warehouse_code, day, product_id, picks)
     SELECT o.warehouse_code, (s.shipped_at AT TIME ZONE 'UTC')::date, l.product_id, count(*)
       FROM ${TEMP_IDS} h
       JOIN orders o ON o.id = h.id
       JOIN shipments s ON s.order_id = o.id
       JOIN shipment_lines sl ON sl.shipment_id = s.id
       JOIN order_lines l ON l.id = sl.order_line_id
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3
     ON CONFLICT (warehouse_code, day, product_id) DO UPDATE SET picks = p.picks + EXCLUDED.picks`,
  );
}

/** Open orders hold stock: reserved and on hand both go up, so what is available stays as it was. */
async function addReservations(db: Db, reserved: Map<string, number>): Promise<void> {
  if (reserved.size === 0) return;
  const keys = [...reserved.keys()].sort();
  await db.query(
    `INSERT INTO stock AS s (product_id, warehouse_code, on_hand, reserved)
     SELECT split_part(k, '|', 1)::uuid, split_part(k, '|', 2), q, q FROM unnest($1::text[], $2::int[]) AS v(k, q)
     ON CONFLICT (product_id, warehouse_code)
     DO UPDATE SET on_hand = s.on_hand + EXCLUDED.reserved, reserved = s.reserved + EXCLUDED.reserved, updated_at = now()`,
    [keys, keys.map((key) => reserved.get(key) ?? 0)],
  );
}

async function recomputeExposure(db: Db, accountIds: string[] | null): Promise<void> {
  await db.query(`DELETE FROM account_exposure WHERE $1::uuid[] IS NULL OR account_id = ANY($1)`, [
    accountIds,
  ]);
  await db.query(
    `INSERT INTO account_exposure (account_id, exposure)
     SELECT account_id, sum(subtotal) FROM orders
      WHERE paid_at IS NULL AND status NOT IN ('cancelled', 'rejected') AND ($1::uuid[] IS NULL OR account_id = ANY($1))
      GROUP BY account_id`,
    [accountIds],
  );
}
