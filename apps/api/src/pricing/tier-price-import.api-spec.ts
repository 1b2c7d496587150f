import { bearer, createProduct, createWorld, uniqueTag, World } from '../test-support/fixtures';
import { actions, changeSet, commit, dryRun, exported } from '../test-support/import-kind-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { TierPriceImport } from './tier-price-import';

/** The `tier-prices` import kind: a tier's fixed price per SKU, as PUT .../fixed-prices/:productId sets it. */
describe('tier fixed price import', () => {
  let t: TestApp;
  let w: World;
  let handler: TierPriceImport;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    handler = t.app.get(TierPriceImport);
  });
  afterAll(() => t.close());

  async function tierWithAccount(name = `Fixed ${uniqueTag()}`) {
    const { body } = await t.http
      .post('/api/price-tiers')
      .set(bearer(w.admin))
      .send({ name, discountPercent: '10' })
      .expect(201);
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.admin))
      .send({ priceTierId: body.id })
      .expect(200);
    return { id: body.id as string, name };
  }

  const quotedPrice = async (productId: string) => {
    const { body } = await t.http
      .post('/api/pricing/quote')
      .set(bearer(w.buyer))
      .send({ lines: [{ productId, quantity: 1 }] })
      .expect(200);
    return body.lines[0].unitPrice as string;
  };

  it('creates, updates and leaves prices unchanged; a quote shows it at once; audited like the API', async () => {
    const tier = await tierWithAccount();
    const [a, b] = [
      await createProduct(t, { listPrice: '20.00' }),
      await createProduct(t, { listPrice: '30.00' }),
    ];
    await t.http
      .put(`/api/price-tiers/${tier.id}/fixed-prices/${b.id}`)
      .set(bearer(w.admin))
      .send({ unitPrice: '25' })
      .expect(200);
    const version = async () =>
      (
        (await t.dataSource.query('SELECT version FROM price_tiers WHERE id = $1', [tier.id])) as {
          version: number;
        }[]
      )[0]?.version;
    const versionBefore = await version();
    expect(await quotedPrice(a.id)).toBe('18.00');

    const file = [
      { tierName: tier.name.toUpperCase(), sku: a.sku.toLowerCase(), unitPrice: '15.5' },
      { tierName: tier.name, sku: b.sku, unitPrice: '25.00' },
    ];
    const planned = await dryRun(t, handler, w.admin, file);
    expect(actions(planned)).toEqual(['create', 'unchanged']);
    expect(planned[0]).toMatchObject({
      key: `${tier.name}/${a.sku}`,
      before: null,
      after: { tierName: tier.name, sku: a.sku, unitPrice: '15.50' },
    });
    const { importId } = await commit(t, handler, w.admin, file);
    expect(await quotedPrice(a.id)).toBe('15.50');
    expect(await version()).toBe((versionBefore ?? 0) + 1);
    expect(await changeSet(t, importId)).toEqual([
      {
        entity: 'price_tier',
        entityId: tier.id,
        action: 'update',
        actorId: w.admin.id,
        before: { fixedPrice: { productId: a.id, sku: a.sku, unitPrice: null } },
        after: { fixedPrice: { productId: a.id, sku: a.sku, unitPrice: '15.50' } },
      },
    ]);
    expect(actions(await dryRun(t, handler, w.admin, file))).toEqual(['unchanged', 'unchanged']);
    const updated = await dryRun(t, handler, w.admin, [
      { tierName: tier.name, sku: b.sku, unitPrice: '24.99' },
    ]);
    expect(updated[0]).toMatchObject({
      action: 'update',
      before: { unitPrice: '25.00' },
      after: { unitPrice: '24.99' },
    });
  });

  it('refuses what the API refuses, naming the column', async () => {
    const tier = await tierWithAccount();
    const product = await createProduct(t);
    const planned = await dryRun(t, handler, w.admin, [
      { tierName: tier.name, sku: product.sku, unitPrice: '-1' },
      { tierName: 'No such tier anywhere', sku: product.sku, unitPrice: '1' },
      { tierName: tier.name, sku: 'NO-SUCH-SKU-XYZ', unitPrice: '1' },
      { tierName: tier.name, sku: product.sku, unitPrice: '' },
    ]);
    expect(actions(planned)).toEqual(['error', 'error', 'error', 'error']);
    expect(planned[0]?.errors).toEqual([{ field: 'unitPrice', message: expect.stringContaining('1234.50') }]);
    expect(planned[1]?.errors).toEqual([{ field: 'tierName', message: 'is not a known price tier' }]);
    expect(planned[2]?.errors).toEqual([{ field: 'sku', message: 'is not a known product' }]);
    expect(planned[3]?.errors).toEqual([{ field: 'unitPrice', message: 'is required' }]);
    await t.http
      .put(`/api/price-tiers/${tier.id}/fixed-prices/${product.id}`)
      .set(bearer(w.admin))
      .send({ unitPrice: '-1' })
      .expect(400);
  });

  it('exports in key order and imports back unchanged; one edited cell is one update', async () => {
    const tier = await tierWithAccount(`Fixed RT ${uniqueTag()}`);
    const a = await createProduct(t, { sku: `FX-${uniqueTag()}-A` });
    const b = await createProduct(t, { sku: `${a.sku.slice(0, -2)}-B` });
    await commit(t, handler, w.admin, [
      { tierName: tier.name, sku: b.sku, unitPrice: '2' },
      { tierName: tier.name, sku: a.sku, unitPrice: '1.10' },
    ]);
    const records = await exported(handler, t, 'tierName', tier.name);
    expect(records).toEqual([
      { tierName: tier.name, sku: a.sku, unitPrice: '1.10' },
      { tierName: tier.name, sku: b.sku, unitPrice: '2.00' },
    ]);
    expect(actions(await dryRun(t, handler, w.admin, records))).toEqual(['unchanged', 'unchanged']);
    const edited = records.map((record, index) => (index === 0 ? { ...record, unitPrice: '1.20' } : record));
    expect(actions(await dryRun(t, handler, w.admin, edited))).toEqual(['update', 'unchanged']);
  });

  it("refuses an account manager a tier another manager's account is on, as the API does", async () => {
    const tier = await tierWithAccount();
    const product = await createProduct(t);
    const file = [{ tierName: tier.name, sku: product.sku, unitPrice: '3.00' }];
    const [theirs] = await dryRun(t, handler, w.otherAm, file);
    expect(theirs).toMatchObject({ action: 'error', errors: [{ field: 'tierName' }] });
    const [mine] = await dryRun(t, handler, w.am, file);
    expect(mine?.action).toBe('create');
    await t.http
      .put(`/api/price-tiers/${tier.id}/fixed-prices/${product.id}`)
      .set(bearer(w.otherAm))
      .send({ unitPrice: '3.00' })
      .expect(403);
  });
});
