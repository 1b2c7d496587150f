import { bearer, createWorld, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('accounts', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('an account manager changes the credit limit and the audit trail shows who, before and after', async () => {
    const response = await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ creditLimit: '2500.5', paymentTerms: 'net_45', requiresPo: true })
      .expect(200);
    expect(response.body).toMatchObject({
      creditLimit: '2500.50',
      paymentTerms: 'net_45',
      requiresPo: true,
      creditExposure: '0.00',
    });

    const history = await t.http
      .get(`/api/audit?entity=account&entityId=${w.mine.id}`)
      .set(bearer(w.am))
      .expect(200);
    expect(history.body.items[0]).toMatchObject({
      actorId: w.am.id,
      actorName: expect.any(String),
      entity: 'account',
      action: 'update',
      before: { creditLimit: '1000.00', paymentTerms: 'net_30', requiresPo: false },
      after: { creditLimit: '2500.50', paymentTerms: 'net_45', requiresPo: true },
    });
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const read = await t.http.get(`/api/accounts/${w.mine.id}`).set(bearer(w.am)).expect(200);
    const etag = read.headers['etag'];
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .set('If-Match', etag)
      .send({ name: 'First writer' })
      .expect(200);
    const stale = await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.admin))
      .set('If-Match', etag)
      .send({ name: 'Second writer' });
    expect(stale.status).toBe(412);
    const after = await t.http.get(`/api/accounts/${w.mine.id}`).set(bearer(w.am)).expect(200);
    expect(after.body.name).toBe('First writer');
  });

  it('validates changes: bad money, unknown status, unknown manager', async () => {
    for (const body of [
      { creditLimit: '-5.00' },
      { creditLimit: 100 },
      { status: 'frozen' },
      { paymentTerms: 'net_7' },
    ]) {
      await t.http.patch(`/api/accounts/${w.mine.id}`).set(bearer(w.am)).send(body).expect(400);
    }
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.admin))
      .send({ accountManagerId: w.manager.id })
      .expect(400);
    await t.http
      .patch(`/api/accounts/${w.mine.id}`)
      .set(bearer(w.am))
      .send({ accountManagerId: w.otherAm.id })
      .expect(403);
  });

  it('only an admin reassigns an account manager, and the new manager then sees it', async () => {
    const { body: created } = await t.http
      .post('/api/accounts')
      .set(bearer(w.am))
      .send({ code: `NEW${Date.now().toString(36).toUpperCase()}`, name: 'Newco', creditLimit: '100' })
      .expect(201);
    expect(created).toMatchObject({ accountManagerId: w.am.id, creditLimit: '100.00', status: 'active' });
    await t.http
      .patch(`/api/accounts/${created.id}`)
      .set(bearer(w.admin))
      .send({ accountManagerId: w.otherAm.id })
      .expect(200);
    await t.http.get(`/api/accounts/${created.id}`).set(bearer(w.am)).expect(404);
    await t.http.get(`/api/accounts/${created.id}`).set(bearer(w.otherAm)).expect(200);
  });

  it('manager and warehouse read accounts but cannot change them', async () => {
    await t.http.get(`/api/accounts/${w.theirs.id}`).set(bearer(w.manager)).expect(200);
    await t.http.get(`/api/accounts/${w.theirs.id}`).set(bearer(w.warehouse)).expect(200);
    await t.http
      .patch(`/api/accounts/${w.theirs.id}`)
      .set(bearer(w.manager))
      .send({ creditLimit: '1.00' })
      .expect(403);
  });

  it("buyers add their own account's addresses, with validation", async () => {
    const address = {
      label: 'Dock 2',
      line1: '2 Quay St',
      city: 'Porttown',
      postcode: '99999',
      country: 'US',
    };
    const created = await t.http
      .post(`/api/accounts/${w.mine.id}/addresses`)
      .set(bearer(w.buyer))
      .send(address)
      .expect(201);
    expect(created.body).toMatchObject({ ...address, accountId: w.mine.id, line2: null, region: null });
    const list = await t.http.get(`/api/accounts/${w.mine.id}/addresses`).set(bearer(w.buyer)).expect(200);
    expect(list.body.map((a: { label: string }) => a.label)).toEqual(
      expect.arrayContaining(['Dock 2', 'Head office']),
    );
    await t.http
      .post(`/api/accounts/${w.mine.id}/addresses`)
      .set(bearer(w.buyer))
      .send({ ...address, country: 'usa' })
      .expect(400);
    await t.http
      .post(`/api/accounts/${w.mine.id}/addresses`)
      .set(bearer(w.buyer))
      .send({ ...address, line1: undefined })
      .expect(400);
  });

  it("approvers manage their account's buyers and order limits; buyers cannot", async () => {
    const created = await t.http
      .post(`/api/accounts/${w.mine.id}/users`)
      .set(bearer(w.approver))
      .send({
        email: `New.Buyer.${Date.now()}@Acme.test`,
        name: 'New Buyer',
        role: 'buyer',
        password: 'long-enough-1',
        orderLimit: '750',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      role: 'buyer',
      accountId: w.mine.id,
      orderLimit: '750.00',
      active: true,
    });
    expect(created.body.email).toBe(created.body.email.toLowerCase());
    const updated = await t.http
      .patch(`/api/accounts/${w.mine.id}/users/${created.body.id}`)
      .set(bearer(w.approver))
      .send({ orderLimit: null, role: 'approver' })
      .expect(200);
    expect(updated.body).toMatchObject({ orderLimit: null, role: 'approver' });
    await t.http
      .patch(`/api/accounts/${w.mine.id}/users/${created.body.id}`)
      .set(bearer(w.approver))
      .send({ role: 'admin' })
      .expect(400);
    await t.http.post(`/api/accounts/${w.mine.id}/users`).set(bearer(w.buyer)).send({}).expect(403);
    const users = await t.http.get(`/api/accounts/${w.mine.id}/users`).set(bearer(w.approver)).expect(200);
    expect(users.body.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(users.body)).not.toContain('password');
    await t.http
      .post(`/api/accounts/${w.mine.id}/users`)
      .set(bearer(w.approver))
      .send({ email: created.body.email, name: 'Dup', role: 'buyer', password: 'long-enough-1' })
      .expect(409);
  });

  it('searches and filters accounts for staff', async () => {
    const bySearch = await t.http
      .get(`/api/accounts?search=${w.mine.code.toLowerCase()}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(bySearch.body.items.map((a: { id: string }) => a.id)).toEqual([w.mine.id]);
    const byManager = await t.http
      .get(`/api/accounts?accountManagerId=${w.otherAm.id}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(byManager.body.items.map((a: { id: string }) => a.id)).toContain(w.theirs.id);
    await t.http.get('/api/accounts?status=sleeping').set(bearer(w.admin)).expect(400);
  });

  it('sorts accounts by a whitelisted column, ties broken by id; other columns are a 400', async () => {
    const codes = async (query: string) =>
      (
        (await t.http.get(`/api/accounts?pageSize=100${query}`).set(bearer(w.admin)).expect(200)).body
          .items as { code: string; creditLimit: string }[]
      ).map((a) => a.code);
    const byCode = await codes('&sort=code');
    expect(byCode).toEqual([...byCode].sort());
    // Other specs add accounts meanwhile, and there are more than a page: each direction is checked on its own.
    const descending = await codes('&sort=code&dir=desc');
    expect(descending).toEqual([...descending].sort().reverse());
    const byLimit = (
      (
        await t.http
          .get('/api/accounts?pageSize=100&sort=creditLimit&dir=desc')
          .set(bearer(w.admin))
          .expect(200)
      ).body.items as { creditLimit: string }[]
    ).map((a) => Number(a.creditLimit));
    expect(byLimit).toEqual([...byLimit].sort((a, b) => b - a));
    const unknown = await t.http.get('/api/accounts?sort=creditExposure').set(bearer(w.admin)).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('sort must be one of: code, name, status, creditLimit');
  });
});
