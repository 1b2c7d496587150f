import { Client } from 'pg';
import type { SalesGroupBy } from '@tradecounter/contracts';
import { SALES_GROUPINGS } from '@tradecounter/contracts';
import { addCalendarDays } from '@tradecounter/domain';
import { loadHistory } from '../database/seed/history/history-loader';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { SalesRepository, type ScopedFilter } from './sales.repository';

const DAY = `(o.placed_at AT TIME ZONE 'UTC')::date`;
const MONTH = `date_trunc('month', ${DAY})::date`;
const COUNTED = `o.status NOT IN ('cancelled', 'rejected')`;
const MEASURES = `count(*)::int AS orders, sum(l.quantity)::int AS units, sum(l.line_total)::text AS net_sales`;
const nonZero = `WHERE orders <> 0 OR units <> 0 OR net_sales <> 0`;

/** Each coarse rollup as it stands, and as a direct GROUP BY over every order computes it. */
const COMPARE: Record<string, [rollup: string, direct: string]> = {
  sales_by_month: [
    `SELECT month::text, account_id, channel, orders, units::int, net_sales::text FROM sales_by_month ${nonZero} ORDER BY 1, 2, 3`,
    `SELECT ${MONTH}::text AS month, o.account_id, o.channel, count(*)::int AS orders,
            sum((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_id = o.id))::int AS units,
            sum(o.subtotal)::text AS net_sales
       FROM orders o WHERE ${COUNTED} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ],
  sales_by_month_product: [
    `SELECT month::text, account_id, channel, product_id, orders, units::int, net_sales::text
       FROM sales_by_month_product ${nonZero} ORDER BY 1, 2, 3, 4`,
    `SELECT ${MONTH}::text AS month, o.account_id, o.channel, l.product_id, ${MEASURES}
       FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${COUNTED} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  ],
  product_sales_by_day: [
    `SELECT day::text, product_id, orders, units::int, net_sales::text FROM product_sales_by_day ${nonZero} ORDER BY 1, 2`,
    `SELECT ${DAY}::text AS day, l.product_id, ${MEASURES}
       FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${COUNTED} GROUP BY 1, 2 ORDER BY 1, 2`,
  ],
  product_sales_by_month: [
    `SELECT month::text, product_id, orders, units::int, net_sales::text FROM product_sales_by_month ${nonZero} ORDER BY 1, 2`,
    `SELECT ${MONTH}::text AS month, l.product_id, ${MEASURES}
       FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${COUNTED} GROUP BY 1, 2 ORDER BY 1, 2`,
  ],
};

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
 * channels) after a bulk load with triggers off and through live orders
 * and cancellations, and the reports read from them: the same answer as
 * from the finest rollups for any filter and period.
 */
describe('coarse sales rollups', () => {
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
      for (const [table, [rollup, direct]] of Object.entries(COMPARE)) {
        const [stands, computed] = [await tx.query(rollup), await tx.query(direct)];
        expect({ table, rows: stands }).toEqual({ table, rows: computed });
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
    }
    // The cases were not all empty.
    expect(compared).toBe(480);
    expect(rows).toBeGreaterThan(2000);
  }, 120_000);
});
