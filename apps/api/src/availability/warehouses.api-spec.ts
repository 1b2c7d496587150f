import {
  bearer,
  createProduct,
  createWarehouse,
  createWorld,
  uniqueTag,
  World,
} from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** The only spec that moves the default warehouse, so what it asserts about the default holds. */
describe('warehouses', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const valid = () => ({
    code: `W${uniqueTag()}`,
    name: 'Reno DC',
    timeZone: 'America/Los_Angeles',
    cutoffTime: '15:00',
    handlingDays: 1,
    transitDays: 3,
  });

  it('admins add a warehouse; every internal user lists it; changes are audited', async () => {
    const body = valid();
    const created = await t.http.post('/api/warehouses').set(bearer(w.admin)).send(body).expect(201);
    expect(created.body).toEqual({ ...body, isDefault: expect.any(Boolean), version: 1 });
    expect(created.headers['etag']).toBe('"1"');
    for (const user of [w.am, w.warehouse, w.manager]) {
      const list = await t.http.get('/api/warehouses').set(bearer(user)).expect(200);
      expect(list.body).toContainEqual(expect.objectContaining({ code: body.code, timeZone: body.timeZone }));
    }
    await t.http.get(`/api/warehouses/${body.code}`).set(bearer(w.warehouse)).expect(200);
    await t.http.get('/api/warehouses').set(bearer(w.buyer)).expect(403);
    await t.http.post('/api/warehouses').set(bearer(w.warehouse)).send(valid()).expect(403);
    await t.http.post('/api/warehouses').set(bearer(w.admin)).send(body).expect(409);
    const audit = await t.http
      .get(`/api/audit?entity=warehouse&entityId=${body.code}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', after: { cutoffTime: '15:00' } });
  });

  it.each([
    ['a bad time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a time zone that is not a string', { timeZone: 5 }, 'timeZone'],
    ['a cut-off past midnight', { cutoffTime: '24:00' }, 'cutoffTime'],
    ['a cut-off without minutes', { cutoffTime: '9' }, 'cutoffTime'],
    ['negative handling days', { handlingDays: -1 }, 'handlingDays'],
    ['fractional transit days', { transitDays: 1.5 }, 'transitDays'],
    ['transit days as a string', { transitDays: '2' }, 'transitDays'],
    ['a lowercase code', { code: 'reno' }, 'code'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
  ])('refuses %s with 400 problem+json naming the field', async (_name, change, field) => {
    const response = await t.http
      .post('/api/warehouses')
      .set(bearer(w.admin))
      .send({ ...valid(), ...change })
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
  });

  it('changes settings with If-Match: a stale ETag answers 412', async () => {
    const warehouse = await createWarehouse(t);
    const path = `/api/warehouses/${warehouse.code}`;
    const read = await t.http.get(path).set(bearer(w.admin)).expect(200);
    const changed = await t.http
      .patch(path)
      .set(bearer(w.admin))
      .set('If-Match', read.headers['etag'])
      .send({ cutoffTime: '13:30', timeZone: 'europe/berlin' })
      .expect(200);
    expect(changed.body).toMatchObject({ cutoffTime: '13:30', timeZone: 'Europe/Berlin', version: 2 });
    await t.http
      .patch(path)
      .set(bearer(w.admin))
      .set('If-Match', read.headers['etag'])
      .send({ handlingDays: 2 })
      .expect(412);
    await t.http.patch(path).set(bearer(w.admin)).send({ cutoffTime: '25:00' }).expect(400);
    await t.http.patch(path).set(bearer(w.admin)).send({ code: 'OTHER' }).expect(400);
    await t.http.patch('/api/warehouses/NOPE').set(bearer(w.admin)).send({ name: 'x' }).expect(404);
    await t.http.patch(path).set(bearer(w.warehouse)).send({ name: 'x' }).expect(403);
  });

  it('keeps exactly one default: making another the default moves the flag', async () => {
    const first = await createWarehouse(t);
    const second = await createWarehouse(t);
    await t.http
      .patch(`/api/warehouses/${first.code}`)
      .set(bearer(w.admin))
      .send({ isDefault: true })
      .expect(200);
    await t.http
      .patch(`/api/warehouses/${second.code}`)
      .set(bearer(w.admin))
      .send({ isDefault: true })
      .expect(200);
    const list = (await t.http.get('/api/warehouses').set(bearer(w.admin)).expect(200)).body as {
      code: string;
      isDefault: boolean;
    }[];
    expect(list.filter((entry) => entry.isDefault).map((entry) => entry.code)).toEqual([second.code]);
    const cleared = await t.http
      .patch(`/api/warehouses/${second.code}`)
      .set(bearer(w.admin))
      .send({ isDefault: false })
      .expect(409);
    expect(cleared.body.errors).toContainEqual(expect.objectContaining({ field: 'isDefault' }));

    // Staff without an account see availability at the default warehouse.
    const product = await createProduct(t);
    const page = await t.http.get(`/api/products?search=${product.sku}`).set(bearer(w.manager)).expect(200);
    expect(page.body.items[0].availability).toMatchObject({ warehouseCode: second.code, available: 0 });
  });

  it('lets accounts name only an existing warehouse as their default', async () => {
    const warehouse = await createWarehouse(t);
    const unknown = await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ defaultWarehouseCode: 'NOWHERE' })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { field: 'defaultWarehouseCode', message: 'is not a known warehouse' },
    ]);
    const set = await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ defaultWarehouseCode: warehouse.code })
      .expect(200);
    expect(set.body.defaultWarehouseCode).toBe(warehouse.code);
    await t.http
      .post('/api/accounts')
      .set(bearer(w.admin))
      .send({ code: `A${uniqueTag()}`, name: 'New', defaultWarehouseCode: 'NOWHERE' })
      .expect(400);
  });
});
