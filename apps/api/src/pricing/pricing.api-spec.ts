import {
  bearer,
  createAccount,
  createProduct,
  createUser,
  createWorld,
  World,
} from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('pricing', () => {
  let t: TestApp;
  let w: World;
  let tierId: string;
  let etag: string;
  let product: { id: string; sku: string };
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    product = await createProduct(t, { listPrice: '12.00' });
    const created = await t.http
      .post('/api/price-tiers')
      .set(bearer(w.am))
      .send({ name: `Gold ${w.mine.code}`, discountPercent: '10' })
      .expect(201);
    tierId = created.body.id;
    etag = created.headers['etag'];
    const withBreaks = await t.http
      .put(`/api/price-tiers/${tierId}/breaks`)
      .set(bearer(w.am))
      .set('If-Match', etag)
      .send([
        { productId: null, minQty: 10, discountPercent: '5' },
        { productId: null, minQty: 50, discountPercent: '8' },
      ])
      .expect(200);
    etag = withBreaks.headers['etag'];
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ priceTierId: tierId })
      .expect(200);
  });
  afterAll(() => t.close());

  const quote = (
    user = w.buyer,
    lines: object[] = [{ productId: product.id, quantity: 10 }],
    extra: object = {},
  ) =>
    t.http
      .post('/api/pricing/quote')
      .set(bearer(user))
      .send({ lines, ...extra });

  it("quotes domain.md's Gold example with its explanation", async () => {
    const { body } = await quote().expect(200);
    expect(body).toMatchObject({
      currency: 'USD',
      accountId: w.mine.id,
      subtotal: '102.60',
      savings: '17.40',
    });
    expect(body.lines[0]).toEqual({
      productId: product.id,
      sku: product.sku,
      name: expect.any(String),
      quantity: 10,
      listPrice: '12.00',
      unitPrice: '10.26',
      lineTotal: '102.60',
      source: 'tier_discount',
      breakApplied: { minQty: 10, discountPercent: '5' },
      savings: '17.40',
      nextBreak: { minQty: 50, unitPrice: '9.94', moreQty: 40 },
      minOrderQty: 1,
      orderMultiple: 1,
    });
  });

  it('tells each quoted line its pack rules, without refusing a quantity they would refuse', async () => {
    const packed = await createProduct(t, { listPrice: '2.00', minOrderQty: 12, orderMultiple: 6 });
    const { body } = await quote(w.buyer, [{ sku: packed.sku, quantity: 15 }]).expect(200);
    // 15 is below the minimum and not whole packs: ordering refuses it, a quote still prices it.
    expect(body.lines[0]).toMatchObject({ sku: packed.sku, quantity: 15, minOrderQty: 12, orderMultiple: 6 });
  });

  it('prices the catalog and the product page for the buyer, in their tier', async () => {
    const page = await t.http.get(`/api/products?search=${product.sku}`).set(bearer(w.buyer)).expect(200);
    expect(page.body.items[0]).toMatchObject({
      unitPrice: '10.80',
      priceSource: 'tier_discount',
      savingsPerUnit: '1.20',
      nextBreak: { minQty: 10, unitPrice: '10.26', moreQty: 9 },
    });
    const detail = await t.http.get(`/api/products/${product.id}`).set(bearer(w.buyer)).expect(200);
    expect(detail.body.priceBreaks).toEqual([
      { minQty: 1, unitPrice: '10.80', source: 'tier_discount' },
      { minQty: 10, unitPrice: '10.26', source: 'tier_discount' },
      { minQty: 50, unitPrice: '9.94', source: 'tier_discount' },
    ]);
    // Another account (no tier) sees list prices; staff see no price without naming an account.
    const other = await t.http
      .get(`/api/products?search=${product.sku}`)
      .set(bearer(w.otherBuyer))
      .expect(200);
    expect(other.body.items[0]).toMatchObject({ unitPrice: '12.00', priceSource: 'list' });
    const staff = await t.http.get(`/api/products?search=${product.sku}`).set(bearer(w.manager)).expect(200);
    expect(staff.body.items[0].unitPrice).toBeUndefined();
    const forAccount = await t.http
      .get(`/api/products?search=${product.sku}&accountId=${w.mine.id}`)
      .set(bearer(w.am))
      .expect(200);
    expect(forAccount.body.items[0].unitPrice).toBe('10.80');
  });

  it('never lets a customer price as another account, and keeps staff to accounts they may read', async () => {
    const { body } = await quote(w.buyer, undefined, { accountId: w.theirs.id }).expect(200);
    expect(body.accountId).toBe(w.mine.id);
    await quote(w.am, undefined, { accountId: w.theirs.id }).expect(404);
    await t.http.get(`/api/products?accountId=${w.theirs.id}`).set(bearer(w.am)).expect(404);
  });

  it('applies a contract price inside its window only, and refuses overlapping windows', async () => {
    const set = await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${product.id}`)
      .set(bearer(w.am))
      .send({ unitPrice: '9.5', validFrom: '2027-01-01', validTo: '2027-03-31' })
      .expect(200);
    expect(set.body).toEqual([
      expect.objectContaining({
        productId: product.id,
        unitPrice: '9.50',
        validFrom: '2027-01-01',
        validTo: '2027-03-31',
      }),
    ]);
    const inside = await quote(w.buyer, [{ sku: product.sku, quantity: 100 }], { date: '2027-03-31' }).expect(
      200,
    );
    expect(inside.body.lines[0]).toMatchObject({
      unitPrice: '9.50',
      source: 'contract',
      breakApplied: null,
      nextBreak: null,
    });
    const after = await quote(w.buyer, [{ sku: product.sku, quantity: 100 }], { date: '2027-04-01' }).expect(
      200,
    );
    expect(after.body.lines[0]).toMatchObject({ unitPrice: '9.94', source: 'tier_discount' });

    await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${product.id}`)
      .set(bearer(w.am))
      .send({ unitPrice: '9.00', validFrom: '2027-03-01', validTo: null })
      .expect(409);
    await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${product.id}`)
      .set(bearer(w.am))
      .send({ unitPrice: '9.00', validFrom: '2027-05-01', validTo: '2027-04-01' })
      .expect(400);
    await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${product.id}`)
      .set(bearer(w.am))
      .send({ unitPrice: '9.00', validFrom: '2027-02-30' })
      .expect(400);
    await t.http
      .put(`/api/accounts/${w.theirs.id}/contract-prices/${product.id}`)
      .set(bearer(w.am))
      .send({ unitPrice: '1.00', validFrom: '2027-01-01' })
      .expect(404);
    await t.http
      .put(`/api/accounts/${w.mine.id}/contract-prices/${product.id}`)
      .set(bearer(w.buyer))
      .send({ unitPrice: '1.00', validFrom: '2027-01-01' })
      .expect(403);
    await t.http
      .delete(`/api/accounts/${w.mine.id}/contract-prices/${product.id}?validFrom=2027-01-01`)
      .set(bearer(w.am))
      .expect(200);
    const history = await t.http
      .get(`/api/audit?entity=contract_price&entityId=${product.id}`)
      .set(bearer(w.am))
      .expect(200);
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual(['delete', 'create']);
  });

  it('uses a tier fixed price as the base, and product-specific breaks over tier-wide ones', async () => {
    const fixed = await createProduct(t, { listPrice: '20.00' });
    let response = await t.http
      .put(`/api/price-tiers/${tierId}/fixed-prices/${fixed.id}`)
      .set(bearer(w.am))
      .send({ unitPrice: '15.00' })
      .expect(200);
    const current = (await t.http.get(`/api/price-tiers/${tierId}`).set(bearer(w.am)).expect(200)).headers[
      'etag'
    ];
    response = await t.http
      .put(`/api/price-tiers/${tierId}/breaks`)
      .set(bearer(w.am))
      .set('If-Match', current)
      .send([
        { productId: null, minQty: 10, discountPercent: '5' },
        { productId: null, minQty: 50, discountPercent: '8' },
        { productId: fixed.id, minQty: 5, discountPercent: '20' },
      ])
      .expect(200);
    expect(response.body.breaks).toHaveLength(3);
    const { body } = await quote(w.buyer, [{ productId: fixed.id, quantity: 10 }]).expect(200);
    // Fixed 15.00; its own break 5+ at 20 % applies, the tier-wide 10+ does not: 12.00.
    expect(body.lines[0]).toMatchObject({
      unitPrice: '12.00',
      source: 'tier_fixed',
      breakApplied: { minQty: 5, discountPercent: '20' },
    });
  });

  it('refuses stale or missing If-Match so two editors never overwrite each other', async () => {
    const read = await t.http.get(`/api/price-tiers/${tierId}`).set(bearer(w.am)).expect(200);
    const first = read.headers['etag'];
    const breaks = read.body.breaks.map(
      ({
        productId,
        minQty,
        discountPercent,
      }: {
        productId: string | null;
        minQty: number;
        discountPercent: string;
      }) => ({ productId, minQty, discountPercent }),
    );
    await t.http.put(`/api/price-tiers/${tierId}/breaks`).set(bearer(w.am)).send(breaks).expect(428);
    await t.http
      .put(`/api/price-tiers/${tierId}/breaks`)
      .set(bearer(w.am))
      .set('If-Match', first)
      .send([...breaks, { productId: null, minQty: 200, discountPercent: '10' }])
      .expect(200);
    const stale = await t.http
      .put(`/api/price-tiers/${tierId}/breaks`)
      .set(bearer(w.admin))
      .set('If-Match', first)
      .send(breaks);
    expect(stale.status).toBe(412);
    const after = await t.http.get(`/api/price-tiers/${tierId}`).set(bearer(w.am)).expect(200);
    expect(after.body.breaks.map((entry: { minQty: number }) => entry.minQty)).toContain(200);
    await t.http
      .patch(`/api/price-tiers/${tierId}`)
      .set(bearer(w.am))
      .set('If-Match', first)
      .send({ discountPercent: '11' })
      .expect(412);
  });

  it('validates tiers and breaks', async () => {
    const { headers } = await t.http.get(`/api/price-tiers/${tierId}`).set(bearer(w.am)).expect(200);
    const put = (body: unknown) =>
      t.http
        .put(`/api/price-tiers/${tierId}/breaks`)
        .set(bearer(w.am))
        .set('If-Match', headers['etag'])
        .send(body as object);
    const duplicate = await put([
      { productId: null, minQty: 10, discountPercent: '5' },
      { productId: null, minQty: 10, discountPercent: '6' },
    ]).expect(400);
    expect(duplicate.body.errors[0].field).toBe('[1].minQty');
    await put([{ productId: null, minQty: 0, discountPercent: '5' }]).expect(400);
    await put([{ productId: null, minQty: 5, discountPercent: '100.5' }]).expect(400);
    await put([{ productId: null, minQty: 5, discountPercent: 5 }]).expect(400);
    await put([
      { productId: '00000000-0000-4000-8000-000000000000', minQty: 5, discountPercent: '5' },
    ]).expect(400);
    await put({ not: 'an array' }).expect(400);
    await t.http
      .post('/api/price-tiers')
      .set(bearer(w.am))
      .send({ name: 'X', discountPercent: '-1' })
      .expect(400);
    await t.http
      .post('/api/price-tiers')
      .set(bearer(w.am))
      .send({ name: `Gold ${w.mine.code}`, discountPercent: '1' })
      .expect(409);
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ priceTierId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    await t.http
      .post('/api/price-tiers')
      .set(bearer(w.buyer))
      .send({ name: 'X', discountPercent: '1' })
      .expect(403);
  });

  it('refuses an empty or blank tier name, on create and on update', async () => {
    for (const name of ['', '   ', '\t']) {
      const created = await t.http
        .post('/api/price-tiers')
        .set(bearer(w.am))
        .send({ name, discountPercent: '1' })
        .expect(400);
      expect(created.body.errors).toEqual([{ field: 'name', message: 'name must not be empty' }]);
      const updated = await t.http
        .patch(`/api/price-tiers/${tierId}`)
        .set(bearer(w.am))
        .send({ name })
        .expect(400);
      expect(updated.body.errors).toEqual([{ field: 'name', message: 'name must not be empty' }]);
    }
  });

  it('validates quote lines and names the bad ones', async () => {
    const response = await quote(w.buyer, [
      { sku: 'NO-SUCH-SKU', quantity: 1 },
      { productId: product.id, quantity: 2 },
      { productId: product.id, quantity: 3 },
      { quantity: 1 },
    ]).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'lines[0].sku',
      'lines[2]',
      'lines[3]',
    ]);
    for (const quantity of [0, -1, 1.5, '1', null, 10_000_001]) {
      await quote(w.buyer, [{ productId: product.id, quantity }]).expect(400);
    }
    await quote(w.buyer, []).expect(400);
    await quote(
      w.buyer,
      Array.from({ length: 501 }, () => ({ productId: product.id, quantity: 1 })),
    ).expect(400);
  });

  it('audits tier changes with before and after', async () => {
    const history = await t.http
      .get(`/api/audit?entity=price_tier&entityId=${tierId}`)
      .set(bearer(w.admin))
      .expect(200);
    const actions = history.body.items.map((entry: { action: string }) => entry.action);
    expect(actions[actions.length - 1]).toBe('create');
    const breaksChange = history.body.items.find(
      (entry: { after: Record<string, unknown> }) => 'breaks' in entry.after,
    );
    expect(breaksChange.before.breaks).toBeDefined();
    const tierAssignment = await t.http
      .get(`/api/audit?entity=account&entityId=${w.mine.id}`)
      .set(bearer(w.am))
      .expect(200);
    expect(tierAssignment.body.items[0]).toMatchObject({
      before: { priceTierId: null },
      after: { priceTierId: tierId },
    });
  });

  it('answers the pricing routes by role', async () => {
    const account = await createAccount(t);
    const warehouse = await createUser(t, 'warehouse');
    await t.http.get('/api/price-tiers').set(bearer(warehouse)).expect(403);
    await t.http.get('/api/price-tiers').set(bearer(w.manager)).expect(200);
    await t.http.get('/api/price-tiers').expect(401);
    await t.http.get(`/api/accounts/${account.id}/contract-prices`).set(bearer(w.am)).expect(404);
    await t.http.get(`/api/accounts/${w.mine.id}/contract-prices`).set(bearer(w.buyer)).expect(403);
    await t.http.get('/api/price-tiers/00000000-0000-4000-8000-000000000000').set(bearer(w.am)).expect(404);
  });
});
