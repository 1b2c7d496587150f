import type { Page, Product } from '@tradecounter/contracts';
import { bearer, createProduct, createWarehouse } from '../test-support/fixtures';
import { actions, changeSet, commit, dryRun, exported } from '../test-support/import-kind-fixtures';
import { createOrderingWorld, OrderingWorld, stockOf } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { StockImport } from './stock-import';

/** The `stock` import kind: a count and a bin per SKU and warehouse, as PUT /api/stock sets them. */
describe('stock import', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let handler: StockImport;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    handler = t.app.get(StockImport);
  });
  afterAll(() => t.close());

  it('creates and updates levels, leaves equal ones unchanged, and a second run changes nothing', async () => {
    const [a, b] = [await createProduct(t), await createProduct(t)];
    const other = await createWarehouse(t);
    await t.http
      .put(`/api/stock/${a.id}/${w.warehouseCode}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 5, bin: 'A-01-01' })
      .expect(200);
    await t.http
      .put(`/api/stock/${b.id}/${w.warehouseCode}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 7 })
      .expect(200);
    const file = [
      { sku: a.sku.toLowerCase(), warehouseCode: w.warehouseCode, onHand: '12', bin: 'b-02-03' },
      { sku: b.sku, warehouseCode: w.warehouseCode, onHand: '7', bin: '' },
      { sku: a.sku, warehouseCode: other.code, onHand: '3', bin: 'C-1' },
    ];
    const planned = await dryRun(t, handler, w.admin, file);
    expect(actions(planned)).toEqual(['update', 'unchanged', 'create']);
    expect(planned[0]).toMatchObject({
      key: `${a.sku}/${w.warehouseCode}`,
      before: { sku: a.sku, warehouseCode: w.warehouseCode, onHand: '5', bin: 'A-01-01' },
      after: { sku: a.sku, warehouseCode: w.warehouseCode, onHand: '12', bin: 'B-02-03' },
    });
    expect(await stockOf(t, a.id, w.warehouseCode)).toEqual({ onHand: 5, reserved: 0 });

    const { importId } = await commit(t, handler, w.admin, file);
    expect(await stockOf(t, a.id, w.warehouseCode)).toEqual({ onHand: 12, reserved: 0 });
    expect(await stockOf(t, a.id, other.code)).toEqual({ onHand: 3, reserved: 0 });
    const entries = await changeSet(t, importId);
    expect(entries).toMatchObject([
      {
        entity: 'stock',
        entityId: `${a.id}@${w.warehouseCode}`,
        action: 'update',
        actorId: w.admin.id,
        before: { onHand: 5, bin: 'A-01-01' },
        after: { onHand: 12, bin: 'B-02-03' },
      },
      {
        entity: 'stock',
        entityId: `${a.id}@${other.code}`,
        action: 'create',
        actorId: w.admin.id,
        before: null,
        after: { productId: a.id, warehouseCode: other.code, onHand: 3, reserved: 0, bin: 'C-1' },
      },
    ]);
    expect(actions(await dryRun(t, handler, w.admin, file))).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('leaves a missing column as it is: a file of bins keeps the counts', async () => {
    const product = await createProduct(t);
    await t.http
      .put(`/api/stock/${product.id}/${w.warehouseCode}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 9, bin: 'A-1' })
      .expect(200);
    const [plan] = (
      await commit(t, handler, w.admin, [{ sku: product.sku, warehouseCode: w.warehouseCode, bin: 'D-4' }])
    ).plans;
    expect(plan).toMatchObject({ action: 'update', after: { onHand: '9', bin: 'D-4' } });
    const [level] = (await t.dataSource.query(
      'SELECT on_hand AS "onHand", bin_location AS bin FROM stock WHERE product_id = $1 AND warehouse_code = $2',
      [product.id, w.warehouseCode],
    )) as { onHand: number; bin: string }[];
    expect(level).toEqual({ onHand: 9, bin: 'D-4' });
  });

  it('refuses what the API refuses, naming the column', async () => {
    const [product, other, third] = [await createProduct(t), await createProduct(t), await createProduct(t)];
    await t.http
      .put(`/api/stock/${product.id}/${w.warehouseCode}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 10 })
      .expect(200);
    await t.dataSource.query('UPDATE stock SET reserved = 4 WHERE product_id = $1 AND warehouse_code = $2', [
      product.id,
      w.warehouseCode,
    ]);
    const planned = await dryRun(t, handler, w.admin, [
      { sku: product.sku, warehouseCode: w.warehouseCode, onHand: '3' },
      { sku: product.sku, warehouseCode: 'NOPE', onHand: '1' },
      { sku: 'NO-SUCH-SKU-XYZ', warehouseCode: w.warehouseCode, onHand: '1' },
      { sku: other.sku, warehouseCode: w.warehouseCode, onHand: '2.5' },
      { sku: third.sku, warehouseCode: w.warehouseCode, onHand: '' },
      { sku: third.sku, warehouseCode: other.id.slice(0, 3).toUpperCase(), bin: 'A--1' },
    ]);
    expect(actions(planned)).toEqual(['error', 'error', 'error', 'error', 'error', 'error']);
    expect(planned[0]?.errors).toEqual([
      { field: 'onHand', message: 'must be at least the reserved quantity (4)' },
    ]);
    expect(planned[1]?.errors).toEqual([{ field: 'warehouseCode', message: 'is not a known warehouse' }]);
    expect(planned[2]?.errors).toEqual([{ field: 'sku', message: 'is not a known product' }]);
    expect(planned[3]?.errors).toEqual([{ field: 'onHand', message: 'must be a whole number' }]);
    expect(planned[4]?.errors).toEqual([{ field: 'onHand', message: 'must not be empty' }]);
    expect(planned[5]?.errors).toContainEqual({ field: 'bin', message: expect.stringContaining('A-01-03') });
    // The same count through the API: refused just the same.
    await t.http
      .put(`/api/stock/${product.id}/${w.warehouseCode}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 3 })
      .expect(409);
  });

  it('exports in key order, and the export imports back unchanged; one edited cell is one update', async () => {
    const prefix = `RT-${w.warehouseCode}`;
    const products = [
      await createProduct(t, { sku: `${prefix}-B` }),
      await createProduct(t, { sku: `${prefix}-A` }),
    ];
    await commit(
      t,
      handler,
      w.admin,
      products.map((product, index) => ({
        sku: product.sku,
        warehouseCode: w.warehouseCode,
        onHand: String(index + 1),
        bin: index === 0 ? 'A-1' : '',
      })),
    );
    const records = await exported(handler, t, 'sku', prefix);
    expect(records).toEqual([
      { sku: `${prefix}-A`, warehouseCode: w.warehouseCode, onHand: '2', bin: '' },
      { sku: `${prefix}-B`, warehouseCode: w.warehouseCode, onHand: '1', bin: 'A-1' },
    ]);
    expect(actions(await dryRun(t, handler, w.admin, records))).toEqual(['unchanged', 'unchanged']);
    const edited = records.map((record, index) => (index === 1 ? { ...record, onHand: '40' } : record));
    expect(actions(await dryRun(t, handler, w.admin, edited))).toEqual(['unchanged', 'update']);
  });

  it('shows a new count in the catalog on the very next read', async () => {
    const product = await createProduct(t);
    const available = async () => {
      const page = (await t.http.get(`/api/products?search=${product.sku}`).set(bearer(w.buyer)).expect(200))
        .body as Page<Product>;
      return page.items.find((item) => item.sku === product.sku)?.available;
    };
    expect(await available()).toBe(0);
    await commit(t, handler, w.admin, [{ sku: product.sku, warehouseCode: w.warehouseCode, onHand: '25' }]);
    expect(await available()).toBe(25);
  });
});
