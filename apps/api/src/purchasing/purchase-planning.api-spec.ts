import type {
  DraftPurchaseOrdersResult,
  Order,
  Page,
  ReplenishmentSuggestion,
  ShortfallRow,
} from '@tradecounter/contracts';
import { addCalendarDays } from '@tradecounter/domain';
import { ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';
import { bearer, createProduct, createWarehouse, type TestUser } from '../test-support/fixtures';
import { createOwnDatabase, type OwnDatabase } from '../test-support/own-database';
import {
  backdateOrder,
  createOrderingWorld,
  type OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import { createSupplier, givenPurchaseOrder, setSupply } from '../test-support/planning-fixtures';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { AccountEntity } from '../accounts/account.entity';

/*
 * The shortfall and the replenishment suggestions over HTTP, on products,
 * warehouses, suppliers and accounts of this file's own (drafting always
 * names its rows: the run's database holds other files' backorders).
 */
describe('purchase planning: shortfall and suggestions', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  const get = (user: TestUser, path: string) => t.http.get(path).set(bearer(user));
  const post = (user: TestUser, path: string, body: object) =>
    t.http.post(path).set(bearer(user)).send(body);

  /** A line-by-line order of the first account (the approver has no order limit). */
  async function order(lines: { productId: string; quantity: number }[]): Promise<Order> {
    const body = { lines, shippingAddressId: w.mineAddress, shipComplete: false };
    return (await placeOrder(t, w.approver, body).expect(201)).body as Order;
  }

  async function shortfall(query = ''): Promise<ShortfallRow[]> {
    const page = (
      await get(
        w.warehouse,
        `/api/purchasing/shortfall?warehouseCode=${w.warehouseCode}&pageSize=100${query}`,
      ).expect(200)
    ).body as Page<ShortfallRow>;
    return page.items;
  }

  it('lists the units promised from the supplier, never those stock covers', async () => {
    const supplier = await createSupplier(t);
    const waiting = await createProduct(t);
    const stocked = await createProduct(t);
    await setSupply(t, waiting.id, supplier.code, { packSize: 10 });
    await setSupply(t, stocked.id, supplier.code);
    await setStock(t, waiting.id, w.warehouseCode, 2);
    await setStock(t, stocked.id, w.warehouseCode, 100);
    const placed = await order([
      { productId: waiting.id, quantity: 9 },
      { productId: stocked.id, quantity: 5 },
    ]);

    const rows = await shortfall(`&supplierCode=${supplier.code}`);
    // 2 from stock, 7 from the supplier: demand 7, in packs of 10 a draft buys 10.
    expect(rows).toEqual([
      {
        productId: waiting.id,
        sku: waiting.sku,
        name: waiting.name,
        warehouseCode: w.warehouseCode,
        supplierCode: supplier.code,
        supplierName: supplier.name,
        demand: 7,
        onDraft: 0,
        shortfall: 7,
        packSize: 10,
        draftQuantity: 10,
        orderLines: 1,
        oldestPlacedAt: placed.placedAt,
        earliestPromisedDate: placed.lines[0]?.currentPromisedDate,
      },
    ]);
  });

  it('drafts once: a draft covers the shortfall, drafting again (even at once) creates nothing', async () => {
    const supplier = await createSupplier(t);
    const product = await createProduct(t);
    const unsupplied = await createProduct(t);
    await setSupply(t, product.id, supplier.code, { packSize: 12 });
    await order([
      { productId: product.id, quantity: 5 },
      { productId: unsupplied.id, quantity: 3 },
    ]);
    const items = [
      { productId: product.id, warehouseCode: w.warehouseCode },
      { productId: unsupplied.id, warehouseCode: w.warehouseCode },
    ];

    // Two people press "draft" at the same moment: the lock lets one draft, the other finds nothing short.
    const results = (
      await Promise.all(
        [1, 2].map(() => post(w.warehouse, '/api/purchasing/shortfall/draft', { items }).expect(200)),
      )
    ).map((response) => response.body as DraftPurchaseOrdersResult);
    const drafted = results.filter((result) => result.purchaseOrders.length > 0);
    expect(drafted).toHaveLength(1);
    const [po] = drafted[0]?.purchaseOrders ?? [];
    expect(po).toMatchObject({
      supplierCode: supplier.code,
      status: 'draft',
      lineCount: 1,
      units: 12,
      total: '60.00',
    });
    for (const result of results) {
      expect(result.skipped).toContainEqual({
        productId: unsupplied.id,
        warehouseCode: w.warehouseCode,
        reason: 'no primary supplier',
      });
    }
    expect(results.find((result) => result.purchaseOrders.length === 0)?.skipped).toContainEqual({
      productId: product.id,
      warehouseCode: w.warehouseCode,
      reason: 'nothing short any more',
    });

    // The draft's 12 now stand against the 5 waiting: nothing short, nothing more to draft.
    const row = (await shortfall(`&supplierCode=${supplier.code}`))[0];
    expect(row).toMatchObject({ demand: 5, onDraft: 12, shortfall: 0, draftQuantity: 0 });
    const again = (
      await post(w.admin, '/api/purchasing/shortfall/draft', { items: items.slice(0, 1) }).expect(200)
    ).body as DraftPurchaseOrdersResult;
    expect(again.purchaseOrders).toEqual([]);
    const [count] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM purchase_orders WHERE supplier_code = $1`,
      [supplier.code],
    )) as { n: number }[];
    expect(count?.n).toBe(1);
    // The draft is audited like any other.
    const audits = (await t.dataSource.query(
      `SELECT action FROM audit_entries WHERE entity = 'purchase_order' AND entity_id = $1`,
      [po?.id],
    )) as { action: string }[];
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('rounds a chosen quantity up to the supplier pack, one draft per supplier', async () => {
    const [first, second] = [await createSupplier(t), await createSupplier(t)];
    const [a, b, c] = [await createProduct(t), await createProduct(t), await createProduct(t)];
    await setSupply(t, a.id, first.code, { packSize: 5 });
    await setSupply(t, b.id, first.code, { packSize: 4 });
    await setSupply(t, c.id, second.code, { packSize: 1 });
    await order([
      { productId: a.id, quantity: 3 },
      { productId: b.id, quantity: 6 },
      { productId: c.id, quantity: 2 },
    ]);
    const result = (
      await post(w.warehouse, '/api/purchasing/shortfall/draft', {
        items: [
          { productId: a.id, warehouseCode: w.warehouseCode, quantity: 13 }, // 13 → 15 (packs of 5)
          { productId: b.id, warehouseCode: w.warehouseCode }, // 6 short → 8 (packs of 4)
          { productId: c.id, warehouseCode: w.warehouseCode }, // 2 short → 2
        ],
      }).expect(200)
    ).body as DraftPurchaseOrdersResult;
    expect(result.skipped).toEqual([]);
    expect(result.purchaseOrders.map((po) => [po.supplierCode, po.lineCount, po.units])).toEqual([
      [first.code, 2, 23],
      [second.code, 1, 2],
    ]);
    const lines = (await t.dataSource.query(
      `SELECT l.product_id AS "productId", l.quantity FROM purchase_order_lines l WHERE l.purchase_order_id = $1 ORDER BY l.line_no`,
      [result.purchaseOrders[0]?.id],
    )) as { productId: string; quantity: number }[];
    expect(lines).toEqual([
      { productId: a.id, quantity: 15 },
      { productId: b.id, quantity: 8 },
    ]);
  });

  it('suggests per product and warehouse from 90 days of demand, stock and what is on order', async () => {
    const supplier = await createSupplier(t, 10); // lead time 10 business days
    const product = await createProduct(t, { leadTimeDays: 30 }); // the supplier's lead time wins
    await setSupply(t, product.id, supplier.code, { packSize: 6 }); // safety 5 and review 10 by default
    await setStock(t, product.id, w.warehouseCode, 1000);
    // The other account ships from a second warehouse: its demand is that warehouse's.
    const north = await createWarehouse(t);
    await t.dataSource.getRepository(AccountEntity).update(w.theirs.id, { defaultWarehouseCode: north.code });

    const today = new Date().toISOString().slice(0, 10);
    const recent = await order([{ productId: product.id, quantity: 90 }]);
    await backdateOrder(t, recent.id, `${addCalendarDays(today, -10)}T12:00:00Z`);
    await order([{ productId: product.id, quantity: 45 }]);
    const old = await order([{ productId: product.id, quantity: 30 }]);
    await backdateOrder(t, old.id, `${addCalendarDays(today, -100)}T12:00:00Z`); // before the 90 days
    const cancelled = await order([{ productId: product.id, quantity: 20 }]);
    await post(w.admin, `/api/orders/${cancelled.id}/cancel`, { reason: 'test' }).expect(200);
    const body = {
      lines: [{ productId: product.id, quantity: 9 }],
      shippingAddressId: w.theirsAddress,
      shipComplete: false,
    };
    await placeOrder(t, w.otherApprover, body).expect(201);
    // 10 available in the first warehouse; a sent purchase order still brings 6 (10 ordered, 4 received).
    await t.dataSource.query(
      `UPDATE stock SET on_hand = reserved + 10 WHERE product_id = $1 AND warehouse_code = $2`,
      [product.id, w.warehouseCode],
    );
    await givenPurchaseOrder(t, supplier.code, 'partially_received', [
      {
        productId: product.id,
        warehouseCode: w.warehouseCode,
        quantity: 10,
        expectedDate: addCalendarDays(today, 5),
        receipts: [{ qty: 4, at: new Date().toISOString() }],
      },
    ]);

    const suggestions = async (query: string) =>
      (
        (
          await get(w.manager, `/api/purchasing/suggestions?supplierCode=${supplier.code}${query}`).expect(
            200,
          )
        ).body as Page<ReplenishmentSuggestion>
      ).items;
    // First warehouse: 90 + 45 = 135 units in 90 days, d = 1.50.
    // Reorder point ⌈135 × (10 + 5) ÷ 90⌉ = ⌈22.5⌉ = 23; order-up-to ⌈135 × 25 ÷ 90⌉ = ⌈37.5⌉ = 38.
    // Position 10 + 6 = 16 ≤ 23: buy 38 − 16 = 22, in packs of 6: 24.
    // Second warehouse: 9 units, d = 0.10; reorder ⌈9 × 15 ÷ 90⌉ = 2, order-up-to ⌈9 × 25 ÷ 90⌉ = 3;
    // nothing there (its 9 wait for the supplier): buy 3, a pack: 6.
    const expected = [
      {
        productId: product.id,
        sku: product.sku,
        name: product.name,
        warehouseCode: w.warehouseCode,
        supplierCode: supplier.code,
        averageDailyDemand: '1.50',
        available: 10,
        onOrder: 6,
        reorderPoint: 23,
        orderUpTo: 38,
        suggestedQty: 24,
        packSize: 6,
      },
      {
        productId: product.id,
        sku: product.sku,
        name: product.name,
        warehouseCode: north.code,
        supplierCode: supplier.code,
        averageDailyDemand: '0.10',
        available: 0,
        onOrder: 0,
        reorderPoint: 2,
        orderUpTo: 3,
        suggestedQty: 6,
        packSize: 6,
      },
    ].sort((a, b) => a.warehouseCode.localeCompare(b.warehouseCode));
    expect(await suggestions('')).toEqual(expected);
    expect(await suggestions(`&warehouseCode=${north.code}`)).toEqual(
      expected.filter((s) => s.warehouseCode === north.code),
    );

    // Drafting the first warehouse's suggestion: its 24 count as on order, so nothing more is suggested there.
    const drafted = (
      await post(w.warehouse, '/api/purchasing/suggestions/draft', {
        items: [{ productId: product.id, warehouseCode: w.warehouseCode }],
      }).expect(200)
    ).body as DraftPurchaseOrdersResult;
    expect(drafted.purchaseOrders.map((po) => [po.supplierCode, po.units])).toEqual([[supplier.code, 24]]);
    const after = await suggestions('&all=true');
    expect(after.find((s) => s.warehouseCode === w.warehouseCode)).toMatchObject({
      onOrder: 30,
      suggestedQty: 0,
    });
    expect((await suggestions('')).map((s) => s.warehouseCode)).toEqual([north.code]);

    // The rollup the demand comes from agrees with a rebuild from the orders.
    await t.dataSource
      .transaction('REPEATABLE READ', async (tx) => {
        const rows = () =>
          tx.query(
            `SELECT day::text, warehouse_code, product_id, account_id, units::int FROM demand_by_day
              WHERE product_id = $1 AND units <> 0 ORDER BY 1, 2, 3, 4`,
            [product.id],
          );
        const kept = await rows();
        for (const sql of ROLLUP_REBUILD_SQL) await tx.query(sql, [[w.mine.id, w.theirs.id]]);
        expect(await rows()).toEqual(kept);
        expect(kept).toHaveLength(4); // 10 days ago, today, 100 days ago (first warehouse); today (second)
        throw new Error('roll back');
      })
      .catch((error: Error) => {
        if (error.message !== 'roll back') throw error;
      });
  });

  it('lets only purchasing staff in: customers get 403 everywhere, managers read suggestions only', async () => {
    const item = {
      items: [{ productId: '00000000-0000-4000-8000-000000000000', warehouseCode: w.warehouseCode }],
    };
    for (const user of [w.buyer, w.approver]) {
      await get(user, '/api/purchasing/shortfall').expect(403);
      await post(user, '/api/purchasing/shortfall/draft', item).expect(403);
      await get(user, '/api/purchasing/suggestions').expect(403);
      await post(user, '/api/purchasing/suggestions/draft', item).expect(403);
      await get(user, '/api/reports/supplier-performance').expect(403);
    }
    await get(w.am, '/api/purchasing/shortfall').expect(403);
    await get(w.manager, '/api/purchasing/shortfall').expect(403);
    await post(w.manager, '/api/purchasing/suggestions/draft', item).expect(403);
    await get(w.manager, '/api/purchasing/suggestions').expect(200);
    await t.http.get('/api/purchasing/shortfall').expect(401);
  });

  it('refuses bad parameters with 400 and changes nothing', async () => {
    const [before] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM purchase_orders`)) as {
      n: number;
    }[];
    const bad: [string, string][] = [
      ['/api/purchasing/shortfall?warehouseCode=chi', 'warehouseCode'],
      ['/api/purchasing/shortfall?supplierCode=-x', 'supplierCode'],
      ['/api/purchasing/shortfall?pageSize=0', 'pageSize'],
      ['/api/purchasing/suggestions?all=maybe', 'all'],
      ['/api/purchasing/suggestions?page=x', 'page'],
    ];
    for (const [path, field] of bad) {
      const response = await get(w.admin, path).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.body)).toContain(field);
    }
    await post(w.admin, '/api/purchasing/shortfall/draft', {
      items: [{ productId: 'nope', warehouseCode: 'X' }],
    }).expect(400);
    await post(w.admin, '/api/purchasing/shortfall/draft', { items: 'all' }).expect(400);
    await post(w.admin, '/api/purchasing/suggestions/draft', { items: [] }).expect(400);
    await post(w.admin, '/api/purchasing/suggestions/draft', {}).expect(400);
    await post(w.admin, '/api/purchasing/suggestions/draft', {
      items: [
        { productId: '00000000-0000-4000-8000-000000000000', warehouseCode: w.warehouseCode, quantity: 0 },
      ],
    }).expect(400);
    const [after] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM purchase_orders`)) as {
      n: number;
    }[];
    expect(after?.n).toBe(before?.n);
  });
});

describe('drafting the whole shortfall (a database of its own: every row is drafted)', () => {
  let own: OwnDatabase;
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    own = await createOwnDatabase();
    t = await startTestApp({}, own.url);
    w = await createOrderingWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await own.drop();
  });

  it('drafts one purchase order per supplier for every row and skips those without one', async () => {
    const [first, second] = [await createSupplier(t), await createSupplier(t)];
    const [a, b, c, d] = [
      await createProduct(t),
      await createProduct(t),
      await createProduct(t),
      await createProduct(t),
    ];
    await setSupply(t, a.id, first.code, { packSize: 10 });
    await setSupply(t, b.id, second.code, { packSize: 3 });
    await setSupply(t, c.id, first.code, { packSize: 1 });
    const body = {
      lines: [a, b, c, d].map((p) => ({ productId: p.id, quantity: 4 })),
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    };
    await placeOrder(t, w.approver, body).expect(201);
    const result = (
      await t.http.post('/api/purchasing/shortfall/draft').set(bearer(w.admin)).send({}).expect(200)
    ).body as DraftPurchaseOrdersResult;
    const bySupplier = Object.fromEntries(result.purchaseOrders.map((po) => [po.supplierCode, po.units]));
    expect(bySupplier).toEqual({ [first.code]: 10 + 4, [second.code]: 6 });
    expect(result.skipped).toEqual([
      { productId: d.id, warehouseCode: w.warehouseCode, reason: 'no primary supplier' },
    ]);
    const again = (
      await t.http.post('/api/purchasing/shortfall/draft').set(bearer(w.admin)).send({}).expect(200)
    ).body as DraftPurchaseOrdersResult;
    expect(again.purchaseOrders).toEqual([]);
    expect(again.skipped.map((s) => s.reason).sort()).toEqual([
      'no primary supplier',
      'nothing short any more',
      'nothing short any more',
      'nothing short any more',
    ]);
  });
});
