import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { Response } from 'supertest';
import type { ImportResult, ImportRowDetail, Page } from '@tradecounter/contracts';
import { XLSX_CONTENT_TYPE } from '@tradecounter/contracts';
import { ProductEntity } from '../catalog/product.entity';
import {
  bearer,
  createAccount,
  createProduct,
  createUser,
  TestUser,
  uniqueTag,
} from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

const HEADER = 'sku,name,category,unit,listPrice';

/**
 * Holds `table` against writes (reads go on) from a connection of the test's
 * own, until released: a job that must write to it waits there, so the test
 * knows it is still running, whatever the machine's speed.
 */
async function lockTable(table: string): Promise<{ release: () => Promise<void> }> {
  const client = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
  return {
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

describe('imports: the engine with the products kind', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const upload = (body: string | Buffer, query = 'dryRun=true', type = 'text/csv', user = admin) =>
    t.http
      .post(`/api/imports/products?${query}&fileName=products.csv`)
      .set(bearer(user))
      .set('Content-Type', type)
      .send(body);

  const product = (sku: string) => t.dataSource.getRepository(ProductEntity).findOneBy({ sku });

  /**
   * Polls a run until its job has ended. An upload with dryRun=false passes through `validated`
   * on its way to committing: `committing` tells it to wait past that too.
   */
  async function finished(id: string, committing = false): Promise<ImportResult> {
    const running = ['validating', 'committing', ...(committing ? ['validated'] : [])];
    for (let i = 0; i < 600; i++) {
      const result = (await t.http.get(`/api/imports/${id}`).set(bearer(admin)).expect(200))
        .body as ImportResult;
      if (!running.includes(result.status)) return result;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`import ${id} never finished`);
  }

  const download = (url: string, user = admin) =>
    t.http
      .get(url)
      .set(bearer(user))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const expectProblem = (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  it('a dry run with a BOM, semicolons, CRLF and a quoted newline plans each row and writes nothing', async () => {
    const tag = uniqueTag();
    const existing = await createProduct(t, { sku: `IMP-${tag}-OLD`, listPrice: '5.00' });
    const csv =
      '\uFEFFsku;name;description;category;unit;listPrice\r\n' +
      `IMP-${tag}-A;"Gloves; nitrile";"Two\r\nlines, ""quoted""";Gloves;box;12.5\r\n` +
      `${existing.sku};${existing.name};;${existing.category};each;6\r\n` +
      `${existing.sku}-X;No price;;Gloves;box;abc\r\n` +
      '\r\n';
    const response = await upload(csv).expect(200);
    const result = response.body as ImportResult;
    expect(result).toMatchObject({
      kind: 'products',
      fileName: 'products.csv',
      format: 'csv',
      status: 'validated',
      counts: { create: 1, update: 1, unchanged: 0, error: 1 },
      progress: { done: 3, total: 3 },
    });
    // Errors first, then file order; the quoted newline does not shift the row numbers.
    expect(result.rows.map((row) => [row.row, row.action])).toEqual([
      [4, 'error'],
      [2, 'create'],
      [3, 'update'],
    ]);
    expect(result.rows[0]?.errors).toEqual([expect.objectContaining({ field: 'listPrice' })]);
    expect(await product(`IMP-${tag}-A`)).toBeNull();
    expect((await product(existing.sku))?.listPrice).toBe('5.00');

    const rows = (
      await t.http.get(`/api/imports/${result.id}/rows?action=create`).set(bearer(admin)).expect(200)
    ).body as Page<ImportRowDetail>;
    expect(rows.total).toBe(1);
    expect(rows.items[0]).toMatchObject({
      row: 2,
      key: `IMP-${tag}-A`,
      values: { name: 'Gloves; nitrile', description: 'Two\r\nlines, "quoted"', listPrice: '12.5' },
      before: null,
      after: { listPrice: '12.50', minOrderQty: '1', active: 'true', description: 'Two\r\nlines, "quoted"' },
    });
  });

  it('refuses the whole file for an unknown, duplicate or missing key column (400, run failed)', async () => {
    const unknown = await upload(`${HEADER},colour\nX-1,a,b,c,1.00,red\n`);
    expectProblem(unknown, 400);
    expect(unknown.body.detail).toBe('Unknown column: colour');
    const run = (await t.http.get(`/api/imports/${unknown.body.importId}`).set(bearer(admin)).expect(200))
      .body as ImportResult;
    expect(run).toMatchObject({ status: 'failed', failure: 'Unknown column: colour' });

    expect((await upload(`${HEADER},name\n`).expect(400)).body.detail).toBe('Duplicate column: name');
    expect((await upload('name,category\nA,B\n').expect(400)).body.detail).toBe('Missing key column: sku');
    expect((await upload('sku,,name\n').expect(400)).body.detail).toBe('Column 2 of the header has no name');
    const broken = await upload(`${HEADER}\nX-1,"never closed,b,c,1.00\n`);
    expectProblem(broken, 400);
    expect(broken.body.detail).toMatch(/^The file is not valid CSV/);
  });

  it('takes the file from a form too (one file field)', async () => {
    const tag = uniqueTag();
    const response = await t.http
      .post('/api/imports/products?dryRun=true')
      .set(bearer(admin))
      .field('note', 'before the file')
      .attach('file', Buffer.from(`${HEADER}\r\nIMP-${tag}-F,Form,Cat,box,3.00\r\n`), {
        filename: 'from-form.csv',
        contentType: 'text/csv',
      })
      .expect(200);
    expect(response.body).toMatchObject({ format: 'csv', counts: { create: 1, error: 0 } });
    expect(response.body.rows[0]).toMatchObject({ row: 2, key: `IMP-${tag}-F`, action: 'create' });
  });

  it('a row with the wrong number of cells is an error of that row', async () => {
    const tag = uniqueTag();
    const result = (
      await upload(`${HEADER}\nIMP-${tag}-1,A,B,box,1.00,extra\nIMP-${tag}-2,A,B,box,1.00\n`).expect(200)
    ).body as ImportResult;
    expect(result.rows[0]).toMatchObject({ row: 2, action: 'error' });
    expect(result.rows[0]?.errors[0]?.message).toMatch(/6 cells; the header has 5/);
    expect(result.counts).toMatchObject({ create: 1, error: 1 });
  });

  it('reads an XLSX upload (numbers, booleans, empty cells)', async () => {
    const tag = uniqueTag();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Products');
    sheet.addRow(['sku', 'name', 'category', 'unit', 'listPrice', 'minOrderQty', 'active', 'barcode']);
    sheet.addRow([`IMP-${tag}-X1`, 'Tape', 'Tape', 'roll', 12.5, 6, true, null]);
    sheet.addRow([`IMP-${tag}-X2`, 'Glue', 'Glue', 'tube', 0.1 + 0.2, 1, false, `B${tag}`]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = (await upload(file, 'dryRun=false', XLSX_CONTENT_TYPE).expect(200)).body as ImportResult;
    expect(result).toMatchObject({ status: 'committed', format: 'xlsx', counts: { create: 2, error: 0 } });
    expect(await product(`IMP-${tag}-X1`)).toMatchObject({
      listPrice: '12.50',
      minOrderQty: 6,
      active: true,
    });
    expect(await product(`IMP-${tag}-X2`)).toMatchObject({
      listPrice: '0.30',
      active: false,
      barcode: `B${tag}`,
    });
  });

  it('commits a dry run by id, audited as one change set; the same file again is all unchanged', async () => {
    const tag = uniqueTag();
    const csv = `${HEADER},barcode,caseBarcodes\nIMP-${tag}-1,One,Cat,box,1.00,BC${tag}1,CS${tag}:12\nIMP-${tag}-2,Two,Cat,box,2.00,,\n`;
    const dry = (await upload(csv).expect(200)).body as ImportResult;
    const committed = (await t.http.post(`/api/imports/${dry.id}/commit`).set(bearer(admin)).expect(200))
      .body as ImportResult;
    expect(committed).toMatchObject({ status: 'committed', counts: { create: 2 } });
    expect(committed.committedAt).not.toBeNull();
    const created = await product(`IMP-${tag}-1`);
    expect(created).toMatchObject({ name: 'One', barcode: `BC${tag}1` });

    const audit = (await t.http.get(`/api/audit?changeSetId=${dry.id}`).set(bearer(admin)).expect(200)).body;
    expect(audit.total).toBe(2);
    expect(audit.items.find((entry: { entityId: string }) => entry.entityId === created?.id)).toMatchObject({
      entity: 'product',
      action: 'create',
      changeSetId: dry.id,
      after: expect.objectContaining({ caseBarcodes: [{ code: `CS${tag}`, qty: 12 }] }),
    });

    await t.http.post(`/api/imports/${dry.id}/commit`).set(bearer(admin)).expect(409);

    const again = (await upload(csv, 'dryRun=false').expect(200)).body as ImportResult;
    expect(again).toMatchObject({
      status: 'committed',
      counts: { create: 0, update: 0, unchanged: 2, error: 0 },
    });
    const audited = (await t.http.get(`/api/audit?changeSetId=${again.id}`).set(bearer(admin)).expect(200))
      .body;
    expect(audited.total).toBe(0);
  });

  it('all or nothing: one bad row writes nothing (409 with the result), and its errors download', async () => {
    const tag = uniqueTag();
    const csv = `${HEADER},minOrderQty,orderMultiple\nIMP-${tag}-1,One,Cat,box,1.00,1,1\nIMP-${tag}-2,"=HYPERLINK(""x"")",Cat,box,1.00,5,2\n`;
    const refused = await upload(csv, 'dryRun=false');
    expectProblem(refused, 409);
    expect(refused.body.result).toMatchObject({ status: 'failed', counts: { create: 1, error: 1 } });
    expect(refused.body.result.rows[0]).toMatchObject({
      row: 3,
      errors: [{ field: 'minOrderQty', message: 'must be a multiple of orderMultiple (2)' }],
    });
    expect(await product(`IMP-${tag}-1`)).toBeNull();

    const errors = await download(`/api/imports/${refused.body.result.id}/errors.csv`).expect(200);
    expect(errors.headers['content-type']).toMatch(/^text\/csv/);
    expect((errors.body as Buffer).toString('utf8')).toBe(
      `sku,name,category,unit,listPrice,minOrderQty,orderMultiple,error\r\n` +
        `IMP-${tag}-2,"'=HYPERLINK(""x"")",Cat,box,1.00,5,2,minOrderQty: must be a multiple of orderMultiple (2)\r\n`,
    );
  });

  it('committing by id plans again: a change since the dry run answers 409 with the new result', async () => {
    const tag = uniqueTag();
    const existing = await createProduct(t, { sku: `IMP-${tag}-E`, name: 'Old name' });
    const other = await createProduct(t, { sku: `IMP-${tag}-O` });
    const csv = `sku,name,barcode\n${existing.sku},New name,BAR${tag}\n`;
    const dry = (await upload(csv).expect(200)).body as ImportResult;
    expect(dry.counts).toMatchObject({ update: 1 });
    await t.http
      .patch(`/api/products/${other.id}`)
      .set(bearer(admin))
      .send({ barcode: `BAR${tag}` })
      .expect(200);

    const refused = await t.http.post(`/api/imports/${dry.id}/commit`).set(bearer(admin));
    expectProblem(refused, 409);
    expect(refused.body.result).toMatchObject({
      id: dry.id,
      status: 'failed',
      counts: { update: 0, error: 1 },
    });
    expect(refused.body.result.rows[0].errors).toEqual([
      { field: 'barcode', message: `BAR${tag} is in use by ${other.sku}` },
    ]);
    expect(await product(existing.sku)).toMatchObject({ name: 'Old name', barcode: null });
  });

  it('the same code twice in a file is refused on the later row, as are duplicate SKUs', async () => {
    const tag = uniqueTag();
    const csv = `${HEADER},barcode\nIMP-${tag}-1,A,C,box,1.00,DUP${tag}\nIMP-${tag}-2,B,C,box,1.00,DUP${tag}\nIMP-${tag}-1,C,C,box,1.00,\n`;
    const result = (await upload(csv).expect(200)).body as ImportResult;
    expect(result.rows.filter((row) => row.action === 'error')).toEqual([
      expect.objectContaining({
        row: 3,
        errors: [{ field: 'barcode', message: `DUP${tag} is also given to IMP-${tag}-1 at row 2` }],
      }),
      expect.objectContaining({
        row: 4,
        errors: [{ field: 'sku', message: `IMP-${tag}-1 is also at row 2` }],
      }),
    ]);
  });

  it('a large file answers 202, shows progress, can be committed, and a commit can be cancelled', async () => {
    const tag = uniqueTag();
    const lines = [HEADER];
    for (let i = 0; i < 5_000; i++)
      lines.push(`IMP-${tag}-${String(i).padStart(5, '0')},Item ${i},Bulk,each,${i}.25`);
    const started = Date.now();
    // The job cannot store its first chunk while the test holds import_rows: it is still running at 1.5 s.
    const rowsHeld = await lockTable('import_rows');
    const response = await upload(lines.join('\n')).expect(202);
    await rowsHeld.release();
    expect(response.headers['location']).toBe(`/api/imports/${response.body.id}`);
    expect(response.body).toMatchObject({ status: 'validating', counts: { create: 0 } });
    const dry = await finished(response.body.id);
    const dryMs = Date.now() - started;
    expect(dry).toMatchObject({ status: 'validated', progress: { done: 5_000, total: 5_000 } });
    expect(dry.counts.create).toBe(5_000);
    expect(dry.rows).toHaveLength(200);

    // A commit asked to stop writes nothing (its first chunk waits on the test's lock on products).
    const productsHeld = await lockTable('products');
    const commit = await t.http.post(`/api/imports/${dry.id}/commit`).set(bearer(admin)).expect(202);
    await t.http.post(`/api/imports/${dry.id}/cancel`).set(bearer(admin)).expect(202);
    await productsHeld.release();
    expect(commit.body.status).toBe('committing');
    expect(await finished(dry.id)).toMatchObject({ status: 'cancelled' });
    expect(await product(`IMP-${tag}-00000`)).toBeNull();

    // A fresh upload commits them all (answered 200 or 202, as the machine's speed has it).
    const commitStarted = Date.now();
    const again = await upload(lines.join('\n'), 'dryRun=false').expect((r) =>
      expect([200, 202]).toContain(r.status),
    );
    const done = await finished(again.body.id, true);
    const commitMs = Date.now() - commitStarted;
    expect(done).toMatchObject({ status: 'committed', counts: { create: 5_000 } });
    expect(await product(`IMP-${tag}-04999`)).toMatchObject({ listPrice: '4999.25' });
    console.log(`5,000 products: dry run ${dryMs} ms; dry run + commit ${commitMs} ms`);
  }, 180_000);

  it('export → edit → import round trip is lossless; formulas are neutralised in the CSV', async () => {
    const tag = uniqueTag();
    const a = await createProduct(t, { sku: `RT-${tag}-A`, name: '=1+1 not a formula', description: 'x\ny' });
    const b = await createProduct(t, { sku: `RT-${tag}-B`, name: "'=quoted", barcode: `RTB${tag}` });
    const exported = (await download('/api/exports/products').expect(200)).body.toString('utf8') as string;
    expect(exported.startsWith('sku,name,description,category,unit,listPrice,')).toBe(true);
    expect(exported).toContain(`\r\nRT-${tag}-A,'=1+1 not a formula,"x\ny",`);
    expect(exported).toContain(`\r\nRT-${tag}-B,''=quoted,`);

    const header = exported.split('\r\n')[0];
    const rows = exported.slice(
      exported.indexOf(`RT-${tag}-A`),
      exported.indexOf('\r\n', exported.indexOf(`RT-${tag}-B`)),
    );
    const unchanged = (await upload(`${header}\r\n${rows}\r\n`).expect(200)).body as ImportResult;
    expect(unchanged.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });

    const edited = rows.replace(`RT-${tag}-B,''=quoted`, `RT-${tag}-B,Renamed`);
    const committed = (await upload(`${header}\r\n${edited}\r\n`, 'dryRun=false').expect(200))
      .body as ImportResult;
    expect(committed.counts).toEqual({ create: 0, update: 1, unchanged: 1, error: 0 });
    expect(await product(a.sku)).toMatchObject({ name: '=1+1 not a formula', description: 'x\ny' });
    expect(await product(b.sku)).toMatchObject({ name: 'Renamed', barcode: `RTB${tag}` });
    const audit = (await t.http.get(`/api/audit?changeSetId=${committed.id}`).set(bearer(admin)).expect(200))
      .body;
    expect(audit.items).toEqual([
      expect.objectContaining({ entityId: b.id, before: { name: "'=quoted" }, after: { name: 'Renamed' } }),
    ]);
  });

  it('exports XLSX too, and templates; exports are for admins and managers only', async () => {
    const tag = uniqueTag();
    await createProduct(t, { sku: `XL-${tag}`, listPrice: '7.10', name: '@risk', barcode: `0${tag}` });
    const file = (await download('/api/exports/products?format=xlsx').expect(200)).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]?.getSheetValues() as unknown[][];
    const found = rows.find((row) => row?.[1] === `XL-${tag}`);
    expect([found?.[1], found?.[2], found?.[6], found?.[13]]).toEqual([
      `XL-${tag}`,
      "'@risk",
      '7.10',
      `0${tag}`,
    ]);

    // The exported row, saved on its own, imports back unchanged.
    const mine = new ExcelJS.Workbook();
    const sheet = mine.addWorksheet('mine');
    sheet.addRow(rows[1]?.slice(1) ?? []);
    sheet.addRow(found?.slice(1) ?? []);
    const back = Buffer.from(await mine.xlsx.writeBuffer());
    const reimported = (await upload(back, 'dryRun=true', XLSX_CONTENT_TYPE).expect(200))
      .body as ImportResult;
    expect(reimported.counts).toEqual({ create: 0, update: 0, unchanged: 1, error: 0 });

    const template = (await download('/api/imports/templates/products').expect(200)).body.toString('utf8');
    expect(template.split('\r\n')[0]).toBe(
      'sku,name,description,category,unit,listPrice,minOrderQty,orderMultiple,leadTimeDays,backorderable,active,returnWindowDays,barcode,caseBarcodes',
    );
    const kinds = (await t.http.get('/api/imports/kinds').set(bearer(admin)).expect(200)).body;
    expect(kinds.map((kind: { kind: string }) => kind.kind)).toContain('products');
    await t.http.get('/api/imports/kinds-nope').set(bearer(admin)).expect(404);
    await t.http.get('/api/exports/nothing').set(bearer(admin)).expect(404);

    const manager = await createUser(t, 'manager');
    await download('/api/exports/products', manager).expect(200);
    for (const role of ['warehouse', 'account_manager'] as const) {
      await t.http
        .get('/api/exports/products')
        .set(bearer(await createUser(t, role)))
        .expect(403);
    }
    const buyer = await createUser(t, 'buyer', (await createAccount(t)).id);
    await t.http.get('/api/exports/products').set(bearer(buyer)).expect(403);
    await upload(`${HEADER}\n`, 'dryRun=true', 'text/csv', manager).expect(403);
  });
});

describe('imports: limits', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_MB: '1' });
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  it('refuses a file over IMPORT_MAX_MB with 413, another type with 415, an unknown kind with 404', async () => {
    const big = `${HEADER}\n${'X'.repeat(1024 * 1024 + 10)}\n`;
    const response = await t.http
      .post('/api/imports/products?dryRun=true')
      .set(bearer(admin))
      .set('Content-Type', 'text/csv')
      .send(big);
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http
      .post('/api/imports/nothing?dryRun=true')
      .set(bearer(admin))
      .set('Content-Type', 'text/csv')
      .send(`${HEADER}\n`)
      .expect(404);
    await t.http
      .post('/api/imports/products?dryRun=true')
      .set(bearer(admin))
      .set('Content-Type', 'image/png')
      .send(Buffer.from('not a sheet'))
      .expect(415);
  });

  it('a dry run asked to stop ends cancelled', async () => {
    const tag = uniqueTag();
    const lines = [HEADER];
    for (let i = 0; i < 3_000; i++) lines.push(`CAN-${tag}-${i},Item,Bulk,each,1.00`);
    // Its first chunk waits on the test's lock: it is surely running when asked to stop.
    const rowsHeld = await lockTable('import_rows');
    const started = await t.http
      .post('/api/imports/products?dryRun=true')
      .set(bearer(admin))
      .set('Content-Type', 'text/csv')
      .send(lines.join('\n'))
      .expect(202);
    await t.http.post(`/api/imports/${started.body.id}/cancel`).set(bearer(admin)).expect(202);
    await rowsHeld.release();
    let result: ImportResult | undefined;
    for (let i = 0; i < 300 && (!result || result.status === 'validating'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      result = (await t.http.get(`/api/imports/${started.body.id}`).set(bearer(admin)).expect(200)).body;
    }
    expect(result?.status).toBe('cancelled');
    expect(result?.progress.done).toBeLessThan(3_000);
    await t.http.post(`/api/imports/${started.body.id}/commit`).set(bearer(admin)).expect(409);
    await t.http.post(`/api/imports/${started.body.id}/cancel`).set(bearer(admin)).expect(409);
  });
});
