import type { AuditEntry } from '@tradecounter/contracts';
import { bearer, createProduct, createWorld, TestUser, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** Who may read what of the pricing trail, and what its entries say. */
describe('pricing history', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const history = (user: TestUser, query: string) => t.http.get(`/api/audit?${query}`).set(bearer(user));

  /** A tier of its own, changed once in each way: settings, breaks, a fixed price set and removed. */
  async function changedTier() {
    const product = await createProduct(t, { listPrice: '20.00' });
    const created = await t.http
      .post('/api/price-tiers')
      .set(bearer(w.admin))
      .send({ name: `History ${product.sku}`, discountPercent: '10' })
      .expect(201);
    const id = created.body.id as string;
    let etag = created.headers['etag'] as string;
    const step = async (request: ReturnType<TestApp['http']['put']>) => {
      const response = await request.set('If-Match', etag).expect(200);
      etag = response.headers['etag'] as string;
    };
    await step(t.http.patch(`/api/price-tiers/${id}`).set(bearer(w.am)).send({ discountPercent: '12.5' }));
    await step(
      t.http
        .put(`/api/price-tiers/${id}/breaks`)
        .set(bearer(w.am))
        .send([
          { productId: null, minQty: 10, discountPercent: '5' },
          { productId: product.id, minQty: 5, discountPercent: '20' },
        ]),
    );
    await step(
      t.http
        .put(`/api/price-tiers/${id}/fixed-prices/${product.id}`)
        .set(bearer(w.am))
        .send({ unitPrice: '15' }),
    );
    await step(t.http.delete(`/api/price-tiers/${id}/fixed-prices/${product.id}`).set(bearer(w.otherAm)));
    return { id, product };
  }

  it("shows a tier's whole history, newest first, to every account manager, manager and admin", async () => {
    const { id, product } = await changedTier();
    const query = `entity=price_tier&entityId=${id}`;
    const { body } = await history(w.am, query).expect(200);
    const entries = body.items as AuditEntry[];
    expect(body.total).toBe(5);
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['update', w.otherAm.id],
      ['update', w.am.id],
      ['update', w.am.id],
      ['update', w.am.id],
      ['create', w.admin.id],
    ]);
    const [removed, set, breaks, settings, created] = entries;
    expect(removed).toMatchObject({
      entity: 'price_tier',
      entityId: id,
      actorName: expect.any(String),
      before: { fixedPrice: { productId: product.id, sku: product.sku, unitPrice: '15.00' } },
      after: { fixedPrice: { productId: product.id, sku: product.sku, unitPrice: null } },
    });
    expect(set).toMatchObject({
      before: { fixedPrice: { productId: product.id, sku: product.sku, unitPrice: null } },
      after: { fixedPrice: { productId: product.id, sku: product.sku, unitPrice: '15.00' } },
    });
    expect(breaks).toMatchObject({
      before: { breaks: [] },
      after: {
        breaks: [
          { productId: null, minQty: 10, discountPercent: '5' },
          { productId: product.id, sku: product.sku, minQty: 5, discountPercent: '20' },
        ],
      },
    });
    expect(settings).toMatchObject({ before: { discountPercent: '10' }, after: { discountPercent: '12.5' } });
    expect(created).toMatchObject({ before: null, after: { name: `History ${product.sku}` } });

    // Tiers belong to no account: an account manager sees them whichever accounts they manage.
    for (const reader of [w.otherAm, w.manager, w.admin]) {
      const other = await history(reader, query).expect(200);
      expect(other.body.items.map((entry: AuditEntry) => entry.id)).toEqual(entries.map((entry) => entry.id));
    }
    // Unfiltered, an account manager's trail holds the tier too.
    const all = await history(w.otherAm, 'pageSize=100').expect(200);
    expect(all.body.items.map((entry: AuditEntry) => entry.entityId)).toContain(id);
  });

  it('never shows a tier history to customers or the warehouse', async () => {
    const { id } = await changedTier();
    for (const user of [w.buyer, w.approver, w.otherBuyer, w.warehouse]) {
      await history(user, `entity=price_tier&entityId=${id}`).expect(403);
      await history(user, `accountId=${w.mine.id}`).expect(403);
    }
    await t.http.get(`/api/audit?entity=price_tier&entityId=${id}`).expect(401);
  });

  it("still keeps account managers out of other accounts' and staff users' history", async () => {
    await t.http
      .patch(`/api/accounts/${w.theirs.id}`)
      .set(bearer(w.otherAm))
      .send({ creditLimit: '4321.00' })
      .expect(200);
    await t.http
      .patch(`/api/users/${w.warehouse.id}`)
      .set(bearer(w.admin))
      .send({ name: 'Renamed warehouse user' })
      .expect(200);
    expect((await history(w.am, `accountId=${w.theirs.id}`).expect(200)).body.total).toBe(0);
    expect((await history(w.otherAm, `accountId=${w.theirs.id}`).expect(200)).body.total).toBe(1);
    const staff = `entity=user&entityId=${w.warehouse.id}`;
    expect((await history(w.am, staff).expect(200)).body.total).toBe(0);
    expect((await history(w.admin, staff).expect(200)).body.total).toBe(1);
  });

  it('refuses an unknown entity kind', async () => {
    await history(w.admin, 'entity=price_tiers').expect(400);
  });

  it("records each contract price change with the product's SKU and the window it concerns", async () => {
    const product = await createProduct(t, { listPrice: '12.00' });
    const url = `/api/accounts/${w.mine.id}/contract-prices/${product.id}`;
    const put = (body: object) => t.http.put(url).set(bearer(w.am)).send(body).expect(200);
    await put({ unitPrice: '9.50', validFrom: '2027-01-01', validTo: '2027-03-31' });
    // Same start: the window is replaced, only its price changes.
    await put({ unitPrice: '9.00', validFrom: '2027-01-01', validTo: '2027-03-31' });
    // Same start, the end moves: both sides say which window and how its end moved.
    await put({ unitPrice: '9.00', validFrom: '2027-01-01', validTo: null });
    await t.http.delete(`${url}?validFrom=2027-01-01`).set(bearer(w.am)).expect(200);

    const { body } = await history(w.am, `entity=contract_price&entityId=${product.id}`).expect(200);
    const window = { productId: product.id, sku: product.sku, validFrom: '2027-01-01' };
    expect(body.items).toMatchObject([
      { action: 'delete', before: { ...window, unitPrice: '9.00', validTo: null }, after: null },
      {
        action: 'update',
        before: { ...window, validTo: '2027-03-31' },
        after: { ...window, validTo: null },
      },
      {
        action: 'update',
        before: { ...window, unitPrice: '9.50', validTo: '2027-03-31' },
        after: { ...window, unitPrice: '9.00', validTo: '2027-03-31' },
      },
      {
        action: 'create',
        before: null,
        after: { ...window, unitPrice: '9.50', validTo: '2027-03-31' },
      },
    ]);
    // An update that changes only the window's end keeps no unchanged price.
    expect(body.items[1].after).not.toHaveProperty('unitPrice');
    // The account's trail carries them too, for its pricing history.
    const account = await history(w.am, `accountId=${w.mine.id}&entity=contract_price`).expect(200);
    expect(account.body.items.map((entry: AuditEntry) => entry.id)).toEqual(
      body.items.map((entry: AuditEntry) => entry.id),
    );
  });
});
