import { createHmac } from 'node:crypto';
import type { CreatedWebhookSubscription, Order, Page, WebhookDelivery } from '@tradecounter/contracts';
import { startEventsWorker } from '../test-support/events-app';
import { fakeDns } from '../test-support/fake-dns';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, OrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { createOwnDatabase, OwnDatabase } from '../test-support/own-database';
import type { TestApp } from '../test-support/test-app';
import { eventually, WebhookReceiver } from '../test-support/webhook-receiver';

/**
 * Where webhooks may go, against hostile DNS played by fakeDns (`*.invalid`
 * names, which no real resolver answers, so nothing leaves the machine).
 * A database of its own: no other file's worker takes these deliveries.
 * Public addresses are only ever answered at registration, never when an
 * attempt would connect: every attempt here is to 127.0.0.1 or refused.
 */
describe('webhook targets', () => {
  let database: OwnDatabase;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    database = await createOwnDatabase();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await database.drop();
  });

  const port = () => new URL(receiver.url).port;

  function subscribe(t: TestApp, w: OrderingWorld, url: string, secret = 'a-target-test-secret-0123') {
    return t.http
      .post('/api/webhooks')
      .set(bearer(w.admin))
      .send({ url, events: ['order.created'], secret });
  }

  async function place(t: TestApp, w: OrderingWorld): Promise<Order> {
    const product = await createProduct(t, { listPrice: '10.00' });
    await setStock(t, product.id, w.warehouseCode, 100);
    const response = await placeOrder(t, w.buyer, {
      lines: [{ productId: product.id, quantity: 1 }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    }).expect(201);
    return response.body as Order;
  }

  async function deliveriesOf(t: TestApp, w: OrderingWorld, subscriptionId: string) {
    const response = await t.http
      .get(`/api/webhooks/${subscriptionId}/deliveries`)
      .set(bearer(w.admin))
      .expect(200);
    return (response.body as Page<WebhookDelivery>).items;
  }

  describe('by default, private networks refused', () => {
    let t: TestApp;
    let w: OrderingWorld;
    let dns: ReturnType<typeof fakeDns>;
    beforeAll(async () => {
      t = await startEventsWorker({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }, database.url);
      w = await createOrderingWorld(t);
      dns = fakeDns(t, {
        'private.example.invalid': [['10.0.0.5']],
        'loopback.example.invalid': [['127.0.0.1']],
        'metadata.example.invalid': [['::ffff:169.254.169.254']],
        'one-inside.example.invalid': [['93.184.216.34', '2606:2800:220:1::1', '192.168.0.10']],
        'v6-inside.example.invalid': [['2606:2800:220:1::1', 'fd00::5']],
        'public.example.invalid': [['93.184.216.34', '2606:2800:220:1::1']],
        'rebind.example.invalid': [['93.184.216.34'], ['127.0.0.1']],
      });
    });
    afterAll(() => t.close());

    async function refusedAtRegistration(url: string, reason: string) {
      const response = await subscribe(t, w, url).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((response.body as { errors: { field: string; message: string }[] }).errors).toEqual([
        { field: 'url', message: `url ${reason}: webhooks are sent to public addresses only` },
      ]);
    }

    it.each([
      'http://127.0.0.1/hooks',
      'http://127.1/hooks',
      'http://0x7f000001/hooks',
      'http://2130706433/hooks',
      'http://0177.0.0.1/hooks',
      'http://0x7f.1/hooks',
      'http://[::1]/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://[::ffff:7f00:1]/hooks',
      'http://[0:0:0:0:0:ffff:127.0.0.1]/hooks',
      'http://0/hooks',
      'http://0.0.0.0:8080/hooks',
      'http://10.0.0.5/hooks',
      'http://172.16.1.1/hooks',
      'http://192.168.1.1/hooks',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:169.254.169.254]/latest/meta-data/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://100.64.0.1/hooks',
      'http://[fe80::1]/hooks',
      'http://[fc00::1]/hooks',
      'http://224.0.0.1/hooks',
      'http://255.255.255.255/hooks',
      'http://192.0.2.1/hooks',
      'http://198.18.0.1/hooks',
      'http://[64:ff9b::a00:5]/hooks',
      'http://[2002:7f00:1::1]/hooks',
      'http://[2001::1]/hooks',
      'http://[::]/hooks',
      'https://127.0.0.1:8443/hooks',
    ])('refuses to register %s (400 naming url)', async (url) => {
      await refusedAtRegistration(url, 'is an internal address');
    });

    it.each([
      ['10.0.0.5', 'private.example.invalid'],
      ['127.0.0.1', 'loopback.example.invalid'],
      ['::ffff:169.254.169.254', 'metadata.example.invalid'],
      ['a private address among public ones', 'one-inside.example.invalid'],
      ['a unique-local IPv6 address among public ones', 'v6-inside.example.invalid'],
      ['loopback (RFC 6761: localhost, answered without a query)', 'localhost'],
      ['loopback (RFC 6761)', 'hooks.localhost'],
    ])('refuses to register a name that resolves to %s', async (_, host) => {
      await refusedAtRegistration(`https://${host}/hooks`, 'resolves to an internal address');
    });

    it('refuses to register a name that does not resolve', async () => {
      await refusedAtRegistration('https://nowhere.example.invalid/hooks', 'does not resolve');
    });

    it('registers a name whose every address is public, and refuses to move it inside (PATCH)', async () => {
      const created = (await subscribe(t, w, 'https://public.example.invalid/hooks').expect(201))
        .body as CreatedWebhookSubscription;
      // Disabled at once: no attempt is ever made to a public address from a test.
      await t.http.delete(`/api/webhooks/${created.id}`).set(bearer(w.admin)).expect(204);
      const moved = await t.http
        .patch(`/api/webhooks/${created.id}`)
        .set(bearer(w.admin))
        .send({ url: 'https://metadata.example.invalid/' })
        .expect(400);
      expect((moved.body as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual([
        'url',
      ]);
      await t.http
        .patch(`/api/webhooks/${created.id}`)
        .set(bearer(w.admin))
        .send({ url: 'http://[::ffff:7f00:1]:8080/' })
        .expect(400);
      const after = await t.http.get(`/api/webhooks/${created.id}`).set(bearer(w.admin)).expect(200);
      expect(after.body).toMatchObject({ url: 'https://public.example.invalid/hooks', active: false });
    });

    it('refuses a delivery, without connecting, to a name that resolves inside by then (DNS rebinding)', async () => {
      const url = `http://rebind.example.invalid:${port()}/hooks`;
      const created = (await subscribe(t, w, url).expect(201)).body as CreatedWebhookSubscription;
      expect(dns.asked('rebind.example.invalid')).toBe(1);
      try {
        await place(t, w);
        await eventually('a refused attempt', async () => {
          const [delivery] = await deliveriesOf(t, w, created.id);
          return (delivery?.attempts ?? 0) >= 1 && delivery?.lastError !== null;
        });
        const [delivery] = await deliveriesOf(t, w, created.id);
        expect(delivery).toMatchObject({
          status: 'pending',
          lastStatusCode: null,
          lastError: 'refused: resolves to an internal address',
        });
        expect(dns.asked('rebind.example.invalid')).toBeGreaterThanOrEqual(2);
        expect(receiver.received).toHaveLength(0);
      } finally {
        await t.http.delete(`/api/webhooks/${created.id}`).set(bearer(w.admin)).expect(204);
      }
    });

    it('refuses deliveries to internal URLs stored before (no port scanning: open and closed ports look alike), and redeliveries', async () => {
      // Registered while the switch was on, say: only the delivery check stands between them and the network.
      const urls = [receiver.url, 'http://127.0.0.1:9/closed', `http://loopback.example.invalid:${port()}/`];
      const ids: string[] = [];
      for (const url of urls) {
        const [row] = (await t.dataSource.query(
          `INSERT INTO webhook_subscriptions (url, events, secret) VALUES ($1, '{order.created}', 'plain:a-stored-secret-0123456')
           RETURNING id`,
          [url],
        )) as { id: string }[];
        ids.push(row?.id ?? '');
      }
      try {
        await place(t, w);
        const lastErrors = async () =>
          Promise.all(ids.map(async (id) => (await deliveriesOf(t, w, id))[0]?.lastError ?? null));
        await eventually('every attempt refused', async () =>
          (await lastErrors()).every((error) => error !== null),
        );
        expect(await lastErrors()).toEqual([
          'refused: is an internal address',
          'refused: is an internal address',
          'refused: resolves to an internal address',
        ]);
        const [first] = await deliveriesOf(t, w, ids[0] ?? '');
        await t.http.post(`/api/webhooks/deliveries/${first?.id}/redeliver`).set(bearer(w.admin)).expect(202);
        await eventually('the redelivery refused', async () => {
          const items = await deliveriesOf(t, w, ids[0] ?? '');
          return (
            items.length === 2 && items.every((item) => item.lastError === 'refused: is an internal address')
          );
        });
        expect(receiver.received).toHaveLength(0);
      } finally {
        await t.dataSource.query(
          `UPDATE webhook_subscriptions SET active = false WHERE id = ANY ($1::uuid[])`,
          [ids],
        );
      }
    });
    it('refuses a test event to an internal URL stored before, like any delivery', async () => {
      const [row] = (await t.dataSource.query(
        `INSERT INTO webhook_subscriptions (url, events, secret) VALUES ($1, '{order.created}', 'plain:a-stored-secret-0123456')
         RETURNING id`,
        [receiver.url],
      )) as { id: string }[];
      const id = row?.id ?? '';
      try {
        const sent = await t.http.post(`/api/webhooks/${id}/test`).set(bearer(w.admin)).expect(202);
        expect(sent.body).toMatchObject({ eventType: 'webhook.test', status: 'pending', subscriptionId: id });
        await eventually('the test attempt refused', async () => {
          const [delivery] = await deliveriesOf(t, w, id);
          return delivery?.lastError !== null && delivery?.lastError !== undefined;
        });
        const [delivery] = await deliveriesOf(t, w, id);
        expect(delivery).toMatchObject({
          eventType: 'webhook.test',
          lastStatusCode: null,
          lastError: 'refused: is an internal address',
        });
        expect(receiver.received).toHaveLength(0);
      } finally {
        await t.dataSource.query(`UPDATE webhook_subscriptions SET active = false WHERE id = $1`, [id]);
      }
    });
  });

  describe('with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true', () => {
    let t: TestApp;
    let w: OrderingWorld;
    let legacyId: string;
    beforeAll(async () => {
      // A secret stored before encryption at rest, as migration 1765324800000 leaves it: sealed at start.
      const { withClient } = await import('../test-support/global-setup');
      legacyId = await withClient(database.url, async (client) => {
        const result = await client.query<{ id: string }>(
          `INSERT INTO webhook_subscriptions (url, events, secret) VALUES ($1, '{order.created}', 'plain:legacy-secret-0123456789')
           RETURNING id`,
          [`http://pinned.example.invalid:${port()}/legacy`],
        );
        return result.rows[0]?.id ?? '';
      });
      t = await startEventsWorker({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, database.url);
      w = await createOrderingWorld(t);
      // No real resolver answers this name: a delivery that arrives went to the address checked.
      fakeDns(t, { 'pinned.example.invalid': [['127.0.0.1']] });
    });
    afterAll(async () => {
      await t.dataSource.query(`UPDATE webhook_subscriptions SET active = false`);
      await t.close();
    });

    it('delivers through the connection pinned to the checked address, signed with the secret stored encrypted', async () => {
      const secret = 'pinned-secret-0123456789';
      const url = `http://pinned.example.invalid:${port()}/hooks`;
      const created = (await subscribe(t, w, url, secret).expect(201)).body as CreatedWebhookSubscription;
      const [stored] = (await t.dataSource.query(`SELECT secret FROM webhook_subscriptions WHERE id = $1`, [
        created.id,
      ])) as { secret: string }[];
      expect(stored?.secret).toMatch(/^v1:/);
      expect(stored?.secret).not.toContain(secret);

      // Both subscriptions want it: this one, and the one whose secret was stored in the clear.
      const order = await place(t, w);
      const hits = () => receiver.received.filter((hit) => hit.body.includes(order.id));
      await eventually('both deliveries', () => hits().length >= 2);
      expect(hits()).toHaveLength(2);
      const signedWith = (key: string) =>
        hits().filter(
          (hit) =>
            hit.headers['x-signature'] ===
            `sha256=${createHmac('sha256', key).update(hit.body).digest('hex')}`,
        );
      expect(signedWith(secret)).toHaveLength(1);
      expect(signedWith('legacy-secret-0123456789')).toHaveLength(1);
      for (const hit of hits()) expect(hit.headers.host).toBe(`pinned.example.invalid:${port()}`);
    });

    it('sends a test event on request, signed with the secret, through the pinned connection, logged', async () => {
      const secret = 'test-event-secret-0123456789';
      const url = `http://pinned.example.invalid:${port()}/test-event`;
      const created = (await subscribe(t, w, url, secret).expect(201)).body as CreatedWebhookSubscription;
      const sent = await t.http.post(`/api/webhooks/${created.id}/test`).set(bearer(w.admin)).expect(202);
      const delivery = sent.body as WebhookDelivery;
      expect(delivery).toMatchObject({ eventType: 'webhook.test', status: 'pending' });
      const hit = () => receiver.received.find((entry) => entry.headers['x-event-id'] === delivery.eventId);
      await eventually('the test event', () => hit() !== undefined);
      const received = hit();
      expect(received?.headers['x-event-type']).toBe('webhook.test');
      expect(received?.headers['x-signature']).toBe(
        `sha256=${createHmac('sha256', secret)
          .update(received?.body ?? '')
          .digest('hex')}`,
      );
      expect(JSON.parse(received?.body ?? '{}')).toMatchObject({
        id: delivery.eventId,
        type: 'webhook.test',
        data: { subscriptionId: created.id },
      });
      await eventually('logged as delivered', async () => {
        const [logged] = await deliveriesOf(t, w, created.id);
        return logged?.status === 'delivered';
      });
      const [logged] = await deliveriesOf(t, w, created.id);
      expect(logged).toMatchObject({ id: delivery.id, eventType: 'webhook.test', lastStatusCode: 200 });
    });

    it('sealed at start the secret stored in the clear (and signed with it above)', async () => {
      const [row] = (await t.dataSource.query(`SELECT secret FROM webhook_subscriptions WHERE id = $1`, [
        legacyId,
      ])) as {
        secret: string;
      }[];
      expect(row?.secret).toMatch(/^v1:/);
      expect(row?.secret).not.toContain('legacy-secret');
      const listed = await t.http.get(`/api/webhooks/${legacyId}`).set(bearer(w.admin)).expect(200);
      expect(listed.body).toMatchObject({ secretHint: '••••6789' });
    });
  });
});
