import type { AuditEntry, CreatedChannel, ImportJob, Page, SyncResult } from '@tradecounter/contracts';
import { ProductEntity } from '../catalog/product.entity';
import { bearer, createAccount, createUser, TestUser, uniqueTag } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('ERP sync: the imports as JSON (PUT /api/sync/:kind, PUT /api/products/by-sku/:sku)', () => {
  let t: TestApp;
  let admin: TestUser;
  let buyer: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t, 'admin');
    const account = await createAccount(t);
    buyer = await createUser(t, 'buyer', account.id);
  });
  afterAll(() => t.close());

  const product = (sku: string) => t.dataSource.getRepository(ProductEntity).findOneBy({ sku });
  const row = (sku: string, listPrice: string) => ({
    sku,
    name: `Synced ${sku}`,
    category: 'Sync',
    unit: 'each',
    listPrice,
  });
  const channel = async (dataSync: boolean) =>
    (
      await t.http
        .post('/api/channels')
        .set(bearer(admin))
        .send({ name: `erp-${uniqueTag().toLowerCase()}`, dataSync })
        .expect(201)
    ).body as CreatedChannel;

  it('upserts by SKU, all or nothing, and the same rows again change nothing', async () => {
    const tag = uniqueTag();
    const rows = [row(`SY-${tag}-1`, '12.50'), row(`SY-${tag}-2`, '3.00')];
    const first = (await t.http.put('/api/sync/products').set(bearer(admin)).send({ rows }).expect(200))
      .body as SyncResult;
    expect(first.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 0 });
    expect((await product(`SY-${tag}-1`))?.listPrice).toBe('12.50');

    const again = (await t.http.put('/api/sync/products').set(bearer(admin)).send({ rows }).expect(200))
      .body as SyncResult;
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });

    // A number and a boolean are taken as a file's cells would be; a field left out is unchanged.
    const one = (
      await t.http
        .put(`/api/products/by-sku/SY-${tag}-2`)
        .set(bearer(admin))
        .send({ listPrice: '4.25', active: false })
        .expect(200)
    ).body as SyncResult;
    expect(one.rows).toEqual([expect.objectContaining({ key: `SY-${tag}-2`, action: 'update' })]);
    const changed = await product(`SY-${tag}-2`);
    expect(changed).toMatchObject({ listPrice: '4.25', active: false, name: `Synced SY-${tag}-2` });

    const history = (await t.http.get('/api/imports').set(bearer(admin)).expect(200)).body as Page<ImportJob>;
    expect(history.items.find((run) => run.id === one.importId)).toMatchObject({
      kind: 'products',
      format: 'json',
      status: 'committed',
      fileName: 'sync (API)',
    });
  });

  it('refuses a bad row naming rows[N].field, writing nothing of any row', async () => {
    const tag = uniqueTag();
    const response = await t.http
      .put('/api/sync/products')
      .set(bearer(admin))
      .send({ rows: [row(`SY-${tag}-1`, '1.00'), row(`SY-${tag}-2`, '-5')] })
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'rows[1].listPrice' })]);
    expect(await product(`SY-${tag}-1`)).toBeNull();

    const unknown = await t.http
      .put('/api/sync/products')
      .set(bearer(admin))
      .send({ rows: [{ ...row(`SY-${tag}-3`, '1.00'), colour: 'red' }] })
      .expect(400);
    expect(unknown.body.detail).toContain('colour');
    await t.http
      .put('/api/sync/products')
      .set(bearer(admin))
      .send({ rows: [{ sku: `SY-${tag}-4`, listPrice: { amount: 1 } }] })
      .expect(400);
    await t.http.put('/api/sync/products').set(bearer(admin)).send({ rows: [] }).expect(400);
    await t.http
      .put('/api/sync/nothing')
      .set(bearer(admin))
      .send({ rows: [{ a: '1' }] })
      .expect(404);
    expect(await product(`SY-${tag}-3`)).toBeNull();
  });

  it('is for admins and for integration keys with the data-sync scope, acting for their admin', async () => {
    const tag = uniqueTag();
    const rows = [row(`SY-${tag}-1`, '7.00')];
    await t.http.put('/api/sync/products').send({ rows }).expect(401);
    await t.http.put('/api/sync/products').set(bearer(buyer)).send({ rows }).expect(403);
    const ordersOnly = await channel(false);
    await t.http.put('/api/sync/products').set('X-Api-Key', ordersOnly.apiKey).send({ rows }).expect(403);
    expect(await product(`SY-${tag}-1`)).toBeNull();

    const erp = await channel(true);
    const synced = (
      await t.http.put('/api/sync/products').set('X-Api-Key', erp.apiKey).send({ rows }).expect(200)
    ).body as SyncResult;
    expect(synced.counts.create).toBe(1);
    const made = await product(`SY-${tag}-1`);
    const trail = (
      await t.http.get(`/api/audit?changeSetId=${synced.importId}`).set(bearer(admin)).expect(200)
    ).body as Page<AuditEntry>;
    expect(trail.items).toEqual([
      expect.objectContaining({ entity: 'product', entityId: made?.id, actorId: admin.id }),
    ]);
    const history = (await t.http.get('/api/imports').set(bearer(admin)).expect(200)).body as Page<ImportJob>;
    expect(history.items.find((run) => run.id === synced.importId)?.fileName).toBe(`sync via ${erp.name}`);

    await t.http.patch(`/api/channels/${erp.id}`).set(bearer(admin)).send({ dataSync: false }).expect(200);
    await t.http.put('/api/sync/products').set('X-Api-Key', erp.apiKey).send({ rows }).expect(403);
  });
});
