import type { Inbound, Order, Page, Product } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The catalog keeps what it shows of stock for a second (CatalogSupplyCache).
 * Every change made through the API must still show on the very next read:
 * each step below reads the product first, so it is cached, then changes it.
 */
describe('catalog availability after a change', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  async function shown(sku: string) {
    const page = (await t.http.get(`/api/products?search=${sku}`).set(bearer(w.buyer)).expect(200))
      .body as Page<Product>;
    const item = page.items.find((product) => product.sku === sku);
    const detail = (await t.http.get(`/api/products/${item?.id}`).set(bearer(w.buyer)).expect(200)).body as {
      available: number;
      inbound: { qty: number }[];
    };
    expect(detail.available).toBe(item?.available);
    return {
      available: item?.available,
      incoming: detail.inbound.reduce((sum, receipt) => sum + receipt.qty, 0),
    };
  }

  it('shows stock counts, orders, cancellations and receipts at once', async () => {
    const product = await createProduct(t);
    const stockUrl = `/api/stock/${product.id}/${w.warehouseCode}`;
    expect(await shown(product.sku)).toEqual({ available: 0, incoming: 0 });

    await t.http.put(stockUrl).set(bearer(w.warehouse)).send({ onHand: 10 }).expect(200);
    expect(await shown(product.sku)).toEqual({ available: 10, incoming: 0 });

    const receipt = (
      await t.http
        .post('/api/inbound')
        .set(bearer(w.warehouse))
        .send({ productId: product.id, warehouseCode: w.warehouseCode, qty: 8, expectedDate: daysAhead(20) })
        .expect(201)
    ).body as Inbound;
    expect(await shown(product.sku)).toEqual({ available: 10, incoming: 8 });

    const order = (
      await placeOrder(t, w.buyer, {
        lines: [{ productId: product.id, quantity: 13 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      }).expect(201)
    ).body as Order;
    expect(await shown(product.sku)).toEqual({ available: 0, incoming: 5 });

    await t.http.patch(`/api/inbound/${receipt.id}`).set(bearer(w.warehouse)).send({ qty: 12 }).expect(200);
    expect(await shown(product.sku)).toEqual({ available: 0, incoming: 9 });

    await t.http.post(`/api/orders/${order.id}/cancel`).set(bearer(w.buyer)).send({}).expect(200);
    expect(await shown(product.sku)).toEqual({ available: 10, incoming: 12 });

    await t.http.post(`/api/inbound/${receipt.id}/receive`).set(bearer(w.warehouse)).expect(200);
    expect(await shown(product.sku)).toEqual({ available: 22, incoming: 0 });
  });
});
