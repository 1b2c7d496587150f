import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { bearer, createProduct, createWarehouse, TestUser } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/**
 * "In stock": units available now at the warehouse the catalog shows (the
 * account's default). "Bought before": on an order of the caller's own
 * account that stands.
 */
describe('catalog filters', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let category: string;
  const ids: Record<
    'stocked' | 'reservedAway' | 'elsewhere' | 'none' | 'mine' | 'theirs' | 'cancelled',
    string
  > = { stocked: '', reservedAway: '', elsewhere: '', none: '', mine: '', theirs: '', cancelled: '' };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    const first = await createProduct(t);
    category = first.category;
    const make = async () => (await createProduct(t, { category, backorderable: true })).id;
    ids.stocked = first.id;
    for (const key of ['reservedAway', 'elsewhere', 'none', 'mine', 'theirs', 'cancelled'] as const) {
      ids[key] = await make();
    }
    await setStock(t, ids.stocked, w.warehouseCode, 5);
    await setStock(t, ids.reservedAway, w.warehouseCode, 2);
    await t.dataSource.query(`UPDATE stock SET reserved = 2 WHERE product_id = $1`, [ids.reservedAway]);
    const other = await createWarehouse(t);
    await setStock(t, ids.elsewhere, other.code, 50);

    const order = (user: TestUser, productId: string, addressId: string) =>
      placeOrder(t, user, {
        lines: [{ productId, quantity: 1 }],
        shippingAddressId: addressId,
        shipComplete: false,
      }).expect(201);
    await order(w.buyer, ids.mine, w.mineAddress);
    await order(w.otherBuyer, ids.theirs, w.theirsAddress);
    const cancelled = (await order(w.buyer, ids.cancelled, w.mineAddress)).body as { id: string };
    await t.http
      .post(`/api/orders/${cancelled.id}/cancel`)
      .set(bearer(w.buyer))
      .send({ reason: 'Ordered by mistake' })
      .expect(200);
  });
  afterAll(() => t.close());

  const names = (ofIds: string[]) =>
    ofIds.map((id) => Object.entries(ids).find(([, value]) => value === id)?.[0]).sort();
  const list = async (user: TestUser, query: string) => {
    const page = (
      await t.http
        .get(`/api/products?category=${encodeURIComponent(category)}&${query}`)
        .set(bearer(user))
        .expect(200)
    ).body as { items: { id: string; available?: number }[]; total: number };
    expect(page.total).toBe(page.items.length);
    return { names: names(page.items.map((item) => item.id)), items: page.items };
  };

  it('in stock: only products with units available at the account’s warehouse, as the page shows them', async () => {
    const stocked = await list(w.buyer, 'inStock=true');
    expect(stocked.names).toEqual(['stocked']);
    expect(stocked.items.every((item) => (item.available ?? 0) > 0)).toBe(true);
    expect((await list(w.buyer, 'inStock=false')).names).toHaveLength(7);
    // Staff pricing the page for the account see the same warehouse.
    expect((await list(w.am, `inStock=true&accountId=${w.mine.id}`)).names).toEqual(['stocked']);
  });

  it('bought before: products on the caller’s own account’s standing orders, never another’s', async () => {
    expect((await list(w.buyer, 'boughtBefore=true')).names).toEqual(['mine']);
    expect((await list(w.approver, 'boughtBefore=true')).names).toEqual(['mine']);
    expect((await list(w.otherBuyer, 'boughtBefore=true')).names).toEqual(['theirs']);
    // A customer naming another account still gets only their own.
    expect((await list(w.buyer, `boughtBefore=true&accountId=${w.theirs.id}`)).names).toEqual(['mine']);
    expect((await list(w.buyer, 'boughtBefore=true&inStock=true')).names).toEqual([]);
  });

  it('bought before is for customer users: staff get a field error', async () => {
    for (const user of [w.am, w.admin, w.warehouse]) {
      const response = await t.http.get('/api/products?boughtBefore=true').set(bearer(user)).expect(400);
      expect(response.body.errors).toEqual([{ field: 'boughtBefore', message: 'is for customer users' }]);
    }
    await t.http.get('/api/products?inStock=maybe').set(bearer(w.buyer)).expect(400);
  });
});
