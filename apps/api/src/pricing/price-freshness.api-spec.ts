import { bearer, createProduct, createWorld, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/**
 * Display prices come from a short-lived per-account cache (PriceCalculator);
 * every change made through the API must still show on the very next read.
 */
describe('prices after a change', () => {
  let t: TestApp;
  let w: World;
  let product: { id: string };
  let tierId: string;
  let etag: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    product = await createProduct(t, { listPrice: '20.00' });
    const tier = await t.http
      .post('/api/price-tiers')
      .set(bearer(w.am))
      .send({ name: `Fresh ${w.mine.code}`, discountPercent: '10' })
      .expect(201);
    tierId = tier.body.id;
    etag = tier.headers['etag'];
  });
  afterAll(() => t.close());

  const unitPrice = async (quantity = 1) => {
    const { body } = await t.http
      .post('/api/pricing/quote')
      .set(bearer(w.buyer))
      .send({ lines: [{ productId: product.id, quantity }] })
      .expect(200);
    return body.lines[0].unitPrice as string;
  };
  const catalogPrice = async () => {
    const { body } = await t.http.get(`/api/products/${product.id}`).set(bearer(w.buyer)).expect(200);
    return body.unitPrice as string;
  };

  it('shows a tier assignment, a tier discount, a break and a contract price at once', async () => {
    expect(await unitPrice()).toBe('20.00'); // no tier yet: list

    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ priceTierId: tierId })
      .expect(200);
    expect(await unitPrice()).toBe('18.00'); // 10 % off

    const patched = await t.http
      .patch(`/api/price-tiers/${tierId}`)
      .set(bearer(w.am))
      .set('If-Match', etag)
      .send({ discountPercent: '25' })
      .expect(200);
    etag = patched.headers['etag'];
    expect(await catalogPrice()).toBe('15.00');

    await t.http
      .put(`/api/price-tiers/${tierId}/breaks`)
      .set(bearer(w.am))
      .set('If-Match', etag)
      .send([{ productId: product.id, minQty: 10, discountPercent: '10' }])
      .expect(200);
    expect(await unitPrice(10)).toBe('13.50'); // 15.00 less 10 %

    await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${product.id}`)
      .set(bearer(w.am))
      .send({ unitPrice: '11.11', validFrom: '2000-01-01', validTo: null })
      .expect(200);
    expect(await unitPrice(10)).toBe('11.11');
    expect(await catalogPrice()).toBe('11.11');

    await t.http
      .delete(`/api/accounts/${w.mine.id}/contract-prices/${product.id}`)
      .set(bearer(w.am))
      .expect(200);
    expect(await catalogPrice()).toBe('15.00');
  });
});
