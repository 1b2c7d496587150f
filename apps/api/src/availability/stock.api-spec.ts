import type { StockLevel } from '@tradecounter/contracts';
import { bearer, createProduct, createWarehouse, createWorld, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('stock', () => {
  let t: TestApp;
  let w: World;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    code = (await createWarehouse(t)).code;
  });
  afterAll(() => t.close());

  const put = (productId: string, onHand: unknown, user = w.warehouse, warehouse = code) =>
    t.http.put(`/api/stock/${productId}/${warehouse}`).set(bearer(user)).send({ onHand });
  /** Orders are another issue: here reservations are made as ordering will, straight in the table. */
  const reserve = (productId: string, reserved: number) =>
    t.dataSource.query('UPDATE stock SET reserved = $3 WHERE product_id = $1 AND warehouse_code = $2', [
      productId,
      code,
      reserved,
    ]);

  it('sets on hand (a count), lists levels with available, and audits the change', async () => {
    const product = await createProduct(t);
    const first = await put(product.id, 12).expect(200);
    expect(first.body).toMatchObject({
      productId: product.id,
      sku: product.sku,
      warehouseCode: code,
      onHand: 12,
      reserved: 0,
      available: 12,
      inboundQty: 0,
    });
    await reserve(product.id, 5);
    await put(product.id, 20, w.admin).expect(200);
    const list = await t.http
      .get(`/api/stock?warehouseCode=${code}&search=${product.sku}`)
      .set(bearer(w.warehouse))
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(list.body.items[0]).toMatchObject({ onHand: 20, reserved: 5, available: 15 });
    const audit = await t.http
      .get(`/api/audit?entity=stock&entityId=${product.id}@${code}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect(audit.body.items[0]).toMatchObject({ before: { onHand: 12 }, after: { onHand: 20 } });
  });

  it('shows products never stocked at a warehouse as 0 there, and filters low stock', async () => {
    const stocked = await createProduct(t);
    const never = await createProduct(t);
    await put(stocked.id, 50).expect(200);
    const rows = async (query: string) =>
      (
        (await t.http.get(`/api/stock?warehouseCode=${code}&${query}`).set(bearer(w.manager)).expect(200))
          .body.items as StockLevel[]
      ).map((row) => [row.sku, row.onHand]);
    expect(await rows(`productId=${never.id}`)).toEqual([[never.sku, 0]]);
    expect(await rows(`productId=${never.id}&lowStock=0`)).toEqual([[never.sku, 0]]);
    expect(await rows(`productId=${stocked.id}&lowStock=49`)).toEqual([]);
    expect(await rows(`productId=${stocked.id}&lowStock=50`)).toEqual([[stocked.sku, 50]]);
    const everywhere = await t.http.get(`/api/stock?productId=${never.id}`).set(bearer(w.admin)).expect(200);
    expect(everywhere.body.total).toBeGreaterThanOrEqual(1);
  });

  it('sorts by on hand or available, most first, ties by SKU', async () => {
    const levels = async (query: string) =>
      (
        (
          await t.http
            .get(`/api/stock?warehouseCode=${code}&pageSize=100&${query}`)
            .set(bearer(w.manager))
            .expect(200)
        ).body.items as StockLevel[]
      ).map((row) => row.onHand);
    const most = await levels('sort=onHand&dir=desc');
    expect(most).toEqual([...most].sort((a, b) => b - a));
    const least = (
      (
        await t.http
          .get(`/api/stock?warehouseCode=${code}&pageSize=100&sort=available`)
          .set(bearer(w.manager))
          .expect(200)
      ).body.items as StockLevel[]
    ).map((row) => row.available);
    expect(least).toEqual([...least].sort((a, b) => a - b));
    await t.http.get('/api/stock?sort=inboundQty').set(bearer(w.warehouse)).expect(400);
  });

  it('refuses on hand below what is reserved with 409', async () => {
    const product = await createProduct(t);
    await put(product.id, 10).expect(200);
    await reserve(product.id, 8);
    const refused = await put(product.id, 7).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { field: 'onHand', message: 'must be at least the reserved quantity (8)' },
    ]);
    await put(product.id, 8).expect(200);
  });

  it.each([
    ['negative', -1],
    ['fractional', 2.5],
    ['a string', '5'],
    ['null', null],
  ])('refuses an on hand that is %s with 400', async (_name, onHand) => {
    const product = await createProduct(t);
    const response = await put(product.id, onHand).expect(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'onHand' }));
  });

  it('answers 400 for bad filters and unknown fields, 404 for unknown products or warehouses', async () => {
    const product = await createProduct(t);
    await t.http.get('/api/stock?lowStock=-1').set(bearer(w.warehouse)).expect(400);
    await t.http.get('/api/stock?pageSize=101').set(bearer(w.warehouse)).expect(400);
    await t.http.get('/api/stock?colour=red').set(bearer(w.warehouse)).expect(400);
    await t.http
      .put(`/api/stock/${product.id}/${code}`)
      .set(bearer(w.warehouse))
      .send({ onHand: 1, reserved: 0 })
      .expect(400);
    await put('00000000-0000-4000-8000-000000000000', 1).expect(404);
    await put(product.id, 1, w.warehouse, 'NOWHERE').expect(404);
    await put(product.id, 1, w.warehouse, 'not-a-code').expect(404);
  });

  it('is for warehouse staff and admins: customers and sales get 403', async () => {
    const product = await createProduct(t);
    for (const user of [w.buyer, w.approver, w.am]) {
      await t.http.get('/api/stock').set(bearer(user)).expect(403);
      await put(product.id, 1, user).expect(403);
    }
    await put(product.id, 1, w.manager).expect(403);
  });

  it('never lets on hand fall below reserved under concurrent counts', async () => {
    const product = await createProduct(t);
    await put(product.id, 100).expect(200);
    await reserve(product.id, 40);
    // Twenty counts at once, half of them below what is reserved.
    const counts = Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? 10 + index : 40 + index));
    const responses = await Promise.all(counts.map((onHand) => put(product.id, onHand)));
    const accepted = counts.filter((_, index) => responses[index]?.status === 200);
    expect(responses.map((response) => response.status).sort()).toEqual([
      ...Array<number>(10).fill(200),
      ...Array<number>(10).fill(409),
    ]);
    expect(accepted.every((onHand) => onHand >= 40)).toBe(true);
    const [row] = (await t.dataSource.query(
      'SELECT on_hand AS "onHand", reserved FROM stock WHERE product_id = $1 AND warehouse_code = $2',
      [product.id, code],
    )) as { onHand: number; reserved: number }[];
    expect(row?.reserved).toBe(40);
    expect(accepted).toContain(row?.onHand);
  });

  it('maps the reserved <= on hand check to 409 should a write slip past the guard', async () => {
    const product = await createProduct(t);
    await put(product.id, 3).expect(200);
    await expect(reserve(product.id, 4)).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'stock_reserved_check' }),
    });
  });
});
