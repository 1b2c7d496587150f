import { randomUUID } from 'node:crypto';
import { bearer, createAccount, createProduct, createWorld, World } from '../test-support/fixtures';
import {
  actions,
  actorOf,
  changeSet,
  commit,
  commitInChunks,
  dryRun,
  exported,
  rowsOf,
} from '../test-support/import-kind-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { ContractPriceImport } from './contract-price-import';

/** The `contract-prices` import kind: an account's price per SKU and window, as PUT .../contract-prices sets it. */
describe('contract price import', () => {
  let t: TestApp;
  let w: World;
  let handler: ContractPriceImport;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    handler = t.app.get(ContractPriceImport);
  });
  afterAll(() => t.close());

  const quotedPrice = async (productId: string, date?: string) => {
    const { body } = await t.http
      .post('/api/pricing/quote')
      .set(bearer(w.buyer))
      .send({ lines: [{ productId, quantity: 1 }], ...(date ? { date } : {}) })
      .expect(200);
    return body.lines[0].unitPrice as string;
  };

  it('creates, updates and leaves windows unchanged; a quote shows the new price at once; audited as one change set', async () => {
    const [a, b] = [
      await createProduct(t, { listPrice: '20.00' }),
      await createProduct(t, { listPrice: '30.00' }),
    ];
    await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${a.id}`)
      .set(bearer(w.admin))
      .send({ unitPrice: '18', validFrom: '2020-01-01' })
      .expect(200);
    await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${b.id}`)
      .set(bearer(w.admin))
      .send({ unitPrice: '25.00', validFrom: '2020-01-01', validTo: '2040-12-31' })
      .expect(200);
    expect(await quotedPrice(a.id)).toBe('18.00');

    const file = [
      { accountCode: w.mine.code, sku: a.sku, validFrom: '2020-01-01', validTo: '', unitPrice: '16.5' },
      {
        accountCode: w.mine.code,
        sku: b.sku,
        validFrom: '2020-01-01',
        validTo: '2040-12-31',
        unitPrice: '25',
      },
      {
        accountCode: w.theirs.code.toLowerCase(),
        sku: a.sku,
        validFrom: '2021-06-01',
        validTo: '',
        unitPrice: '15',
      },
    ];
    const planned = await dryRun(t, handler, w.admin, file);
    expect(actions(planned)).toEqual(['update', 'unchanged', 'create']);
    expect(planned[0]).toMatchObject({
      key: `${w.mine.code}/${a.sku}/2020-01-01`,
      before: {
        accountCode: w.mine.code,
        sku: a.sku,
        validFrom: '2020-01-01',
        validTo: '',
        unitPrice: '18.00',
      },
      after: {
        accountCode: w.mine.code,
        sku: a.sku,
        validFrom: '2020-01-01',
        validTo: '',
        unitPrice: '16.50',
      },
    });

    const { importId } = await commit(t, handler, w.admin, file);
    expect(await quotedPrice(a.id)).toBe('16.50');
    expect(await changeSet(t, importId)).toEqual([
      {
        entity: 'contract_price',
        entityId: a.id,
        action: 'update',
        actorId: w.admin.id,
        before: { productId: a.id, sku: a.sku, validFrom: '2020-01-01', validTo: null, unitPrice: '18.00' },
        after: { productId: a.id, sku: a.sku, validFrom: '2020-01-01', validTo: null, unitPrice: '16.50' },
      },
      {
        entity: 'contract_price',
        entityId: a.id,
        action: 'create',
        actorId: w.admin.id,
        before: null,
        after: { productId: a.id, sku: a.sku, validFrom: '2021-06-01', validTo: null, unitPrice: '15.00' },
      },
    ]);
    expect(actions(await dryRun(t, handler, w.admin, file))).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('drops the price books again once the commit is done, so a read made while it was open is not kept', async () => {
    const product = await createProduct(t, { listPrice: '40.00' });
    const file = [
      { accountCode: w.mine.code, sku: product.sku, validFrom: '2020-01-01', unitPrice: '33.00' },
    ];
    const listed = await quotedPrice(product.id);
    await t.dataSource.transaction(async (manager) => {
      const context = { manager, actor: actorOf(w.admin), importId: randomUUID() };
      await handler.apply(await handler.plan(rowsOf(file), context), context);
      // Another request prices the product before the commit: it sees (and caches) the old price.
      expect(await quotedPrice(product.id)).toBe(listed);
    });
    expect(await quotedPrice(product.id)).toBe('33.00');
  });

  it('refuses what the API refuses: bad amounts and dates, reversed and overlapping windows, unknown names', async () => {
    const product = await createProduct(t);
    const account = await createAccount(t);
    await t.http
      .put(`/api/accounts/${account.id}/contract-prices/${product.id}`)
      .set(bearer(w.admin))
      .send({ unitPrice: '10.00', validFrom: '2030-01-01', validTo: '2030-06-30' })
      .expect(200);
    const row = (fields: Record<string, string>) => ({
      accountCode: account.code,
      sku: product.sku,
      validFrom: '2031-01-01',
      validTo: '',
      unitPrice: '9.00',
      ...fields,
    });
    const planned = await dryRun(t, handler, w.admin, [
      row({ unitPrice: '9.999' }),
      row({ validFrom: '2030-13-01' }),
      row({ validFrom: '2032-01-01', validTo: '2031-12-31' }),
      row({ validFrom: '2030-03-01', validTo: '2030-12-31' }),
      row({ accountCode: 'NO-SUCH-ACCOUNT' }),
      row({ sku: 'NO-SUCH-SKU-XYZ' }),
      row({ validFrom: '2029-01-01', validTo: '' }),
      row({ validFrom: '2035-01-01', unitPrice: '' }),
    ]);
    expect(actions(planned)).toEqual([
      'error',
      'error',
      'error',
      'error',
      'error',
      'error',
      'error',
      'error',
    ]);
    expect(planned[0]?.errors).toEqual([{ field: 'unitPrice', message: expect.stringContaining('1234.50') }]);
    expect(planned[1]?.errors).toEqual([{ field: 'validFrom', message: expect.any(String) }]);
    expect(planned[2]?.errors).toEqual([{ field: 'validTo', message: 'is before validFrom' }]);
    expect(planned[3]?.errors).toEqual([
      {
        field: 'validFrom',
        message: 'overlaps another contract price of this product (2030-01-01 to 2030-06-30)',
      },
    ]);
    expect(planned[4]?.errors).toEqual([{ field: 'accountCode', message: 'is not a known account' }]);
    expect(planned[5]?.errors).toEqual([{ field: 'sku', message: 'is not a known product' }]);
    // Open-ended from 2029: overlaps the 2030 window there is.
    expect(planned[6]?.errors[0]).toMatchObject({ field: 'validFrom' });
    expect(planned[7]?.errors).toEqual([{ field: 'unitPrice', message: 'is required' }]);
    // The API refuses the overlap alike.
    await t.http
      .put(`/api/accounts/${account.id}/contract-prices/${product.id}`)
      .set(bearer(w.admin))
      .send({ unitPrice: '9.00', validFrom: '2030-03-01', validTo: '2030-12-31' })
      .expect(409);
  });

  it('refuses two rows of the file whose windows overlap each other', async () => {
    const product = await createProduct(t);
    const account = await createAccount(t);
    const planned = await dryRun(t, handler, w.admin, [
      {
        accountCode: account.code,
        sku: product.sku,
        validFrom: '2030-01-01',
        validTo: '2030-12-31',
        unitPrice: '5',
      },
      { accountCode: account.code, sku: product.sku, validFrom: '2030-06-01', validTo: '', unitPrice: '4' },
      { accountCode: account.code, sku: product.sku, validFrom: '2031-01-01', validTo: '', unitPrice: '4' },
      { accountCode: account.code, sku: product.sku, validFrom: '2031-01-01', validTo: '', unitPrice: '3' },
    ]);
    expect(actions(planned)).toEqual(['error', 'error', 'error', 'error']);
    expect(planned[0]?.errors).toEqual([
      { field: 'validFrom', message: 'overlaps another contract price of this product (row 3)' },
    ]);
    expect(planned[3]?.errors).toEqual([
      { field: 'validFrom', message: 'overlaps another contract price of this product (row 3)' },
    ]);
  });

  it('refuses a window overlapping one an earlier chunk of the same dry run claimed', async () => {
    const product = await createProduct(t);
    const account = await createAccount(t);
    const context = {
      manager: t.dataSource.manager,
      actor: actorOf(w.admin),
      importId: randomUUID(),
      state: new Map<string, unknown>(),
    };
    const row = (row: number, validFrom: string) => ({
      row,
      values: { accountCode: account.code, sku: product.sku, validFrom, validTo: '', unitPrice: '5.00' },
    });
    expect(actions(await handler.plan([row(2, '2030-01-01')], context))).toEqual(['create']);
    const [later] = await handler.plan([row(1002, '2031-01-01')], context);
    expect(later?.errors).toEqual([
      { field: 'validFrom', message: 'overlaps another contract price of this product (row 2)' },
    ]);
  });

  it("refuses an account manager another manager's accounts", async () => {
    const product = await createProduct(t);
    const planned = await dryRun(t, handler, w.am, [
      { accountCode: w.mine.code, sku: product.sku, validFrom: '2030-01-01', unitPrice: '5' },
      { accountCode: w.theirs.code, sku: product.sku, validFrom: '2030-01-01', unitPrice: '5' },
    ]);
    expect(actions(planned)).toEqual(['create', 'error']);
    expect(planned[1]?.errors).toEqual([{ field: 'accountCode', message: 'is not a known account' }]);
  });

  it('exports in key order and imports back unchanged; one edited cell is one update', async () => {
    const account = await createAccount(t);
    const a = await createProduct(t, { sku: `CP-${account.code}-A` });
    const b = await createProduct(t, { sku: `CP-${account.code}-B` });
    await commit(t, handler, w.admin, [
      {
        accountCode: account.code,
        sku: b.sku,
        validFrom: '2030-01-01',
        validTo: '2030-12-31',
        unitPrice: '5',
      },
      { accountCode: account.code, sku: a.sku, validFrom: '2031-01-01', validTo: '', unitPrice: '4' },
      {
        accountCode: account.code,
        sku: a.sku,
        validFrom: '2030-01-01',
        validTo: '2030-12-31',
        unitPrice: '4.25',
      },
    ]);
    const records = await exported(handler, t, 'accountCode', account.code);
    expect(records.map((record) => [record['sku'], record['validFrom']])).toEqual([
      [a.sku, '2030-01-01'],
      [a.sku, '2031-01-01'],
      [b.sku, '2030-01-01'],
    ]);
    expect(records).toContainEqual({
      accountCode: account.code,
      sku: a.sku,
      validFrom: '2030-01-01',
      validTo: '2030-12-31',
      unitPrice: '4.25',
    });
    expect(actions(await dryRun(t, handler, w.admin, records))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    const edited = records.map((record, index) => (index === 2 ? { ...record, unitPrice: '1.00' } : record));
    expect(actions(await dryRun(t, handler, w.admin, edited))).toEqual(['unchanged', 'unchanged', 'update']);
  });

  it("holds a single change through the API until the import's commit ends", async () => {
    const product = await createProduct(t);
    const account = await createAccount(t);
    const file = [
      { accountCode: account.code, sku: product.sku, validFrom: '2030-01-01', unitPrice: '5.00' },
    ];
    let answered = false;
    let single: Promise<unknown> | undefined;
    await t.dataSource.transaction(async (manager) => {
      const context = { manager, actor: actorOf(w.admin), importId: randomUUID() };
      await handler.apply(await handler.plan(rowsOf(file), context), context);
      // An overlapping window through the API, while the commit is open: it must wait, then see the import's.
      single = t.http
        .put(`/api/accounts/${account.id}/contract-prices/${product.id}`)
        .set(bearer(w.admin))
        .send({ unitPrice: '4.00', validFrom: '2030-06-01' })
        .then((response) => {
          answered = true;
          return response;
        });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(answered).toBe(false);
    });
    expect(((await single) as { status: number }).status).toBe(409);
  });

  it('plans and applies 5,000 prices, chunk after chunk, in one transaction (the bench measures 20,000)', async () => {
    const tag = (await createAccount(t)).code;
    const accounts = await Promise.all(Array.from({ length: 5 }, () => createAccount(t)));
    const skus = Array.from({ length: 1_000 }, (_, index) => `BULK-${tag}-${String(index).padStart(4, '0')}`);
    await t.dataSource.query(
      `INSERT INTO products (sku, name, category, unit, list_price)
       SELECT s, s, 'Bulk', 'each', 10 FROM unnest($1::text[]) s`,
      [skus],
    );
    const records = accounts.flatMap((account) =>
      skus.map((sku, index) => ({
        accountCode: account.code,
        sku,
        validFrom: '2030-01-01',
        validTo: '',
        unitPrice: `${5 + index}.${String(index % 100).padStart(2, '0')}`,
      })),
    );
    const started = Date.now();
    await commitInChunks(t, handler, w.admin, records);
    const elapsed = Date.now() - started;
    const [{ count }] = (await t.dataSource.query(
      'SELECT count(*)::int AS count FROM contract_prices WHERE account_id = ANY($1::uuid[])',
      [accounts.map((account) => account.id)],
    )) as { count: number }[];
    expect(count).toBe(5_000);
    expect(elapsed).toBeLessThan(30_000);
    console.log(`5,000 contract prices planned and applied in ${elapsed} ms`);
  }, 60_000);
});
