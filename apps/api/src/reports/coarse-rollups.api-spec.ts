import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import type { SalesGroupBy } from '@tradecounter/contracts';
import { DELIVERY_GROUPINGS, SALES_GROUPINGS } from '@tradecounter/contracts';
import { addCalendarDays } from '@tradecounter/domain';
import { loadHistory } from '@tradecounter/seed-history';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { DeliveryRepository } from './delivery.repository';
import type { ScopedFilter } from './report-where';
import { ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';
import type { RollupSources } from './rollup-source';
import { SalesRepository } from './sales.repository';

/**
 * Each coarse rollup: the finer rollup it sums, its key over the finer
 * row's columns, and its measures. The finer rollup's rows come straight
 * from the orders (the SELECTs of ROLLUP_REBUILD_SQL), never from a table.
 */
const MONTH = `date_trunc('month', d.day::timestamp)::date`;
const SALES = ['orders', 'units', 'net_sales', 'list_total'];
const DELIVERY_MEASURES = [
  'lines',
  'lines_from_stock',
  'delivered_lines',
  'on_time_lines',
  'on_time_lines_current',
  'shipped_orders',
  'in_full_orders',
  'delivered_orders',
  'otif_orders',
  'otif_orders_current',
  'ratings',
  'rating_sum',
];
const STRIPE = `(abs(hashtext(d.account_id::text)) % 16)::smallint`;
const COARSE: { table: string; from: string; key: [string, string][]; measures: string[] }[] = [
  {
    table: 'sales_by_month',
    from: 'sales_by_day',
    key: [
      ['month', MONTH],
      ['account_id', 'd.account_id'],
      ['channel', 'd.channel'],
    ],
    measures: SALES,
  },
  {
    table: 'sales_by_month_product',
    from: 'sales_by_day_product',
    key: [
      ['month', MONTH],
      ['account_id', 'd.account_id'],
      ['channel', 'd.channel'],
      ['product_id', 'd.product_id'],
    ],
    measures: SALES,
  },
  {
    table: 'product_sales_by_day',
    from: 'sales_by_day_product',
    key: [
      ['day', 'd.day'],
      ['product_id', 'd.product_id'],
    ],
    measures: SALES,
  },
  {
    table: 'product_sales_by_month',
    from: 'sales_by_day_product',
    key: [
      ['month', MONTH],
      ['product_id', 'd.product_id'],
    ],
    measures: SALES,
  },
  {
    table: 'delivery_by_month',
    from: 'delivery_by_day',
    key: [
      ['month', MONTH],
      ['account_id', 'd.account_id'],
      ['channel', 'd.channel'],
    ],
    measures: DELIVERY_MEASURES,
  },
  {
    table: 'cycle_time_by_month',
    from: 'cycle_time_by_day',
    key: [
      ['month', MONTH],
      ['account_id', 'd.account_id'],
      ['channel', 'd.channel'],
      ['hours', 'd.hours'],
    ],
    measures: ['orders'],
  },
  {
    table: 'sales_by_day_stripe',
    from: 'sales_by_day',
    key: [
      ['day', 'd.day'],
      ['stripe', STRIPE],
    ],
    measures: SALES,
  },
  {
    table: 'delivery_by_day_stripe',
    from: 'delivery_by_day',
    key: [
      ['day', 'd.day'],
      ['stripe', STRIPE],
    ],
    measures: DELIVERY_MEASURES,
  },
  {
    table: 'cycle_time_hours_by_day',
    from: 'cycle_time_by_day',
    key: [
      ['day', 'd.day'],
      ['hours', 'd.hours'],
    ],
    measures: ['orders'],
  },
  {
    table: 'cycle_time_hours_by_month',
    from: 'cycle_time_by_day',
    key: [
      ['month', MONTH],
      ['hours', 'd.hours'],
    ],
    measures: ['orders'],
  },
  {
    table: 'promise_accuracy_by_month',
    from: 'promise_accuracy_by_day',
    key: [
      ['month', MONTH],
      ['account_id', 'd.account_id'],
      ['channel', 'd.channel'],
      ['days_late', 'd.days_late'],
    ],
    measures: ['lines', 'units'],
  },
];

/** The rows a daily rollup would hold, computed from the orders: `(WITH … SELECT …) AS d (columns)`. */
function directFromOrders(daily: string): string {
  for (const sql of ROLLUP_REBUILD_SQL) {
    const match = /INSERT INTO (\w+) \(([^)]*)\)\s*(SELECT[\s\S]*)$/.exec(sql);
    if (match?.[1] === daily) return `(${sql.slice(0, match.index)} ${match[3]}) AS d (${match[2]})`;
  }
  throw new Error(`no rebuild statement for ${daily}`);
}

/** A coarse rollup as it stands and as summed from the orders, both as text, rows counting anything only. */
function compareSql(coarse: (typeof COARSE)[number]) {
  const keys = coarse.key.map(([column]) => column);
  const order = keys.map((_, index) => index + 1).join(', ');
  const nonZero = (values: string[]) => values.map((value) => `${value} <> 0`).join(' OR ');
  const stands = `SELECT ${[...keys, ...coarse.measures].map((c) => `${c}::text`).join(', ')}
                    FROM ${coarse.table} WHERE ${nonZero(coarse.measures)} ORDER BY ${order}`;
  const sums = coarse.measures.map((m) => `sum(d.${m})`);
  const direct = `SELECT ${[
    ...coarse.key.map(([column, expression]) => `${expression}::text AS ${column}`),
    ...coarse.measures.map((measure) => `sum(d.${measure})::text AS ${measure}`),
  ].join(', ')}
                    FROM ${directFromOrders(coarse.from)}
                   GROUP BY ${order} HAVING ${nonZero(sums)} ORDER BY ${order}`;
  return { stands, direct };
}

/** A small deterministic generator, so a failure names a case that can be replayed. */
function randomFrom(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

/**
 * The coarse rollups (per month; per product over all accounts and
 * channels) equal to the same sums straight from the orders, after a bulk
 * load with triggers off and through live orders and cancellations; and the
 * sales and delivery reports read from them give the same answer as from
 * the daily rollups for any filter and period.
 */
describe('coarse report rollups', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let client: Client;
  const categories = [`Coarse A ${Date.now()}`, `Coarse B ${Date.now()}`];
  const products: Awaited<ReturnType<typeof createProduct>>[] = [];
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    for (let i = 0; i < 12; i++) {
      const product = await createProduct(t, {
        listPrice: `${2 + i * 3}.${String((i * 13) % 100).padStart(2, '0')}`,
        category: categories[i % 2],
      });
      await setStock(t, product.id, w.warehouseCode, 100_000);
      products.push(product);
    }
    client = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await client.connect();
    await client.query('BEGIN');
    await loadHistory(client, {
      orders: 800,
      seed: 11,
      months: 14,
      currency: t.config.currency,
      accountIds: [w.mine.id, w.theirs.id],
      productIds: products.map((p) => p.id),
      chunkOrders: 200,
    });
    await client.query('COMMIT');
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await t?.close();
  });

  /** Both sides read one snapshot: other test files write orders meanwhile. */
  async function expectCoarseExact() {
    await t.dataSource.transaction('REPEATABLE READ', async (tx) => {
      for (const coarse of COARSE) {
        const { stands, direct } = compareSql(coarse);
        const [rows, computed] = [await tx.query(stands), await tx.query(direct, [null])];
        expect({ table: coarse.table, rows }).toEqual({ table: coarse.table, rows: computed });
      }
    });
  }

  it('equal a direct computation from the orders after a bulk load', async () => {
    await expectCoarseExact();
  });

  it('stay exact through concurrent placements and cancellations', async () => {
    const placed = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        placeOrder(t, index % 2 ? w.buyer : w.approver, {
          lines: [
            { productId: products[index % 12]?.id, quantity: 1 + (index % 3) },
            { productId: products[(index + 5) % 12]?.id, quantity: 2 },
          ],
          shippingAddressId: w.mineAddress,
          shipComplete: false,
        }).expect(201),
      ),
    );
    await Promise.all(
      placed
        .slice(0, 4)
        .map((response) =>
          t.http.post(`/api/orders/${response.body.id}/cancel`).set(bearer(w.admin)).send({}).expect(200),
        ),
    );
    await expectCoarseExact();
  });

  it('give reports the same answer as the finest rollups for any filter and period', async () => {
    const repository = t.app.get(SalesRepository);
    const delivery = t.app.get(DeliveryRepository);
    const random = randomFrom(2027);
    const pick = <T>(values: readonly T[]): T => values[random(values.length)] as T;
    const channels = (
      (await t.dataSource.query(`SELECT DISTINCT channel FROM sales_by_day WHERE account_id = $1`, [
        w.mine.id,
      ])) as { channel: string }[]
    ).map((row) => row.channel);
    /** A day near a month's edge or anywhere in the last 15 months. */
    const someDay = () => {
      const day = addCalendarDays(today, -random(460));
      const first = `${day.slice(0, 8)}01`;
      return pick([day, first, addCalendarDays(first, -1), addCalendarDays(first, 1)]);
    };
    // Every case keeps to this file's accounts or products, which no other test file writes.
    const isolations: (() => Partial<ScopedFilter>)[] = [
      () => ({ scope: { kind: 'account', accountId: pick([w.mine.id, w.theirs.id]) } }),
      () => ({ scope: { kind: 'managedBy', accountManagerId: w.am.id } }),
      () => ({ accountId: pick([w.mine.id, w.theirs.id]) }),
      () => ({ accountManagerId: pick([w.am.id, w.otherAm.id]) }),
      () => ({ category: pick(categories) }),
    ];
    let compared = 0;
    let deliveryCases = 0;
    let rows = 0;
    for (let i = 0; i < 60; i++) {
      const [a, b] = [someDay(), someDay()].sort();
      const filter: ScopedFilter = {
        from: a ?? today,
        to: random(4) === 0 ? today : (b ?? today),
        scope: { kind: 'all' },
        ...pick(isolations)(),
        ...(random(3) === 0 ? { channel: pick(channels) } : {}),
        ...(random(4) === 0 ? { category: pick(categories) } : {}),
      };
      for (const groupBy of SALES_GROUPINGS as readonly SalesGroupBy[]) {
        const coarsest = await repository.sales(filter, groupBy);
        const finest = await repository.sales(filter, groupBy, 'finest');
        expect({ filter, groupBy, rows: coarsest }).toEqual({ filter, groupBy, rows: finest });
        compared++;
        rows += finest.length;
      }
      // Delivery figures have no category: the account filters keep them to this file's orders.
      if (
        filter.category !== undefined &&
        filter.scope.kind === 'all' &&
        !filter.accountId &&
        !filter.accountManagerId
      )
        continue;
      const perOrder = { ...filter, category: undefined };
      for (const groupBy of DELIVERY_GROUPINGS) {
        const finest = await delivery.grouped(perOrder, groupBy, 'finest');
        expect({ perOrder, groupBy, rows: await delivery.grouped(perOrder, groupBy) }).toEqual({
          perOrder,
          groupBy,
          rows: finest,
        });
        rows += finest.length;
      }
      expect(await delivery.counts(perOrder)).toEqual(await delivery.counts(perOrder, 'finest'));
      expect(await delivery.cycleTimeHistogram(perOrder)).toEqual(
        await delivery.cycleTimeHistogram(perOrder, 'finest'),
      );
      expect(await delivery.promiseAccuracy(perOrder)).toEqual(
        await delivery.promiseAccuracy(perOrder, 'finest'),
      );
      deliveryCases++;
    }
    // Over every account: other files' orders land between two reads now and then, so a few tries.
    const overall: [string, (filter: ScopedFilter, sources?: RollupSources) => Promise<unknown>][] = [
      ['sales by day', (f, sources) => repository.sales(f, 'day', sources)],
      ['sales by week', (f, sources) => repository.sales(f, 'week', sources)],
      ['sales by month', (f, sources) => repository.sales(f, 'month', sources)],
      ['delivery counts', (f, sources) => delivery.counts(f, sources)],
      ['delivery by day', (f, sources) => delivery.grouped(f, 'day', sources)],
      ['delivery by month', (f, sources) => delivery.grouped(f, 'month', sources)],
      [
        'cycle time',
        async (f, sources) =>
          [...(await delivery.cycleTimeHistogram(f, sources))].sort((a, b) => a[0] - b[0]),
      ],
    ];
    for (let i = 0; i < 4; i++) {
      const everyone: ScopedFilter = { from: someDay(), to: today, scope: { kind: 'all' } };
      for (const [name, read] of overall) {
        let [coarsest, finest]: unknown[] = [null, undefined];
        for (let attempt = 0; attempt < 5 && !isDeepStrictEqual(coarsest, finest); attempt++) {
          coarsest = await read(everyone);
          finest = await read(everyone, 'finest');
        }
        expect({ name, everyone, rows: coarsest }).toEqual({ name, everyone, rows: finest });
      }
    }
    // The cases were not all empty.
    expect(compared).toBe(480);
    expect(deliveryCases).toBeGreaterThan(30);
    expect(rows).toBeGreaterThan(3000);
  }, 120_000);
});
