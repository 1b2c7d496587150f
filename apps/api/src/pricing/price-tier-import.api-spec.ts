import { bearer, createProduct, createWorld, uniqueTag, World } from '../test-support/fixtures';
import { actions, changeSet, commit, dryRun, exported } from '../test-support/import-kind-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { PriceTierImport } from './price-tier-import';

/**
 * The `price-tiers` import kind: a tier's fields as POST/PATCH /api/price-tiers
 * take them, one row per volume break; a tier's rows replace its break set
 * as PUT .../breaks does (untouched when the file has no break columns).
 */
describe('price tier import', () => {
  let t: TestApp;
  let w: World;
  let handler: PriceTierImport;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    handler = t.app.get(PriceTierImport);
  });
  afterAll(() => t.close());

  const breaksOf = async (tierId: string) =>
    (await t.dataSource.query(
      `SELECT p.sku, b.min_qty AS "minQty", b.discount_percent::text AS "discountPercent"
         FROM tier_breaks b LEFT JOIN products p ON p.id = b.product_id
        WHERE b.tier_id = $1 ORDER BY p.sku NULLS FIRST, b.min_qty`,
      [tierId],
    )) as { sku: string | null; minQty: number; discountPercent: string }[];

  const tierNamed = async (name: string) =>
    (
      (await t.dataSource.query(
        'SELECT id, discount_percent::text AS "discountPercent", version FROM price_tiers WHERE name = $1',
        [name],
      )) as { id: string; discountPercent: string; version: number }[]
    )[0];

  const quote = async (productId: string, quantity: number) => {
    const { body } = await t.http
      .post('/api/pricing/quote')
      .set(bearer(w.buyer))
      .send({ lines: [{ productId, quantity }] })
      .expect(200);
    return body.lines[0].unitPrice as string;
  };

  it('creates a tier with its breaks, audited as the API would (create, then the break set)', async () => {
    const product = await createProduct(t);
    const name = `Import ${uniqueTag()}`;
    const file = [
      { name, discountPercent: '10', 'break.sku': '', 'break.minQty': '10', 'break.discountPercent': '5' },
      {
        name,
        discountPercent: '10',
        'break.sku': product.sku.toLowerCase(),
        'break.minQty': '5',
        'break.discountPercent': '20',
      },
    ];
    const planned = await dryRun(t, handler, w.admin, file);
    expect(actions(planned)).toEqual(['create', 'create']);
    expect(planned[1]).toMatchObject({
      key: name,
      before: null,
      after: {
        name,
        discountPercent: '10',
        'break.sku': product.sku,
        'break.minQty': '5',
        'break.discountPercent': '20',
      },
    });
    const { importId } = await commit(t, handler, w.admin, file);
    const tier = await tierNamed(name);
    expect(tier?.discountPercent).toBe('10.00');
    expect(await breaksOf(tier?.id ?? '')).toEqual([
      { sku: null, minQty: 10, discountPercent: '5.00' },
      { sku: product.sku, minQty: 5, discountPercent: '20.00' },
    ]);
    expect(await changeSet(t, importId)).toEqual([
      {
        entity: 'price_tier',
        entityId: tier?.id,
        action: 'create',
        actorId: w.admin.id,
        before: null,
        after: { name, discountPercent: '10' },
      },
      {
        entity: 'price_tier',
        entityId: tier?.id,
        action: 'update',
        actorId: w.admin.id,
        before: { breaks: [] },
        after: {
          breaks: [
            { productId: null, minQty: 10, discountPercent: '5' },
            { productId: product.id, sku: product.sku, minQty: 5, discountPercent: '20' },
          ],
        },
      },
    ]);
    expect(actions(await dryRun(t, handler, w.admin, file))).toEqual(['unchanged', 'unchanged']);
  });

  it("replaces a tier's break set with the file's rows, and a quote prices by it at once", async () => {
    const product = await createProduct(t, { listPrice: '100.00' });
    const name = `Replace ${uniqueTag()}`;
    await commit(t, handler, w.admin, [
      { name, discountPercent: '10', 'break.minQty': '10', 'break.discountPercent': '5' },
      { name, discountPercent: '10', 'break.minQty': '50', 'break.discountPercent': '8' },
    ]);
    const tier = await tierNamed(name);
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.admin))
      .send({ priceTierId: tier?.id })
      .expect(200);
    expect(await quote(product.id, 20)).toBe('85.50');

    const file = [
      { name, discountPercent: '10', 'break.sku': '', 'break.minQty': '20', 'break.discountPercent': '6' },
      {
        name,
        discountPercent: '10',
        'break.sku': product.sku,
        'break.minQty': '20',
        'break.discountPercent': '30',
      },
    ];
    const planned = await dryRun(t, handler, w.admin, file);
    expect(actions(planned)).toEqual(['update', 'update']);
    const { importId } = await commit(t, handler, w.admin, file);
    expect(await breaksOf(tier?.id ?? '')).toEqual([
      { sku: null, minQty: 20, discountPercent: '6.00' },
      { sku: product.sku, minQty: 20, discountPercent: '30.00' },
    ]);
    expect((await tierNamed(name))?.version).toBe((tier?.version ?? 0) + 1);
    const [entry] = await changeSet(t, importId);
    expect(entry).toMatchObject({
      entity: 'price_tier',
      entityId: tier?.id,
      action: 'update',
      before: {
        breaks: [
          { productId: null, minQty: 10, discountPercent: '5' },
          { productId: null, minQty: 50, discountPercent: '8' },
        ],
      },
    });
    // List 100, tier 10% → 90, the product's own 30% break at 20 → 63.
    expect(await quote(product.id, 20)).toBe('63.00');
    expect(actions(await dryRun(t, handler, w.admin, file))).toEqual(['unchanged', 'unchanged']);

    // A tier's single row with empty break cells empties its set.
    await commit(t, handler, w.admin, [
      { name, discountPercent: '10', 'break.sku': '', 'break.minQty': '', 'break.discountPercent': '' },
    ]);
    expect(await breaksOf(tier?.id ?? '')).toEqual([]);
    expect(await quote(product.id, 20)).toBe('90.00');
  });

  it('leaves the breaks alone when the file has no break columns', async () => {
    const name = `Fields ${uniqueTag()}`;
    await commit(t, handler, w.admin, [
      { name, discountPercent: '10', 'break.minQty': '10', 'break.discountPercent': '5' },
    ]);
    const tier = await tierNamed(name);
    const planned = await dryRun(t, handler, w.admin, [
      { name: name.toLowerCase(), discountPercent: '12.5' },
    ]);
    expect(planned[0]).toMatchObject({
      action: 'update',
      key: name,
      before: { name, discountPercent: '10' },
      after: { name, discountPercent: '12.5' },
    });
    const { importId } = await commit(t, handler, w.admin, [{ name, discountPercent: '12.5' }]);
    expect((await tierNamed(name))?.discountPercent).toBe('12.50');
    expect(await breaksOf(tier?.id ?? '')).toEqual([{ sku: null, minQty: 10, discountPercent: '5.00' }]);
    expect(await changeSet(t, importId)).toMatchObject([
      { action: 'update', before: { discountPercent: '10' }, after: { discountPercent: '12.5' } },
    ]);
  });

  it('refuses what the API refuses, naming the column', async () => {
    const product = await createProduct(t);
    const [a, b, c, d] = [1, 2, 3, 4].map(() => `Bad ${uniqueTag()}`);
    const row = (name: string | undefined, fields: Record<string, string>) => ({
      name: name ?? '',
      discountPercent: '10',
      'break.sku': '',
      'break.minQty': '10',
      'break.discountPercent': '5',
      ...fields,
    });
    const planned = await dryRun(t, handler, w.admin, [
      row(a, { discountPercent: '101' }),
      row(b, {}),
      row(b, { discountPercent: '11', 'break.minQty': '20' }),
      row(c, { 'break.sku': product.sku }),
      row(c, { 'break.sku': product.sku, 'break.discountPercent': '6' }),
      row(c, { 'break.sku': 'NO-SUCH-SKU-XYZ', 'break.minQty': '0' }),
      row(d, { 'break.discountPercent': 'ten' }),
    ]);
    expect(actions(planned)).toEqual(['error', 'create', 'error', 'create', 'error', 'error', 'error']);
    expect(planned[0]?.errors).toEqual([
      { field: 'discountPercent', message: expect.stringContaining('percentage') },
    ]);
    expect(planned[2]?.errors).toEqual([
      { field: 'discountPercent', message: 'differs from row 3 of the same tier' },
    ]);
    expect(planned[4]?.errors).toEqual([
      { field: 'break.minQty', message: 'repeats the break at 10 of row 5' },
    ]);
    expect(planned[5]?.errors).toEqual([
      { field: 'break.sku', message: 'is not a known product' },
      { field: 'break.minQty', message: expect.stringContaining('less than 1') },
    ]);
    expect(planned[6]?.errors).toEqual([
      { field: 'break.discountPercent', message: expect.stringContaining('percentage') },
    ]);
    const [decimal] = await dryRun(t, handler, w.admin, [
      row(`Qty ${uniqueTag()}`, { 'break.minQty': '12.0' }),
    ]);
    expect(decimal?.errors).toEqual([{ field: 'break.minQty', message: 'must be a whole number' }]);
    // A new tier needs its discount.
    const missing = await dryRun(t, handler, w.admin, [{ name: `New ${uniqueTag()}` }]);
    expect(missing[0]?.errors).toEqual([{ field: 'discountPercent', message: expect.any(String) }]);
  });

  it('exports a row per break (one empty row for a tier without) and imports back unchanged', async () => {
    const prefix = `Round ${uniqueTag()}`;
    const product = await createProduct(t);
    await commit(t, handler, w.admin, [
      { name: `${prefix} B`, discountPercent: '7.5', 'break.minQty': '', 'break.discountPercent': '' },
      {
        name: `${prefix} A`,
        discountPercent: '10',
        'break.sku': product.sku,
        'break.minQty': '5',
        'break.discountPercent': '12',
      },
      {
        name: `${prefix} A`,
        discountPercent: '10',
        'break.sku': '',
        'break.minQty': '10',
        'break.discountPercent': '5',
      },
    ]);
    const records = await exported(handler, t, 'name', prefix);
    expect(records).toEqual([
      {
        name: `${prefix} A`,
        discountPercent: '10',
        'break.sku': '',
        'break.minQty': '10',
        'break.discountPercent': '5',
      },
      {
        name: `${prefix} A`,
        discountPercent: '10',
        'break.sku': product.sku,
        'break.minQty': '5',
        'break.discountPercent': '12',
      },
      {
        name: `${prefix} B`,
        discountPercent: '7.5',
        'break.sku': '',
        'break.minQty': '',
        'break.discountPercent': '',
      },
    ]);
    expect(actions(await dryRun(t, handler, w.admin, records))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    const edited = records.map((record, index) =>
      index === 2 ? { ...record, discountPercent: '8' } : record,
    );
    expect(actions(await dryRun(t, handler, w.admin, edited))).toEqual(['unchanged', 'unchanged', 'update']);
  });

  it("refuses an account manager a tier another manager's account is on, as the API does", async () => {
    const name = `Owned ${uniqueTag()}`;
    await commit(t, handler, w.admin, [{ name, discountPercent: '10' }]);
    const tier = await tierNamed(name);
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.admin))
      .send({ priceTierId: tier?.id })
      .expect(200);
    const file = [{ name, discountPercent: '11' }];
    const [theirs] = await dryRun(t, handler, w.otherAm, file);
    expect(theirs).toMatchObject({ action: 'error', errors: [{ field: 'name' }] });
    expect((await dryRun(t, handler, w.am, file))[0]?.action).toBe('update');
  });
});
