import { AccountEntity } from '../accounts/account.entity';
import { bearer, createAccount, createProduct, createWorld, TestUser, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** Changing a tier changes the prices of every account on it: an account manager needs them all to be theirs. */
describe('price tier ownership', () => {
  let t: TestApp;
  let w: World;
  let product: { id: string };
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    product = await createProduct(t, { listPrice: '12.00' });
  });
  afterAll(() => t.close());

  /** A new tier (no account on it, so any account manager may create and shape it) holding these accounts. */
  const tierOf = async (...accounts: { id: string }[]) => {
    const created = await t.http
      .post('/api/price-tiers')
      .set(bearer(w.am))
      .send({ name: `Tier ${Math.random().toString(36).slice(2)}`, discountPercent: '10' })
      .expect(201);
    for (const account of accounts) {
      await t.dataSource.getRepository(AccountEntity).update(account.id, { priceTierId: created.body.id });
    }
    return created.body.id as string;
  };

  /** Every way of changing a tier, as this user. */
  const changes = (user: TestUser, id: string) => [
    () => t.http.patch(`/api/price-tiers/${id}`).set(bearer(user)).send({ discountPercent: '11' }),
    async () => {
      const read = await t.http.get(`/api/price-tiers/${id}`).set(bearer(user)).expect(200);
      return t.http
        .put(`/api/price-tiers/${id}/breaks`)
        .set(bearer(user))
        .set('If-Match', read.headers['etag'] as string)
        .send([{ productId: null, minQty: 10, discountPercent: '5' }]);
    },
    () =>
      t.http
        .put(`/api/price-tiers/${id}/fixed-prices/${product.id}`)
        .set(bearer(user))
        .send({ unitPrice: '9.00' }),
    () => t.http.delete(`/api/price-tiers/${id}/fixed-prices/${product.id}`).set(bearer(user)),
  ];

  it("refuses an account manager every change to a tier that holds another manager's account (403)", async () => {
    const id = await tierOf(w.mine, w.theirs);
    const before = (await t.http.get(`/api/price-tiers/${id}`).set(bearer(w.am)).expect(200)).body;
    for (const change of changes(w.am, id)) {
      const response = await change();
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 403 });
    }
    const after = (await t.http.get(`/api/price-tiers/${id}`).set(bearer(w.am)).expect(200)).body;
    expect(after).toEqual(before); // nothing changed, not even the version
  });

  it('refuses an account manager a tier holding an account no one looks after', async () => {
    const unmanaged = await createAccount(t);
    const id = await tierOf(w.mine, unmanaged);
    await t.http.patch(`/api/price-tiers/${id}`).set(bearer(w.am)).send({ name: 'Mine now' }).expect(403);
  });

  it('lets an account manager change a tier whose accounts are all theirs, or that no account is on', async () => {
    const own = await tierOf(w.mine);
    const empty = await tierOf();
    for (const id of [own, empty]) {
      for (const change of changes(w.am, id)) expect((await change()).status).toBe(200);
    }
  });

  it('lets an admin change any tier', async () => {
    const id = await tierOf(w.mine, w.theirs);
    for (const change of changes(w.admin, id)) expect((await change()).status).toBe(200);
  });

  it('sees an account moved onto the tier while the change waits for the tier (no race)', async () => {
    const id = await tierOf(w.mine);
    // Another transaction moves the other manager's account onto the tier and has not committed yet.
    const mover = t.dataSource.createQueryRunner();
    await mover.connect();
    await mover.startTransaction();
    try {
      await mover.query('UPDATE accounts SET price_tier_id = $1 WHERE id = $2', [id, w.theirs.id]);
      const change = t.http.patch(`/api/price-tiers/${id}`).set(bearer(w.am)).send({ discountPercent: '12' });
      const answered = change.then((response) => response);
      let early: number | undefined;
      void answered.then((response) => (early = response.status));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(early).toBeUndefined(); // waiting for the tier, which the move holds (its foreign key check)
      await mover.commitTransaction();
      expect((await answered).status).toBe(403);
    } finally {
      if (mover.isTransactionActive) await mover.rollbackTransaction();
      await mover.release();
    }
    const tier = (await t.http.get(`/api/price-tiers/${id}`).set(bearer(w.am)).expect(200)).body;
    expect(tier.discountPercent).toBe('10');
  });
});
