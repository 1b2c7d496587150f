import type { Category, Page, Product } from '@tradecounter/contracts';
import { bearer, createProduct, createUser, TestUser, uniqueTag } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/**
 * The catalog's totals and category list come from product_category_counts,
 * kept by triggers on products: they must equal a direct count after every
 * kind of write (one product, a change of category or of active, a bulk sync).
 */
describe('product counts per category', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  async function direct(category: string): Promise<{ active: number; all: number }> {
    const [row] = (await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE active)::int AS active, count(*)::int AS all FROM products WHERE category = $1`,
      [category],
    )) as { active: number; all: number }[];
    return row ?? { active: 0, all: 0 };
  }

  async function listed(category: string, includeInactive = false): Promise<number> {
    const query = `category=${encodeURIComponent(category)}&pageSize=1${includeInactive ? '&includeInactive=true' : ''}`;
    return ((await t.http.get(`/api/products?${query}`).set(bearer(admin)).expect(200)).body as Page<Product>)
      .total;
  }

  async function expectCounted(category: string, active: number, all: number): Promise<void> {
    expect(await direct(category)).toEqual({ active, all });
    expect(await listed(category)).toBe(active);
    expect(await listed(category, true)).toBe(all);
    const categories = (await t.http.get('/api/categories').set(bearer(admin)).expect(200))
      .body as Category[];
    const shown = categories.find((item) => item.name === category);
    expect(shown?.productCount ?? 0).toBe(active);
  }

  it('follows creates, moves between categories, deactivation and bulk upserts', async () => {
    const tag = uniqueTag();
    const tools = `Tools ${tag}`;
    const paint = `Paint ${tag}`;
    const one = await createProduct(t, { category: tools });
    await createProduct(t, { category: tools });
    await expectCounted(tools, 2, 2);

    await t.http.patch(`/api/products/${one.id}`).set(bearer(admin)).send({ category: paint }).expect(200);
    await expectCounted(tools, 1, 1);
    await expectCounted(paint, 1, 1);

    await t.http.patch(`/api/products/${one.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await expectCounted(paint, 0, 1);
    // A price change moves no count.
    await t.http.patch(`/api/products/${one.id}`).set(bearer(admin)).send({ listPrice: '9.99' }).expect(200);
    await expectCounted(paint, 0, 1);

    const rows = Array.from({ length: 30 }, (_, i) => ({
      sku: `CC-${tag}-${i}`,
      name: `Counted ${i}`,
      category: i % 3 === 0 ? paint : tools,
      unit: 'each',
      listPrice: '1.00',
      active: i % 5 === 0 ? 'false' : 'true',
    }));
    await t.http.put('/api/sync/products').set(bearer(admin)).send({ rows }).expect(200);
    // 10 rows in paint (i = 0, 3, …, 27), of which i = 0, 15 inactive; 20 in tools, of which 5, 10, 20, 25 inactive.
    await expectCounted(paint, 8, 11);
    await expectCounted(tools, 17, 21);
  });
});
