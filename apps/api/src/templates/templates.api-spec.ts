import { randomUUID } from 'node:crypto';
import type { OrderTemplate, QuickOrderResult } from '@tradecounter/contracts';
import { bearer, createProduct, createUser, TestUser } from '../test-support/fixtures';
import { BuyingWorld, createBuyingWorld, withdraw } from '../test-support/buying';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('order templates', () => {
  let t: TestApp;
  let w: BuyingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createBuyingWorld(t);
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, user: TestUser = w.buyer) =>
    t.http.post('/api/templates').set(bearer(user)).send(body);
  const get = (id: string, user: TestUser = w.buyer) => t.http.get(`/api/templates/${id}`).set(bearer(user));
  const uniqueName = (base: string) => `${base} ${randomUUID().slice(0, 8)}`;

  it('saves, reads, lists, renames, replaces and deletes; every user of the account shares them', async () => {
    const a = await createProduct(t);
    const b = await createProduct(t, { minOrderQty: 12, orderMultiple: 6 });
    const name = uniqueName('Weekly restock');
    const created = await create({
      name: `  ${name} `,
      lines: [
        { productId: a.id, quantity: 3 },
        { productId: b.id, quantity: 24 },
      ],
    }).expect(201);
    const template: OrderTemplate = created.body;
    expect(template).toEqual({
      id: expect.any(String),
      name,
      lineCount: 2,
      createdBy: { id: w.buyer.id, name: expect.any(String) },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      lines: [
        { productId: a.id, sku: a.sku, name: a.name, quantity: 3, active: true },
        { productId: b.id, sku: b.sku, name: b.name, quantity: 24, active: true },
      ],
    });
    expect((await get(template.id, w.approver).expect(200)).body).toEqual(template);

    const list = await t.http
      .get(`/api/templates?search=${encodeURIComponent(name.toUpperCase())}`)
      .set(bearer(w.approver))
      .expect(200);
    expect(list.body).toEqual({
      items: [
        {
          id: template.id,
          name,
          lineCount: 2,
          createdBy: template.createdBy,
          createdAt: template.createdAt,
          updatedAt: template.updatedAt,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 25,
    });

    const renamed = await t.http
      .patch(`/api/templates/${template.id}`)
      .set(bearer(w.approver))
      .send({ name: `${name} (v2)`, lines: [{ productId: b.id, quantity: 12 }] })
      .expect(200);
    expect(renamed.body).toMatchObject({
      name: `${name} (v2)`,
      lineCount: 1,
      lines: [{ productId: b.id, quantity: 12 }],
    });
    expect(renamed.body.updatedAt >= template.updatedAt).toBe(true);
    const renamedOnly = await t.http
      .patch(`/api/templates/${template.id}`)
      .set(bearer(w.buyer))
      .send({ name })
      .expect(200);
    expect(renamedOnly.body.lines).toHaveLength(1);

    await t.http.delete(`/api/templates/${template.id}`).set(bearer(w.buyer)).expect(204);
    await get(template.id).expect(404);
    await t.http.delete(`/api/templates/${template.id}`).set(bearer(w.buyer)).expect(404);
  });

  it('keeps names unique in the account whatever their case: 409', async () => {
    const product = await createProduct(t);
    const name = uniqueName('Site B');
    const lines = [{ productId: product.id, quantity: 1 }];
    await create({ name, lines }).expect(201);
    const duplicate = await create({ name: name.toLowerCase(), lines }, w.approver).expect(409);
    expect(duplicate.body.errors).toEqual([
      { field: 'name', message: 'is already used by another template of the account' },
    ]);
    const other = await create({ name: uniqueName('Site C'), lines }).expect(201);
    await t.http
      .patch(`/api/templates/${other.body.id}`)
      .set(bearer(w.buyer))
      .send({ name: name.toUpperCase() })
      .expect(409);
    // Another account may use the same name.
    await create({ name, lines }, w.otherBuyer).expect(201);
    // Two saves of one new name at once: one wins, the other hears 409.
    const raced = uniqueName('Race');
    const statuses = (
      await Promise.all([create({ name: raced, lines }), create({ name: raced, lines })])
    ).map((response) => response.status);
    expect(statuses.sort()).toEqual([201, 409]);
  });

  it('lists by name, or by last change when asked; other sorts are a 400', async () => {
    const product = await createProduct(t);
    const lines = [{ productId: product.id, quantity: 1 }];
    const tag = randomUUID().slice(0, 8);
    await create({ name: `Sort ${tag} b`, lines }).expect(201);
    await create({ name: `Sort ${tag} A`, lines }).expect(201);
    const names = async (sort: string) =>
      (
        (await t.http.get(`/api/templates?search=${tag}${sort}`).set(bearer(w.buyer)).expect(200)).body
          .items as OrderTemplate[]
      ).map((template) => template.name);
    expect(await names('')).toEqual([`Sort ${tag} A`, `Sort ${tag} b`]);
    expect(await names('&sort=updatedAt&dir=desc')).toEqual([`Sort ${tag} A`, `Sort ${tag} b`]);
    expect(await names('&sort=updatedAt')).toEqual([`Sort ${tag} b`, `Sort ${tag} A`]);
    await t.http.get('/api/templates?sort=lineCount').set(bearer(w.buyer)).expect(400);
  });

  it('saves the cart or a past order as a template', async () => {
    const buyer = await createUser(t, 'buyer', w.mine.id);
    const a = await createProduct(t);
    const b = await createProduct(t);
    await create({ name: uniqueName('Empty'), fromCart: true }, buyer).expect(400);
    await t.http
      .post('/api/cart/lines')
      .set(bearer(buyer))
      .send({
        lines: [
          { sku: a.sku, quantity: 4 },
          { sku: b.sku, quantity: 1 },
        ],
      })
      .expect(200);
    const fromCart = await create({ name: uniqueName('From cart'), fromCart: true }, buyer).expect(201);
    expect(
      fromCart.body.lines.map((line: { productId: string; quantity: number }) => [
        line.productId,
        line.quantity,
      ]),
    ).toEqual([
      [a.id, 4],
      [b.id, 1],
    ]);

    await t.dataSource.query('UPDATE accounts SET credit_limit = 1000000 WHERE id = $1', [w.mine.id]);
    const address = (await t.http.get(`/api/accounts/${w.mine.id}/addresses`).set(bearer(buyer)).expect(200))
      .body[0].id;
    const order = await t.http
      .post('/api/orders')
      .set(bearer(buyer))
      .set('Idempotency-Key', randomUUID())
      .send({ shippingAddressId: address, shipComplete: true, lines: [{ productId: b.id, quantity: 7 }] })
      .expect(201);
    const fromOrder = await create(
      { name: uniqueName('From order'), fromOrderId: order.body.id },
      w.approver,
    ).expect(201);
    expect(fromOrder.body.lines).toEqual([
      { productId: b.id, sku: b.sku, name: b.name, quantity: 7, active: true },
    ]);
    // Another account's order is a 404, as a missing one.
    await create({ name: uniqueName('Theirs'), fromOrderId: order.body.id }, w.otherBuyer).expect(404);
    await create({ name: uniqueName('Nothing'), fromOrderId: randomUUID() }).expect(404);
  });

  it('refuses bad lines and more than one source (or none), naming each', async () => {
    const good = await createProduct(t);
    const cases = await createProduct(t, { minOrderQty: 12, orderMultiple: 6 });
    const gone = await createProduct(t);
    await withdraw(t, w.admin, gone.id);
    const refused = await create({
      name: uniqueName('Bad'),
      lines: [
        { productId: good.id, quantity: 1 },
        { productId: randomUUID(), quantity: 1 },
        { productId: gone.id, quantity: 1 },
        { productId: cases.id, quantity: 15 },
        { productId: good.id, quantity: 2 },
      ],
    }).expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'lines[1].productId', message: 'is not a known product' },
      { field: 'lines[2].productId', message: `${gone.sku} is no longer sold` },
      { field: 'lines[3].quantity', message: 'must be a multiple of 6 (sold in packs of 6)' },
      { field: 'lines[4]', message: 'repeats the product of lines[0]; one line per product' },
    ]);
    const lines = [{ productId: good.id, quantity: 1 }];
    await create({ name: uniqueName('Both'), lines, fromCart: true }).expect(400);
    await create({ name: uniqueName('None') }).expect(400);
    await create({ name: uniqueName('False'), fromCart: false }).expect(400);
    await create({ name: '   ', lines }).expect(400);
    await create({ name: 'x'.repeat(101), lines }).expect(400);
    await create({ name: uniqueName('Zero'), lines: [{ productId: good.id, quantity: 0 }] }).expect(400);
    await create({ name: uniqueName('Extra'), lines, shared: true }).expect(400);
    await create({ name: uniqueName('Empty'), lines: [] }).expect(400);
  });

  it('goes to the cart merged with what is there, reporting products no longer sold', async () => {
    const buyer = await createUser(t, 'buyer', w.mine.id);
    const a = await createProduct(t);
    const b = await createProduct(t);
    const template: OrderTemplate = (
      await create({
        name: uniqueName('To cart'),
        lines: [
          { productId: a.id, quantity: 2 },
          { productId: b.id, quantity: 5 },
        ],
      }).expect(201)
    ).body;
    await withdraw(t, w.admin, b.id);
    expect((await get(template.id).expect(200)).body.lines[1]).toMatchObject({
      productId: b.id,
      active: false,
    });
    await t.http.put(`/api/cart/lines/${a.id}`).set(bearer(buyer)).send({ quantity: 1 }).expect(200);
    const result: QuickOrderResult = (
      await t.http.post(`/api/templates/${template.id}/to-cart`).set(bearer(buyer)).expect(200)
    ).body;
    expect(result.rows.map((row) => [row.row, row.sku, row.status, row.reason])).toEqual([
      [1, a.sku, 'added', null],
      [2, b.sku, 'error', `${b.sku} is no longer sold`],
    ]);
    expect(result.cart.lines.map((line) => [line.productId, line.quantity])).toEqual([[a.id, 3]]);
  });

  it("answers 404 for another account's template, as for a missing one, and 403 to staff", async () => {
    const product = await createProduct(t);
    const theirs = await create(
      { name: uniqueName('Theirs'), lines: [{ productId: product.id, quantity: 1 }] },
      w.otherBuyer,
    ).expect(201);
    const id = theirs.body.id as string;
    for (const target of [id, randomUUID(), 'not-an-id']) {
      await get(target).expect(404);
      await t.http
        .patch(`/api/templates/${target}`)
        .set(bearer(w.buyer))
        .send({ name: uniqueName('Mine now') })
        .expect(404);
      await t.http.delete(`/api/templates/${target}`).set(bearer(w.buyer)).expect(404);
      await t.http.post(`/api/templates/${target}/to-cart`).set(bearer(w.buyer)).expect(404);
    }
    const mine = await t.http.get('/api/templates?pageSize=100').set(bearer(w.buyer)).expect(200);
    expect(mine.body.items.some((item: { id: string }) => item.id === id)).toBe(false);
    expect((await get(id, w.otherApprover).expect(200)).body.name).toBe(theirs.body.name);
    for (const user of [w.am, w.manager, w.admin, w.warehouse]) {
      await t.http.get('/api/templates').set(bearer(user)).expect(403);
      await get(id, user).expect(403);
    }
    await t.http.get('/api/templates?pageSize=101').set(bearer(w.buyer)).expect(400);
  });
});
