import type { TierChangePreview } from '@tradecounter/contracts';
import { bearer, createProduct } from '../../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../../test-support/order-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';

describe('a tier change preview (GET /api/accounts/:id/tier-change-preview)', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  async function tier(discountPercent: string): Promise<{ id: string; name: string }> {
    const name = `Tier ${discountPercent} ${w.mine.code}`;
    const created = await t.http
      .post('/api/price-tiers')
      .set(bearer(w.admin))
      .send({ name, discountPercent })
      .expect(201);
    return { id: created.body.id as string, name };
  }

  const url = (accountId: string, tierId?: string) =>
    `/api/accounts/${accountId}/tier-change-preview${tierId ? `?priceTierId=${tierId}` : ''}`;

  it('prices recent order lines on the present and the proposed tier, and changes nothing', async () => {
    const ten = await tier('10');
    const twenty = await tier('20');
    await t.dataSource.query('UPDATE accounts SET price_tier_id = $2 WHERE id = $1', [w.mine.id, ten.id]);
    const a = await createProduct(t, { listPrice: '10.00' });
    const b = await createProduct(t, { listPrice: '25.00' });
    for (const product of [a, b]) await setStock(t, product.id, w.warehouseCode, 100);
    const first = await placeOrder(t, w.approver, {
      lines: [{ productId: a.id, quantity: 2 }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    }).expect(201);
    const second = await placeOrder(t, w.approver, {
      lines: [
        { productId: b.id, quantity: 1 },
        { productId: a.id, quantity: 3 },
      ],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    }).expect(201);

    const preview = (await t.http.get(url(w.mine.id, twenty.id)).set(bearer(w.am)).expect(200))
      .body as TierChangePreview;
    expect(preview).toMatchObject({ accountId: w.mine.id, currentTier: ten, newTier: twenty });
    // One line per product, the newest: both from the second order. 10 % off today, 20 % off proposed.
    expect(
      preview.lines.map((l) => [
        l.orderNumber,
        l.sku,
        l.quantity,
        l.orderedUnitPrice,
        l.currentUnitPrice,
        l.newUnitPrice,
        l.change,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [second.body.number, a.sku, 3, '9.00', '9.00', '8.00', '-1.00'],
        [second.body.number, b.sku, 1, '22.50', '22.50', '20.00', '-2.50'],
      ]),
    );
    expect(preview.lines.some((l) => l.orderNumber === first.body.number)).toBe(false);

    // No tier: list prices.
    const none = (await t.http.get(url(w.mine.id)).set(bearer(w.admin)).expect(200))
      .body as TierChangePreview;
    expect(none.newTier).toBeNull();
    expect(none.lines.find((l) => l.sku === a.sku)).toMatchObject({ newUnitPrice: '10.00', change: '1.00' });

    // Nothing changed: the account is still on its tier, and is still priced by it.
    const [row] = (await t.dataSource.query('SELECT price_tier_id AS "tierId" FROM accounts WHERE id = $1', [
      w.mine.id,
    ])) as { tierId: string }[];
    expect(row?.tierId).toBe(ten.id);
    const quote = await t.http
      .post('/api/pricing/quote')
      .set(bearer(w.buyer))
      .send({ lines: [{ productId: a.id, quantity: 1 }] })
      .expect(200);
    expect(quote.body.lines[0].unitPrice).toBe('9.00');
  });

  it('is for account managers of the account and admins; an unknown tier is a 400', async () => {
    await t.http.get(url(w.theirs.id)).set(bearer(w.am)).expect(404);
    await t.http.get(url(w.mine.id)).set(bearer(w.buyer)).expect(403);
    await t.http.get(url(w.mine.id)).set(bearer(w.manager)).expect(403);
    await t.http.get(url(w.mine.id, '00000000-0000-4000-8000-000000000000')).set(bearer(w.am)).expect(400);
    await t.http
      .get(`${url(w.mine.id)}?priceTierId=nope`)
      .set(bearer(w.am))
      .expect(400);
  });
});
