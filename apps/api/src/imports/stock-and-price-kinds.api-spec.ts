import type { ImportKindInfo, ImportResult } from '@tradecounter/contracts';
import {
  bearer,
  createAccount,
  createProduct,
  createUser,
  createWarehouse,
  TestUser,
  uniqueTag,
} from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** The stock, price-tiers, tier-prices and contract-prices kinds through the engine's routes. */
describe('imports: stock and price kinds through the engine', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  /** Commits a CSV (no dry run first) and answers the finished result. */
  async function importCsv(kind: string, csv: string): Promise<ImportResult> {
    const response = await t.http
      .post(`/api/imports/${kind}?fileName=${kind}.csv`)
      .set(bearer(admin))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect([200, 202]).toContain(response.status);
    let result = response.body as ImportResult;
    for (let i = 0; i < 300 && (result.status === 'validating' || result.status === 'committing'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      result = (await t.http.get(`/api/imports/${result.id}`).set(bearer(admin)).expect(200))
        .body as ImportResult;
    }
    return result;
  }

  const exportCsv = async (kind: string) =>
    (await t.http.get(`/api/exports/${kind}`).set(bearer(admin)).buffer(true).expect(200)).text;

  it('lists the four kinds with their columns', async () => {
    const { body } = await t.http.get('/api/imports/kinds').set(bearer(admin)).expect(200);
    const kinds = new Map((body as ImportKindInfo[]).map((info) => [info.kind, info]));
    expect(kinds.get('stock')?.columns.map((column) => column.name)).toEqual([
      'sku',
      'warehouseCode',
      'onHand',
      'bin',
    ]);
    expect(kinds.get('price-tiers')).toMatchObject({ keyDescription: 'name', childSet: 'breaks' });
    expect(kinds.get('tier-prices')?.keyDescription).toBe('tierName + sku');
    expect(kinds.get('contract-prices')?.keyDescription).toBe('accountCode + sku + validFrom');
  });

  it('stock: commits a file, a second time all unchanged, and exports it', async () => {
    const product = await createProduct(t);
    const warehouse = await createWarehouse(t);
    const csv = `sku,warehouseCode,onHand,bin\n${product.sku},${warehouse.code},14,A-02-01\n`;
    expect(await importCsv('stock', csv)).toMatchObject({
      status: 'committed',
      counts: { create: 1, update: 0, unchanged: 0, error: 0 },
    });
    expect(await importCsv('stock', csv)).toMatchObject({ counts: { create: 0, unchanged: 1 } });
    expect(await exportCsv('stock')).toContain(`${product.sku},${warehouse.code},14,A-02-01`);
  });

  it('price-tiers: a tier with its break rows, the export in the same columns', async () => {
    const product = await createProduct(t);
    const name = `Engine ${uniqueTag()}`;
    const csv =
      'name,discountPercent,break.sku,break.minQty,break.discountPercent\n' +
      `${name},10,,10,5\n` +
      `${name},10,${product.sku},5,20\n`;
    expect(await importCsv('price-tiers', csv)).toMatchObject({
      status: 'committed',
      counts: { create: 2, error: 0 },
    });
    expect(await importCsv('price-tiers', csv)).toMatchObject({ counts: { unchanged: 2 } });
    const exported = await exportCsv('price-tiers');
    expect(exported).toContain(`${name},10,,10,5`);
    expect(exported).toContain(`${name},10,${product.sku},5,20`);
  });

  it('tier-prices and contract-prices: committed, then unchanged; a row with an error commits nothing', async () => {
    const product = await createProduct(t);
    const account = await createAccount(t);
    const tier = `Engine fixed ${uniqueTag()}`;
    await importCsv('price-tiers', `name,discountPercent\n${tier},5\n`);
    const fixed = `tierName,sku,unitPrice\n${tier},${product.sku},7.25\n`;
    expect(await importCsv('tier-prices', fixed)).toMatchObject({
      status: 'committed',
      counts: { create: 1 },
    });
    expect(await importCsv('tier-prices', fixed)).toMatchObject({ counts: { unchanged: 1 } });
    expect(await exportCsv('tier-prices')).toContain(`${tier},${product.sku},7.25`);

    const contract =
      'accountCode,sku,validFrom,validTo,unitPrice\n' + `${account.code},${product.sku},2030-01-01,,6.50\n`;
    expect(await importCsv('contract-prices', contract)).toMatchObject({
      status: 'committed',
      counts: { create: 1 },
    });
    expect(await importCsv('contract-prices', contract)).toMatchObject({ counts: { unchanged: 1 } });
    expect(await exportCsv('contract-prices')).toContain(`${account.code},${product.sku},2030-01-01,,6.50`);

    const overlapping =
      'accountCode,sku,validFrom,validTo,unitPrice\n' +
      `${account.code},${product.sku},2029-01-01,,6.00\n` +
      `${account.code},${product.sku},2040-01-01,,1.00\n`;
    const refused = await t.http
      .post('/api/imports/contract-prices?fileName=c.csv')
      .set(bearer(admin))
      .set('Content-Type', 'text/csv')
      .send(overlapping);
    expect(refused.status).toBe(409);
    const [{ count }] = (await t.dataSource.query(
      'SELECT count(*)::int AS count FROM contract_prices WHERE account_id = $1',
      [account.id],
    )) as { count: number }[];
    expect(count).toBe(1);
  });
});
