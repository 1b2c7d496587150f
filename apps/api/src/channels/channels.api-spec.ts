import type { Channel, CreatedChannel, Order, Page, OrderSummary } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import {
  createOrderingWorld,
  orderCounts,
  OrderingWorld,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('integrations and their orders', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let integration: CreatedChannel;
  let product: Awaited<ReturnType<typeof createProduct>>;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    integration = (
      await t.http
        .post('/api/channels')
        .set(bearer(w.admin))
        .send({
          name: `erp-${Date.now().toString(36)}`,
          accountIds: [w.mine.id, w.theirs.id],
          allowAddresses: true,
        })
        .expect(201)
    ).body as CreatedChannel;
    product = await createProduct(t, { listPrice: '10.00' });
    await setStock(t, product.id, w.warehouseCode, 1000);
  });
  afterAll(() => t.close());

  const send = (body: Record<string, unknown>, key: string | null = integration.apiKey) => {
    const request = t.http.post('/api/channel-orders');
    return (key === null ? request : request.set('X-Api-Key', key)).send(body);
  };
  const order = (externalRef: string, extra: Record<string, unknown> = {}) => ({
    accountCode: w.mine.code,
    externalRef,
    shippingAddressId: w.mineAddress,
    lines: [{ sku: product.sku, quantity: 3 }],
    ...extra,
  });

  describe('managing integrations', () => {
    it('shows the key once, stores only its hash, and lists integrations to admins only', async () => {
      expect(integration.apiKey).toMatch(/^tck_/);
      expect(integration.apiKey.startsWith(`tck_${integration.keyPrefix}_`)).toBe(true);
      const list = (await t.http.get('/api/channels').set(bearer(w.admin)).expect(200)).body as Channel[];
      const listed = list.find((channel) => channel.id === integration.id);
      expect(listed).toMatchObject({
        name: integration.name,
        revokedAt: null,
        createdBy: { id: w.admin.id },
        allAccounts: false,
        allowAddresses: true,
      });
      expect(listed?.accounts.map((account) => account.code).sort()).toEqual(
        [w.mine.code, w.theirs.code].sort(),
      );
      expect(JSON.stringify(list)).not.toContain(integration.apiKey.slice(15));
      const [row] = (await t.dataSource.query('SELECT key_hash FROM channels WHERE id = $1', [
        integration.id,
      ])) as {
        key_hash: string;
      }[];
      expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
      for (const user of [w.manager, w.am, w.buyer, w.warehouse]) {
        await t.http.get('/api/channels').set(bearer(user)).expect(403);
        await t.http.post('/api/channels').set(bearer(user)).send({ name: 'nope-x' }).expect(403);
      }
    });

    it('refuses bad and taken names', async () => {
      for (const name of ['', 'A', 'Has Space', 'portal', 'csv', 'x'.repeat(41), 42, null]) {
        const response = await t.http.post('/api/channels').set(bearer(w.admin)).send({ name }).expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      await t.http.post('/api/channels').set(bearer(w.admin)).send({ name: integration.name }).expect(409);
    });

    it('answers 404 for an unknown integration, and for an id that is not one', async () => {
      await t.http
        .post('/api/channels/00000000-0000-4000-8000-000000000000/revoke')
        .set(bearer(w.admin))
        .expect(404);
      const bad = await t.http.post('/api/channels/not-an-id/revoke').set(bearer(w.admin)).expect(404);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('placing', () => {
    it('runs the portal’s pipeline and records the channel and its reference', async () => {
      const response = await send(order('EXT-1', { poNumber: 'ERP-77' })).expect(201);
      const placed = response.body as Order;
      expect(placed).toMatchObject({
        accountId: w.mine.id,
        channel: integration.name,
        externalRef: 'EXT-1',
        status: 'confirmed',
        poNumber: 'ERP-77',
        subtotal: '30.00',
        placedBy: null,
      });
      expect(placed.lines[0]).toMatchObject({
        sku: product.sku,
        quantity: 3,
        unitPrice: '10.00',
        reserved: 3,
      });
      expect(placed.events[0]).toMatchObject({ kind: 'placed', by: null, to: 'confirmed' });
      expect(response.headers['location']).toBe(`/api/orders/${placed.id}`);
      const read = await t.http.get(`/api/orders/${placed.id}`).set(bearer(w.buyer)).expect(200);
      expect(read.body).toMatchObject({ channel: integration.name, externalRef: 'EXT-1' });
      const listed = await t.http
        .get(`/api/orders?channel=${integration.name}`)
        .set(bearer(w.am))
        .expect(200);
      expect((listed.body as Page<OrderSummary>).items.map((item) => item.id)).toContain(placed.id);
    });

    it('returns the existing order for a repeated reference, even 20 at once', async () => {
      const first = await send(order('EXT-2')).expect(201);
      const again = await send(order('EXT-2', { lines: [{ sku: product.sku, quantity: 6 }] })).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.subtotal).toBe('30.00');

      const before = await orderCounts(t, w.mine.id);
      const stockBefore = await stockOf(t, product.id, w.warehouseCode);
      const burst = await Promise.all(Array.from({ length: 20 }, () => send(order('EXT-BURST'))));
      const statuses = burst.map((response) => response.status).sort((a, b) => a - b);
      expect(statuses).toEqual([...Array<number>(19).fill(200), 201]);
      expect(new Set(burst.map((response) => response.body.id)).size).toBe(1);
      const after = await orderCounts(t, w.mine.id);
      expect(after.orders - before.orders).toBe(1);
      expect((await stockOf(t, product.id, w.warehouseCode))?.reserved).toBe(
        (stockBefore?.reserved ?? 0) + 3,
      );
    });

    it('ships to an address sent with the order', async () => {
      const address = { label: 'Site 9', line1: '9 Dock Rd', city: 'Gary', postcode: '46402', country: 'US' };
      const placed = await send(order('EXT-ADDR', { shippingAddressId: undefined, address })).expect(201);
      expect(placed.body.shippingAddress).toMatchObject({
        id: null,
        label: 'Site 9',
        line2: null,
        region: null,
      });
    });

    it('puts an order past the credit limit on hold, as for any order', async () => {
      await t.dataSource.query('UPDATE accounts SET credit_limit = 50 WHERE id = $1', [w.theirs.id]);
      const placed = await send(
        order('EXT-HOLD', {
          accountCode: w.theirs.code,
          shippingAddressId: w.theirsAddress,
          lines: [{ sku: product.sku, quantity: 10 }],
        }),
      ).expect(201);
      expect(placed.body.status).toBe('on_hold');
    });

    it('refuses bad orders with reasons and creates nothing', async () => {
      const before = await orderCounts(t, w.mine.id);
      const cases: [Record<string, unknown>, string][] = [
        [order('BAD-1', { accountCode: 'NO\u0000SUCH' }), 'accountCode'],
        [order('BAD-2', { lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }), 'lines[0].sku'],
        [order('BAD-3', { lines: [{ sku: product.sku, quantity: 0 }] }), 'lines[0].quantity'],
        [order('BAD-4', { lines: [{ sku: product.sku, quantity: 1.5 }] }), 'lines[0].quantity'],
        [order('BAD-5', { lines: [{ sku: product.sku, quantity: '1' }] }), 'lines[0].quantity'],
        [order('BAD-6', { lines: [] }), 'lines'],
        [order('BAD-7', { shippingAddressId: undefined }), 'shippingAddressId'],
        [order('BAD-8', { address: { label: 'x' } }), 'address'],
        [order('BAD-9', { shippingAddressId: w.theirsAddress }), 'shippingAddressId'],
        [order('BAD-10', { unitPrice: '0.01' }), 'unitPrice'],
        [order(''), 'externalRef'],
      ];
      for (const [body, field] of cases) {
        const response = await send(body).expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
        expect(
          fields.some((name) => name.startsWith(field)) ? field : `${field} not in ${fields.join(', ')}`,
        ).toBe(field);
      }
      expect(await orderCounts(t, w.mine.id)).toEqual(before);
    });
  });

  describe('keys', () => {
    it('refuses a missing, wrong or user token, and a revoked key at once', async () => {
      await send(order('KEY-1'), null).expect(401);
      await send(order('KEY-2'), `${integration.apiKey.slice(0, -2)}xx`).expect(401);
      await send(order('KEY-3'), 'not-a-key').expect(401);
      await t.http.post('/api/channel-orders').set(bearer(w.admin)).send(order('KEY-4')).expect(401);

      const other = (
        await t.http
          .post('/api/channels')
          .set(bearer(w.admin))
          .send({ name: `gone-${Date.now().toString(36)}`, accountIds: [w.mine.id] })
      ).body as CreatedChannel;
      await send(order('KEY-5'), other.apiKey).expect(201);
      const revoked = await t.http.post(`/api/channels/${other.id}/revoke`).set(bearer(w.admin)).expect(200);
      expect(revoked.body.revokedAt).not.toBeNull();
      await send(order('KEY-6'), other.apiKey).expect(401);
      const [count] = (await t.dataSource.query(
        "SELECT count(*)::int AS n FROM orders WHERE external_ref LIKE 'KEY-%'",
      )) as { n: number }[];
      expect(count?.n).toBe(1);
    });
  });

  describe('deliveries from integrations', () => {
    it('lets a carrier integration record a delivery with its key, and nothing else', async () => {
      const placed = (await send(order('DELIVER-1')).expect(201)).body as Order;
      const shipped = (
        await t.http
          .post(`/api/orders/${placed.id}/shipments`)
          .set(bearer(w.warehouse))
          .send({
            carrier: 'UPS',
            trackingNumber: '1Z999AA10123456784',
            lines: [{ orderLineId: placed.lines[0]?.id, quantity: 3 }],
          })
          .expect(201)
      ).body as Order;
      const shipmentId = shipped.shipments[0]?.id;
      const deliver = (key: string | null) => {
        const request = t.http.post(`/api/shipments/${shipmentId}/deliver`);
        return (key === null ? request : request.set('X-Api-Key', key)).send({
          deliveredAt: new Date().toISOString(),
        });
      };
      await deliver(null).expect(401);
      await deliver('tck_nope').expect(401);
      const delivered = (await deliver(integration.apiKey).expect(200)).body as Order;
      expect(delivered.status).toBe('delivered');
      expect(delivered.events.at(-1)).toMatchObject({
        kind: 'delivered',
        by: null,
        reason: `Reported by integration ${integration.name}`,
      });
      // The key opens only the routes made for integrations.
      await t.http.get(`/api/orders/${placed.id}`).set('X-Api-Key', integration.apiKey).expect(401);
      await t.http
        .post(`/api/orders/${placed.id}/cancel`)
        .set('X-Api-Key', integration.apiKey)
        .send({})
        .expect(401);
    });
  });
});
