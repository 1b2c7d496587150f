import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ImportKindInfo, ImportResult } from '@tradecounter/contracts';
import { bearer, createProduct, createUser, TestUser, uniqueTag } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/*
 * The accounts, suppliers and product-supply kinds through the engine over
 * HTTP: CSV files with the kinds' headers, dry runs, commits, exports, and
 * an export imported back unchanged. The kinds' rules are in their own specs.
 */
describe('imports: accounts, suppliers and product supply as files', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const csv = (records: Record<string, string>[]) => stringify(records, { header: true });
  const upload = (kind: string, body: string, dryRun = true) =>
    t.http
      .post(`/api/imports/${kind}?dryRun=${dryRun}&fileName=${kind}.csv`)
      .set(bearer(admin))
      .set('Content-Type', 'text/csv')
      .send(body);
  /** The export of a kind, only the records this test made. */
  const exported = async (kind: string, keep: (record: Record<string, string>) => boolean) => {
    const response = await t.http
      .get(`/api/exports/${kind}`)
      .set(bearer(admin))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    const records = parse(response.body as string, { columns: true, bom: true }) as Record<string, string>[];
    return records.filter(keep);
  };

  it('lists the three kinds with their columns, keys and child set', async () => {
    const kinds = (await t.http.get('/api/imports/kinds').set(bearer(admin)).expect(200))
      .body as ImportKindInfo[];
    const byKind = new Map(kinds.map((info) => [info.kind, info]));
    expect(byKind.get('accounts')).toMatchObject({ keyDescription: 'code', childSet: expect.any(String) });
    expect(byKind.get('accounts')?.columns.map((column) => column.name)).toContain('address.postcode');
    expect(
      byKind
        .get('suppliers')
        ?.columns.filter((column) => column.key)
        .map((c) => c.name),
    ).toEqual(['code']);
    expect(byKind.get('product-supply')?.columns.map((column) => column.name)).toEqual([
      'sku',
      'supplierCode',
      'supplierSku',
      'unitCost',
      'packSize',
      'safetyDays',
      'reviewDays',
    ]);
  });

  it('accounts with addresses: commit, export, and the export back is all unchanged', async () => {
    const tag = uniqueTag();
    const row = (code: string, label: string) => ({
      code,
      name: `Files ${code}`,
      creditLimit: '100',
      'address.label': label,
      'address.line1': '1 Road',
      'address.city': 'Springfield',
      'address.postcode': '62701',
      'address.country': 'US',
    });
    const file = csv([row(`FA${tag}`, 'Depot'), row(`FA${tag}`, 'Yard'), row(`FB${tag}`, 'Depot')]);
    const committed = (await upload('accounts', file, false).expect(200)).body as ImportResult;
    expect(committed).toMatchObject({ status: 'committed', counts: { create: 3, error: 0 } });
    const audit = (await t.http.get(`/api/audit?changeSetId=${committed.id}`).set(bearer(admin)).expect(200))
      .body as { total: number };
    expect(audit.total).toBe(5);

    const records = await exported('accounts', (record) => record['code']?.endsWith(tag) ?? false);
    expect(records.map((record) => [record['code'], record['address.label'], record['creditLimit']])).toEqual(
      [
        [`FA${tag}`, 'Depot', '100.00'],
        [`FA${tag}`, 'Yard', '100.00'],
        [`FB${tag}`, 'Depot', '100.00'],
      ],
    );
    const again = (await upload('accounts', csv(records)).expect(200)).body as ImportResult;
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });

    // Rows of one account apart in the file: the engine refuses the later one.
    const scattered = (await upload('accounts', csv([records[0], records[2], records[1]])).expect(200))
      .body as ImportResult;
    expect(scattered.counts.error).toBe(1);
  });

  it('suppliers and product supply: a repeated key is an error; committed, exported and back unchanged', async () => {
    const tag = uniqueTag();
    const supplier = {
      code: `FS${tag}`,
      name: 'Files supplier',
      email: 'po@files.example',
      leadTimeDays: '4',
    };
    const repeated = (await upload('suppliers', csv([supplier, supplier])).expect(200)).body as ImportResult;
    expect(repeated.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 1 });
    expect(repeated.rows[0]).toMatchObject({ row: 3, action: 'error', errors: [{ field: 'code' }] });
    await upload('suppliers', csv([supplier]), false).expect(200);

    const product = await createProduct(t);
    const supply = {
      sku: product.sku,
      supplierCode: supplier.code,
      supplierSku: 'F-1',
      unitCost: '2.5',
      packSize: '6',
    };
    const committed = (await upload('product-supply', csv([supply]), false).expect(200)).body as ImportResult;
    expect(committed).toMatchObject({ status: 'committed', counts: { create: 1 } });

    const suppliers = await exported('suppliers', (record) => record['code'] === supplier.code);
    expect(suppliers).toEqual([supplier]);
    const supplies = await exported('product-supply', (record) => record['sku'] === product.sku);
    expect(supplies).toEqual([{ ...supply, unitCost: '2.50', safetyDays: '', reviewDays: '' }]);
    expect(
      ((await upload('suppliers', csv(suppliers)).expect(200)).body as ImportResult).counts.unchanged,
    ).toBe(1);
    expect(
      ((await upload('product-supply', csv(supplies)).expect(200)).body as ImportResult).counts.unchanged,
    ).toBe(1);
  });
});
