import { randomUUID } from 'node:crypto';
import type { Order, OrderPreview, SalesQuote, SalesQuoteSummary } from '@tradecounter/contracts';
import { addCalendarDays, quoteToday } from '@tradecounter/domain';
import type { ProductEntity } from '../catalog/product.entity';
import { bearer, createProduct, type TestUser } from '../test-support/fixtures';
import { createOrderingWorld, type OrderingWorld, setStock } from '../test-support/order-fixtures';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { QuotesService } from './quotes.service';

/**
 * Sales quotes over real HTTP and PostgreSQL: request, quote, revise,
 * accept into an order through the placement path, and everything that
 * must refuse on the way.
 */
describe('sales quotes', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let widget: ProductEntity;
  let gadget: ProductEntity;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '12' });
    w = await createOrderingWorld(t);
    widget = await createProduct(t, { listPrice: '20.00' });
    gadget = await createProduct(t, { listPrice: '8.00' });
    for (const product of [widget, gadget]) await setStock(t, product.id, w.warehouseCode, 100_000);
    today = quoteToday(new Date(), t.config.timeZone);
  }, 120_000);
  afterAll(() => t.close());

  const requestQuote = (user: TestUser, body: Record<string, unknown>, key: string = randomUUID()) =>
    t.http.post('/api/quotes').set(bearer(user)).set('Idempotency-Key', key).send(body);

  async function requested(
    user: TestUser = w.buyer,
    lines = [
      { productId: widget.id, quantity: 5 },
      { productId: gadget.id, quantity: 10 },
    ],
  ) {
    const response = await requestQuote(user, { lines, message: 'Best price for these?' }).expect(201);
    return response.body as SalesQuote;
  }

  async function quoted(quote: SalesQuote, prices: Record<string, string>, validUntil?: string) {
    const lines = quote.lines.map((line) => ({
      productId: line.productId,
      unitPrice: prices[line.productId] ?? '1.00',
    }));
    const response = await t.http
      .post(`/api/quotes/${quote.id}/quote`)
      .set(bearer(w.am))
      .send({ lines, ...(validUntil ? { validUntil } : {}) })
      .expect(200);
    return response.body as SalesQuote;
  }

  const accept = (
    user: TestUser,
    quoteId: string,
    body: Record<string, unknown>,
    key: string = randomUUID(),
  ) =>
    t.http
      .post(`/api/quotes/${quoteId}/accept`)
      .set(bearer(user))
      .set('Idempotency-Key', key)
      .send({ shippingAddressId: w.mineAddress, shipComplete: false, poNumber: 'PO-Q', ...body });

  const notificationsOf = async (userId: string, quoteId: string) =>
    (await t.dataSource.query(
      'SELECT kind FROM notifications WHERE user_id = $1 AND quote_id = $2 ORDER BY created_at',
      [userId, quoteId],
    )) as { kind: string }[];

  it('runs the whole flow: request, quote, preview, accept into an order at the quoted prices', async () => {
    const quote = await requested();
    expect(quote).toMatchObject({
      status: 'requested',
      revision: 1,
      validUntil: null,
      subtotal: null,
      orderId: null,
    });
    expect(quote.number).toMatch(/^Q-\d{6,}$/);
    expect(
      quote.lines.map((line) => [line.sku, line.quantity, line.unitPrice, line.listPrice, line.normalPrice]),
    ).toEqual([
      [widget.sku, 5, null, '20.00', '20.00'],
      [gadget.sku, 10, null, '8.00', '8.00'],
    ]);
    expect(await notificationsOf(w.am.id, quote.id)).toEqual([{ kind: 'quote_requested' }]);

    const priced = await quoted(quote, { [widget.id]: '17.50', [gadget.id]: '7.25' });
    expect(priced).toMatchObject({
      status: 'quoted',
      revision: 1,
      subtotal: '160.00',
      validUntil: addCalendarDays(today, 30),
    });
    expect(priced.lines.map((line) => [line.unitPrice, line.lineTotal])).toEqual([
      ['17.50', '87.50'],
      ['7.25', '72.50'],
    ]);
    expect(priced.lines.every((line) => (line.promise?.splits.length ?? 0) > 0)).toBe(true);
    expect(await notificationsOf(w.buyer.id, quote.id)).toEqual([{ kind: 'quote_quoted' }]);
    const reserved = (await t.dataSource.query('SELECT reserved FROM stock WHERE product_id = $1', [
      widget.id,
    ])) as {
      reserved: number;
    }[];
    expect(reserved[0]?.reserved).toBe(0); // quoting promises, it reserves nothing

    const preview = await t.http
      .post(`/api/quotes/${quote.id}/accept?dryRun=true`)
      .set(bearer(w.buyer))
      .send({ revision: 1, shippingAddressId: w.mineAddress, shipComplete: false })
      .expect(200);
    expect((preview.body as OrderPreview).subtotal).toBe('160.00');
    expect((preview.body as OrderPreview).lines.map((line) => line.unitPrice)).toEqual(['17.50', '7.25']);

    const placed = await accept(w.buyer, quote.id, { revision: 1, expectedSubtotal: '160.00' }).expect(201);
    const order = placed.body as Order;
    expect(order).toMatchObject({
      subtotal: '160.00',
      quoteId: quote.id,
      status: 'confirmed',
      poNumber: 'PO-Q',
    });
    expect(order.lines.map((line) => [line.sku, line.unitPrice, line.priceSource])).toEqual([
      [widget.sku, '17.50', 'quote'],
      [gadget.sku, '7.25', 'quote'],
    ]);
    const read = (await t.http.get(`/api/orders/${order.id}`).set(bearer(w.buyer)).expect(200)).body as Order;
    expect(read.lines.map((line) => line.priceSource)).toEqual(['quote', 'quote']);
    expect(read.quoteId).toBe(quote.id);

    const after = (await t.http.get(`/api/quotes/${quote.id}`).set(bearer(w.buyer)).expect(200))
      .body as SalesQuote;
    expect(after).toMatchObject({ status: 'accepted', orderId: order.id });
    expect(after.events.map((event) => [event.kind, event.from, event.to])).toEqual([
      ['requested', null, 'requested'],
      ['quoted', 'requested', 'quoted'],
      ['accepted', 'quoted', 'accepted'],
    ]);
    expect(after.events[2]?.by?.id).toBe(w.buyer.id);
    // An order placed normally still records its own price source.
    const normal = await t.http
      .post('/api/orders')
      .set(bearer(w.buyer))
      .set('Idempotency-Key', randomUUID())
      .send({
        lines: [{ productId: gadget.id, quantity: 1 }],
        shippingAddressId: w.mineAddress,
        shipComplete: false,
      })
      .expect(201);
    expect((normal.body as Order).lines[0]?.priceSource).toBe('list');
    expect((normal.body as Order).quoteId).toBeNull();
  });

  it('makes one request of a double submit, and refuses a key reused for another body', async () => {
    const key = randomUUID();
    const body = { lines: [{ productId: widget.id, quantity: 3 }] };
    const responses = await Promise.all([0, 1, 2, 3, 4].map(() => requestQuote(w.buyer, body, key)));
    const ids = new Set(responses.map((response) => (response.body as SalesQuote).id));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(ids.size).toBe(1);
    await requestQuote(w.buyer, { lines: [{ productId: widget.id, quantity: 4 }] }, key).expect(422);
    const [count] = (await t.dataSource.query(
      'SELECT count(*)::int AS n FROM quotes WHERE idempotency_key = $1',
      [key],
    )) as { n: number }[];
    expect(count?.n).toBe(1);
  });

  it('turns 10 concurrent accepts into exactly one order', async () => {
    const quote = await quoted(await requested(), { [widget.id]: '15.00', [gadget.id]: '6.00' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => accept(w.buyer, quote.id, { revision: 1 })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const orders = (await t.dataSource.query('SELECT id FROM orders WHERE quote_id = $1', [
      quote.id,
    ])) as unknown[];
    expect(orders).toHaveLength(1);
    // The database stops a second order for the quote even past the service's lock.
    await expect(
      t.dataSource.query(
        `UPDATE orders SET quote_id = $1 WHERE id = (SELECT id FROM orders WHERE quote_id IS NULL LIMIT 1)`,
        [quote.id],
      ),
    ).rejects.toThrow(/orders_quote_idx/);
  });

  it('answers the same order for a retried accept with the same key', async () => {
    const quote = await quoted(await requested(), { [widget.id]: '15.00', [gadget.id]: '6.00' });
    const key = randomUUID();
    const first = await accept(w.buyer, quote.id, { revision: 1 }, key).expect(201);
    const again = await accept(w.buyer, quote.id, { revision: 1 }, key).expect(200);
    expect((again.body as Order).id).toBe((first.body as Order).id);
    await accept(w.buyer, quote.id, { revision: 1 }).expect(409);
  });

  it('refuses to accept after validUntil (409), reads the quote as expired, and lets staff re-quote it', async () => {
    const quote = await quoted(await requested(), { [widget.id]: '15.00', [gadget.id]: '6.00' }, today);
    await t.dataSource.query('UPDATE quotes SET valid_until = $2 WHERE id = $1', [
      quote.id,
      addCalendarDays(today, -1),
    ]);
    const refused = await accept(w.buyer, quote.id, { revision: 1 }).expect(409);
    expect((refused.body as { detail: string }).detail).toMatch(/valid until/);
    const read = (await t.http.get(`/api/quotes/${quote.id}`).set(bearer(w.buyer)).expect(200))
      .body as SalesQuote;
    expect(read.status).toBe('expired');
    expect(read.events.at(-1)).toMatchObject({ kind: 'expired', from: 'quoted', to: 'expired', by: null });
    const requoted = await quoted(read, { [widget.id]: '16.00', [gadget.id]: '6.50' });
    expect(requoted).toMatchObject({ status: 'quoted', revision: 2 });
    expect(requoted.events.at(-1)?.kind).toBe('requoted');
    await accept(w.buyer, quote.id, { revision: 2 }).expect(201);
  });

  it('holds the quoted price whatever the tier and the list price did since', async () => {
    const [tier] = (await t.dataSource.query(
      `INSERT INTO price_tiers (name, discount_percent) VALUES ($1, 10) RETURNING id`,
      [`Tier ${randomUUID()}`],
    )) as { id: string }[];
    await t.dataSource.query('UPDATE accounts SET price_tier_id = $2 WHERE id = $1', [w.mine.id, tier?.id]);
    const product = await createProduct(t, { listPrice: '50.00' });
    await setStock(t, product.id, w.warehouseCode, 1000);
    const quote = await requested(w.buyer, [{ productId: product.id, quantity: 2 }]);
    expect(quote.lines[0]?.normalPrice).toBe('45.00');
    await quoted(quote, { [product.id]: '40.00' });
    await t.dataSource.query('UPDATE price_tiers SET discount_percent = 50 WHERE id = $1', [tier?.id]);
    await t.dataSource.query(`UPDATE products SET list_price = '90.00' WHERE id = $1`, [product.id]);
    const order = (await accept(w.buyer, quote.id, { revision: 1 }).expect(201)).body as Order;
    expect(order.lines.map((line) => [line.unitPrice, line.lineTotal, line.priceSource])).toEqual([
      ['40.00', '80.00', 'quote'],
    ]);
    await t.dataSource.query('UPDATE accounts SET price_tier_id = NULL WHERE id = $1', [w.mine.id]);
  });

  it('refuses a stale revision (409) and keeps earlier revisions readable', async () => {
    const quote = await quoted(await requested(), { [widget.id]: '15.00', [gadget.id]: '6.00' });
    await t.http
      .post(`/api/quotes/${quote.id}/request-changes`)
      .set(bearer(w.buyer))
      .send({ message: 'Can you do better on the widgets?' })
      .expect(200);
    await accept(w.buyer, quote.id, { revision: 1 }).expect(409); // requested again: not acceptable
    expect((await notificationsOf(w.am.id, quote.id)).length).toBe(2);
    const revised = await quoted(quote, { [widget.id]: '14.00', [gadget.id]: '6.00' });
    expect(revised).toMatchObject({ revision: 2, status: 'quoted', subtotal: '130.00' });
    expect(revised.revisions.map((r) => [r.revision, r.subtotal])).toEqual([
      [1, '135.00'],
      [2, '130.00'],
    ]);
    expect(await notificationsOf(w.buyer.id, quote.id)).toEqual([
      { kind: 'quote_quoted' },
      { kind: 'quote_revised' },
    ]);
    const stale = await accept(w.buyer, quote.id, { revision: 1 }).expect(409);
    expect((stale.body as { errors: { field: string }[] }).errors[0]?.field).toBe('revision');
    const first = (await t.http.get(`/api/quotes/${quote.id}?revision=1`).set(bearer(w.buyer)).expect(200))
      .body as SalesQuote;
    expect(first.shownRevision).toBe(1);
    expect(first.lines[0]?.unitPrice).toBe('15.00');
    await t.http.get(`/api/quotes/${quote.id}?revision=3`).set(bearer(w.buyer)).expect(404);
    await accept(w.buyer, quote.id, { revision: 2 }).expect(201);
  });

  it('accepts a subset of the lines into one order', async () => {
    const quote = await quoted(await requested(), { [widget.id]: '15.00', [gadget.id]: '6.00' });
    const gadgetLine = quote.lines.find((line) => line.productId === gadget.id);
    const order = (await accept(w.buyer, quote.id, { revision: 1, lineIds: [gadgetLine?.id] }).expect(201))
      .body as Order;
    expect(order.lines.map((line) => [line.productId, line.quantity, line.unitPrice])).toEqual([
      [gadget.id, 10, '6.00'],
    ]);
    expect(order.subtotal).toBe('60.00');
    const after = (await t.http.get(`/api/quotes/${quote.id}`).set(bearer(w.buyer)).expect(200))
      .body as SalesQuote;
    expect(after.status).toBe('accepted');
  });

  it('keeps quotes within their account: another account’s quote is a 404, a buyer cannot price', async () => {
    const quote = await requested();
    await t.http.get(`/api/quotes/${quote.id}`).set(bearer(w.otherBuyer)).expect(404);
    await t.http.get(`/api/quotes/${quote.id}`).set(bearer(w.otherAm)).expect(404);
    await t.http
      .post(`/api/quotes/${quote.id}/quote`)
      .set(bearer(w.otherAm))
      .send({ lines: quote.lines.map((line) => ({ productId: line.productId, unitPrice: '1.00' })) })
      .expect(404);
    await t.http
      .post(`/api/quotes/${quote.id}/decline`)
      .set(bearer(w.otherBuyer))
      .send({ reason: 'no' })
      .expect(404);
    await accept(w.otherBuyer, quote.id, { revision: 1 }).expect(404);
    await t.http
      .post(`/api/quotes/${quote.id}/quote`)
      .set(bearer(w.buyer))
      .send({ lines: quote.lines.map((line) => ({ productId: line.productId, unitPrice: '1.00' })) })
      .expect(403);
    const otherList = (await t.http.get('/api/quotes').set(bearer(w.otherBuyer)).expect(200)).body as {
      items: SalesQuoteSummary[];
    };
    expect(otherList.items.some((item) => item.id === quote.id)).toBe(false);
    const mine = (await t.http.get('/api/quotes?status=requested').set(bearer(w.am)).expect(200)).body as {
      items: SalesQuoteSummary[];
      total: number;
    };
    expect(mine.items.some((item) => item.id === quote.id)).toBe(true);
    expect(mine.items.every((item) => item.status === 'requested' && item.accountId === w.mine.id)).toBe(
      true,
    );
    const all = (
      await t.http.get(`/api/quotes?accountId=${w.mine.id}&pageSize=2`).set(bearer(w.manager)).expect(200)
    ).body as { items: SalesQuoteSummary[]; total: number };
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
  });

  it('lets an account manager ask for an account of theirs, not another', async () => {
    const made = await requestQuote(w.am, {
      accountId: w.mine.id,
      lines: [{ productId: widget.id, quantity: 1 }],
    }).expect(201);
    expect((made.body as SalesQuote).accountId).toBe(w.mine.id);
    await requestQuote(w.am, {
      accountId: w.theirs.id,
      lines: [{ productId: widget.id, quantity: 1 }],
    }).expect(404);
    await requestQuote(w.am, { lines: [{ productId: widget.id, quantity: 1 }] }).expect(400);
  });

  it('ends quotes by decline and withdraw; they never expire', async () => {
    const declined = await quoted(await requested(), { [widget.id]: '15.00', [gadget.id]: '6.00' });
    await t.http
      .post(`/api/quotes/${declined.id}/decline`)
      .set(bearer(w.buyer))
      .send({ reason: 'Too dear' })
      .expect(200);
    const withdrawn = await requested();
    const body = (
      await t.http
        .post(`/api/quotes/${withdrawn.id}/withdraw`)
        .set(bearer(w.am))
        .send({ reason: 'Discontinued range' })
        .expect(200)
    ).body as SalesQuote;
    expect(body.events.at(-1)).toMatchObject({ kind: 'withdrawn', reason: 'Discontinued range' });
    await t.dataSource.query('UPDATE quotes SET valid_until = $2 WHERE id = ANY($1)', [
      [declined.id, withdrawn.id],
      addCalendarDays(today, -5),
    ]);
    await t.app.get(QuotesService).sweep();
    const statuses = (await t.dataSource.query(
      'SELECT status FROM quotes WHERE id = ANY($1) ORDER BY status',
      [[declined.id, withdrawn.id]],
    )) as { status: string }[];
    expect(statuses.map((row) => row.status)).toEqual(['declined', 'withdrawn']);
    await accept(w.buyer, declined.id, { revision: 1 }).expect(409);
    await t.http
      .post(`/api/quotes/${declined.id}/decline`)
      .set(bearer(w.buyer))
      .send({ reason: 'again' })
      .expect(409);
  });

  it('tells the buyer once when the prices lapse within 3 days', async () => {
    const quote = await quoted(
      await requested(),
      { [widget.id]: '15.00', [gadget.id]: '6.00' },
      addCalendarDays(today, 2),
    );
    const service = t.app.get(QuotesService);
    await service.sweep();
    await service.sweep();
    const kinds = (await notificationsOf(w.buyer.id, quote.id)).map((row) => row.kind);
    expect(kinds.filter((kind) => kind === 'quote_expiring')).toHaveLength(1);
    const list = (await t.http.get('/api/notifications').set(bearer(w.buyer)).expect(200)).body as {
      items: { kind: string; quoteId: string | null }[];
    };
    expect(list.items.some((item) => item.kind === 'quote_expiring' && item.quoteId === quote.id)).toBe(true);
  });

  it('refuses bad input with 4xx and changes nothing', async () => {
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM quotes')) as { n: number }[];
    await t.http
      .post('/api/quotes')
      .set(bearer(w.buyer))
      .send({ lines: [{ productId: widget.id, quantity: 1 }] })
      .expect(400);
    await requestQuote(w.buyer, { lines: [] }).expect(400);
    await requestQuote(w.buyer, { lines: [{ productId: widget.id, quantity: 0 }] }).expect(400);
    await requestQuote(w.buyer, { lines: [{ productId: randomUUID(), quantity: 1 }] }).expect((r) =>
      expect([400, 404]).toContain(r.status),
    );
    await requestQuote(w.buyer, {
      lines: [{ productId: widget.id, quantity: 1 }],
      requestedDate: '2001-01-01',
    }).expect(400);
    await requestQuote(w.buyer, { lines: [{ productId: widget.id, quantity: 1 }], status: 'quoted' }).expect(
      400,
    );
    const after = (await t.dataSource.query('SELECT count(*)::int AS n FROM quotes')) as { n: number }[];
    expect(after[0]?.n).toBe(before[0]?.n);

    const quote = await requested();
    const price = (unitPrice: string, extra: Record<string, unknown> = {}) =>
      t.http
        .post(`/api/quotes/${quote.id}/quote`)
        .set(bearer(w.am))
        .send({ lines: quote.lines.map((line) => ({ productId: line.productId, unitPrice })), ...extra });
    await price('-1.00').expect(400);
    await price('abc').expect(400);
    await price('1.00', { validUntil: addCalendarDays(today, -1) }).expect(400);
    await price('1.00', { validUntil: '2027-02-30' }).expect(400);
    await t.http
      .post(`/api/quotes/${quote.id}/quote`)
      .set(bearer(w.am))
      .send({ lines: [{ productId: widget.id, unitPrice: '1.00' }] })
      .expect(400); // a line without its price
    await t.http
      .post(`/api/quotes/${quote.id}/quote`)
      .set(bearer(w.am))
      .send({
        lines: [
          ...quote.lines.map((line) => ({ productId: line.productId, unitPrice: '1.00' })),
          { productId: randomUUID(), unitPrice: '1.00' },
        ],
      })
      .expect(400);
    const still = (await t.http.get(`/api/quotes/${quote.id}`).set(bearer(w.buyer)).expect(200))
      .body as SalesQuote;
    expect(still.status).toBe('requested');
    await quoted(quote, {});
    await accept(w.buyer, quote.id, { revision: 1, lineIds: [randomUUID()] }).expect(400);
    await accept(w.buyer, quote.id, { revision: 0 }).expect(400);
    await accept(w.buyer, quote.id, { revision: 1, shippingAddressId: w.theirsAddress }).expect(400);
    await t.http
      .post(`/api/quotes/${quote.id}/accept`)
      .set(bearer(w.buyer))
      .send({ revision: 1, shippingAddressId: w.mineAddress, shipComplete: false })
      .expect(400); // no key
    await accept(w.buyer, quote.id, { revision: 1, expectedSubtotal: '1.00' }).expect(409);
    await t.http.post(`/api/quotes/${quote.id}/request-changes`).set(bearer(w.buyer)).send({}).expect(400);
    await t.http.get('/api/quotes/not-a-uuid').set(bearer(w.buyer)).expect(404);
    await t.http.get('/api/quotes?status=nonsense').set(bearer(w.buyer)).expect(400);
    const unchanged = (await t.http.get(`/api/quotes/${quote.id}`).set(bearer(w.buyer)).expect(200))
      .body as SalesQuote;
    expect(unchanged).toMatchObject({ status: 'quoted', orderId: null });
  });
});
