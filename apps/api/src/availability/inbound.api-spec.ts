import type { Inbound } from '@tradecounter/contracts';
import { bearer, createProduct, createWarehouse, createWorld, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('inbound supply', () => {
  let t: TestApp;
  let w: World;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    code = (await createWarehouse(t)).code;
  });
  afterAll(() => t.close());

  const expect_ = (productId: string, qty = 10, expectedDate = '2027-03-10', user = w.warehouse) =>
    t.http.post('/api/inbound').set(bearer(user)).send({ productId, warehouseCode: code, qty, expectedDate });
  /** Allocations belong to ordering: here they are made as it will, straight in the table. */
  const allocate = (id: string, allocated: number) =>
    t.dataSource.query('UPDATE inbound SET allocated = $2 WHERE id = $1', [id, allocated]);
  const stockOf = async (productId: string) =>
    (
      (await t.dataSource.query(
        'SELECT on_hand AS "onHand", reserved FROM stock WHERE product_id = $1 AND warehouse_code = $2',
        [productId, code],
      )) as { onHand: number; reserved: number }[]
    )[0];

  it('adds a receipt, lists it, and changes it while expected', async () => {
    const product = await createProduct(t);
    const created = await expect_(product.id).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      productId: product.id,
      sku: product.sku,
      name: product.name,
      warehouseCode: code,
      qty: 10,
      allocated: 0,
      expectedDate: '2027-03-10',
      status: 'expected',
      receivedAt: null,
      version: 1,
      // Entered by hand: no purchase order owns it.
      purchaseOrderId: null,
      purchaseOrderNumber: null,
    });
    const id = created.body.id as string;
    const changed = await t.http
      .patch(`/api/inbound/${id}`)
      .set(bearer(w.warehouse))
      .set('If-Match', created.headers['etag'])
      .send({ qty: 12, expectedDate: '2027-03-12' })
      .expect(200);
    expect(changed.body).toMatchObject({ qty: 12, expectedDate: '2027-03-12', version: 2 });
    await t.http
      .patch(`/api/inbound/${id}`)
      .set(bearer(w.warehouse))
      .set('If-Match', created.headers['etag'])
      .send({ qty: 13 })
      .expect(412);
    const list = await t.http
      .get(`/api/inbound?productId=${product.id}&status=expected`)
      .set(bearer(w.manager))
      .expect(200);
    expect(list.body.items.map((item: Inbound) => item.id)).toEqual([id]);
    const one = await t.http.get(`/api/inbound/${id}`).set(bearer(w.warehouse)).expect(200);
    expect(one.body).toMatchObject({ id, qty: 12 });
    expect(one.headers['etag']).toBe('"2"');
    await t.http.get('/api/inbound/not-an-id').set(bearer(w.warehouse)).expect(404);
    const audit = await t.http
      .get(`/api/audit?entity=inbound&entityId=${id}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      before: { qty: 10, expectedDate: '2027-03-10' },
      after: { qty: 12, expectedDate: '2027-03-12' },
    });
  });

  it.each([
    ['a zero quantity', { qty: 0 }, 'qty'],
    ['a fractional quantity', { qty: 1.5 }, 'qty'],
    ['an impossible date', { expectedDate: '2027-02-30' }, 'expectedDate'],
    ['a date with a time', { expectedDate: '2027-03-10T00:00:00Z' }, 'expectedDate'],
    ['an unknown field', { allocated: 3 }, 'allocated'],
    ['an unknown product', { productId: '00000000-0000-4000-8000-000000000000' }, 'productId'],
    ['an unknown warehouse', { warehouseCode: 'NOWHERE' }, 'warehouseCode'],
  ])('refuses %s with 400 naming the field', async (_name, change, field) => {
    const product = await createProduct(t);
    const response = await t.http
      .post('/api/inbound')
      .set(bearer(w.warehouse))
      .send({ productId: product.id, warehouseCode: code, qty: 5, expectedDate: '2027-03-10', ...change })
      .expect(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
  });

  it('never lowers a receipt below what is promised, nor cancels a promised one (409)', async () => {
    const product = await createProduct(t);
    const id = (await expect_(product.id, 10).expect(201)).body.id as string;
    await allocate(id, 6);
    await t.http.patch(`/api/inbound/${id}`).set(bearer(w.warehouse)).send({ qty: 5 }).expect(409);
    await t.http
      .patch(`/api/inbound/${id}`)
      .set(bearer(w.warehouse))
      .send({ status: 'cancelled' })
      .expect(409);
    await t.http.patch(`/api/inbound/${id}`).set(bearer(w.warehouse)).send({ qty: 6 }).expect(200);
    await t.http
      .patch(`/api/inbound/${id}`)
      .set(bearer(w.warehouse))
      .send({ status: 'received' })
      .expect(400);
  });

  it('cancels an unpromised receipt; a cancelled one changes no more', async () => {
    const product = await createProduct(t);
    const id = (await expect_(product.id).expect(201)).body.id as string;
    const cancelled = await t.http
      .patch(`/api/inbound/${id}`)
      .set(bearer(w.admin))
      .send({ status: 'cancelled' })
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await t.http.patch(`/api/inbound/${id}`).set(bearer(w.admin)).send({ qty: 3 }).expect(409);
    await t.http.post(`/api/inbound/${id}/receive`).set(bearer(w.admin)).expect(409);
  });

  it('receiving puts the units on hand and turns the promised ones into reserved stock; twice is 409', async () => {
    const product = await createProduct(t);
    await t.http
      .put(`/api/stock/${product.id}/${code}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 5 })
      .expect(200);
    const id = (await expect_(product.id, 10).expect(201)).body.id as string;
    await allocate(id, 4);
    const received = await t.http.post(`/api/inbound/${id}/receive`).set(bearer(w.warehouse)).expect(200);
    expect(received.body).toMatchObject({ status: 'received', qty: 10, allocated: 4 });
    expect(Date.parse(received.body.receivedAt)).not.toBeNaN();
    expect(await stockOf(product.id)).toEqual({ onHand: 15, reserved: 4 });
    const twice = await t.http.post(`/api/inbound/${id}/receive`).set(bearer(w.warehouse)).expect(409);
    expect(twice.body.detail).toBe('This receipt is already received');
    expect(await stockOf(product.id)).toEqual({ onHand: 15, reserved: 4 });
    const audit = await t.http
      .get(`/api/audit?entity=stock&entityId=${product.id}@${code}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      before: { onHand: 5, reserved: 0 },
      after: { onHand: 15, reserved: 4 },
    });
  });

  it('receives into a warehouse that never stocked the product', async () => {
    const product = await createProduct(t);
    const id = (await expect_(product.id, 7).expect(201)).body.id as string;
    await t.http.post(`/api/inbound/${id}/receive`).set(bearer(w.admin)).expect(200);
    expect(await stockOf(product.id)).toEqual({ onHand: 7, reserved: 0 });
  });

  it('receives once under concurrency, while counts run, and keeps reserved <= on hand', async () => {
    const product = await createProduct(t);
    await t.http
      .put(`/api/stock/${product.id}/${code}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 2 })
      .expect(200);
    const id = (await expect_(product.id, 30).expect(201)).body.id as string;
    await allocate(id, 25);
    const receives = Array.from({ length: 10 }, () =>
      t.http.post(`/api/inbound/${id}/receive`).set(bearer(w.warehouse)),
    );
    // Counts racing the receipt: each is either applied before it (then the receipt adds 30)
    // or after it (and refused when below the 25 reserved it brings).
    const counts = Array.from({ length: 10 }, (_, index) =>
      t.http
        .put(`/api/stock/${product.id}/${code}`)
        .set(bearer(w.warehouse))
        .send({ onHand: index * 5 }),
    );
    const [received, counted] = await Promise.all([Promise.all(receives), Promise.all(counts)]);
    expect(received.map((response) => response.status).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
    expect(counted.every((response) => response.status === 200 || response.status === 409)).toBe(true);
    const stock = await stockOf(product.id);
    expect(stock?.reserved).toBe(25);
    expect(stock?.onHand).toBeGreaterThanOrEqual(25);
  });

  it('is for warehouse staff and admins: customers and sales get 403', async () => {
    const product = await createProduct(t);
    const id = (await expect_(product.id).expect(201)).body.id as string;
    for (const user of [w.buyer, w.approver, w.am]) {
      await t.http.get('/api/inbound').set(bearer(user)).expect(403);
      await expect_(product.id, 1, '2027-03-10', user).expect(403);
      await t.http.patch(`/api/inbound/${id}`).set(bearer(user)).send({ qty: 2 }).expect(403);
      await t.http.post(`/api/inbound/${id}/receive`).set(bearer(user)).expect(403);
    }
    await t.http.post(`/api/inbound/${id}/receive`).set(bearer(w.manager)).expect(403);
    await t.http
      .post('/api/inbound/00000000-0000-4000-8000-000000000000/receive')
      .set(bearer(w.admin))
      .expect(404);
  });
});
