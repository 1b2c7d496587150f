import { bearer, createProduct, createUser, TestUser, uniqueTag } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('catalog', () => {
  let t: TestApp;
  let admin: TestUser;
  let warehouse: TestUser;
  const category = `Gloves ${uniqueTag()}`;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t, 'admin');
    warehouse = await createUser(t, 'warehouse');
    const tag = uniqueTag();
    await createProduct(t, { sku: `NIT-${tag}-M`, name: 'Nitrile exam gloves medium', category });
    await createProduct(t, { sku: `NIT-${tag}-L`, name: 'Nitrile exam gloves large', category });
    await createProduct(t, { sku: `LTX-${tag}-M`, name: 'Latex gloves medium', category });
    await createProduct(t, {
      sku: `OLD-${tag}`,
      name: 'Discontinued nitrile gloves',
      category,
      active: false,
    });
  });
  afterAll(() => t.close());

  const list = async (query: string, user = warehouse) =>
    (await t.http.get(`/api/products?${query}`).set(bearer(user)).expect(200)).body;

  it('filters by category and pages with a total', async () => {
    const first = await list(`category=${encodeURIComponent(category)}&pageSize=2`);
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = await list(`category=${encodeURIComponent(category)}&pageSize=2&page=2`);
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
    const beyond = await list(`category=${encodeURIComponent(category)}&pageSize=2&page=9`);
    expect(beyond).toMatchObject({ items: [], total: 3 });
  });

  it('searches by every word and ranks SKU prefixes first; inactive products stay hidden', async () => {
    const words = await list(`search=nitrile%20MEDIUM&category=${encodeURIComponent(category)}`);
    expect(words.items.map((p: { name: string }) => p.name)).toEqual(['Nitrile exam gloves medium']);
    const prefix = await list(`search=ltx-&category=${encodeURIComponent(category)}`);
    expect(prefix.items[0].sku).toMatch(/^LTX-/);
    const nitrile = await list(`search=nitrile&category=${encodeURIComponent(category)}`);
    expect(nitrile.total).toBe(2);
    const withInactive = await list(
      `search=nitrile&category=${encodeURIComponent(category)}&includeInactive=true`,
      admin,
    );
    expect(withInactive.total).toBe(3);
    const wildcard = await list(`search=%25&category=${encodeURIComponent(category)}`);
    expect(wildcard.total).toBe(0);
  });

  it('sorts by name or list price in either direction; other fields are a 400', async () => {
    const inCategory = `category=${encodeURIComponent(category)}`;
    const names = async (query: string) =>
      (await list(`${inCategory}&${query}`)).items.map((p: { name: string }) => p.name);
    expect(await names('sort=name')).toEqual([
      'Latex gloves medium',
      'Nitrile exam gloves large',
      'Nitrile exam gloves medium',
    ]);
    expect(await names('sort=name&dir=desc&search=nitrile')).toEqual([
      'Nitrile exam gloves medium',
      'Nitrile exam gloves large',
    ]);
    const prices = (await list(`${inCategory}&sort=listPrice&dir=desc`)).items.map(
      (p: { listPrice: string }) => Number(p.listPrice),
    );
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    await t.http.get('/api/products?sort=unitPrice').set(bearer(warehouse)).expect(400);
  });

  it('lists categories with counts of active products', async () => {
    const categories = (await t.http.get('/api/categories').set(bearer(warehouse)).expect(200)).body;
    expect(categories).toContainEqual({ name: category, productCount: 3 });
  });

  it('admins create and change products, with money kept exact and changes audited', async () => {
    const sku = `NEW-${uniqueTag()}`;
    const created = await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({
        sku,
        name: 'Box cutter',
        category: 'Tools',
        unit: 'each',
        listPrice: '0.1',
        minOrderQty: 6,
        orderMultiple: 6,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      sku,
      listPrice: '0.10',
      minOrderQty: 6,
      orderMultiple: 6,
      active: true,
      backorderable: true,
    });
    const changed = await t.http
      .patch(`/api/products/${created.body.id}`)
      .set(bearer(admin))
      .send({ listPrice: '0.20', active: false })
      .expect(200);
    expect(changed.body).toMatchObject({ listPrice: '0.20', active: false });
    await t.http.get(`/api/products/${created.body.id}`).set(bearer(warehouse)).expect(404);
    await t.http.get(`/api/products/${created.body.id}`).set(bearer(admin)).expect(200);
    const audit = await t.http
      .get(`/api/audit?entity=product&entityId=${created.body.id}`)
      .set(bearer(admin))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      before: { listPrice: '0.10', active: true },
      after: { listPrice: '0.20', active: false },
    });
  });

  it('refuses duplicate SKUs (409) and broken pack rules (400)', async () => {
    const existing = await createProduct(t);
    await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({ sku: existing.sku, name: 'x', category: 'c', unit: 'each', listPrice: '1.00' })
      .expect(409);
    await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({
        sku: `PK-${uniqueTag()}`,
        name: 'x',
        category: 'c',
        unit: 'each',
        listPrice: '1.00',
        minOrderQty: 5,
        orderMultiple: 4,
      })
      .expect(400);
    await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({ sku: 'lower-case', name: 'x', category: 'c', unit: 'each', listPrice: '1.00' })
      .expect(400);
  });

  it('defaults minOrderQty and orderMultiple: one unit, or one pack when only the pack size is given', async () => {
    const fields = { name: 'x', category: 'c', unit: 'each', listPrice: '1.00' };
    const plain = await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({ sku: `DEF-${uniqueTag()}`, ...fields })
      .expect(201);
    expect(plain.body).toMatchObject({ minOrderQty: 1, orderMultiple: 1 });
    const packed = await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({ sku: `DEF-${uniqueTag()}`, ...fields, orderMultiple: 6 })
      .expect(201);
    expect(packed.body).toMatchObject({ minOrderQty: 6, orderMultiple: 6 });
    const minimum = await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({ sku: `DEF-${uniqueTag()}`, ...fields, minOrderQty: 3 })
      .expect(201);
    expect(minimum.body).toMatchObject({ minOrderQty: 3, orderMultiple: 1 });
  });
});
