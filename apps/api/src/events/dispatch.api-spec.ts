import { createHmac } from 'node:crypto';
import type {
  CreatedWebhookSubscription,
  NotificationList,
  Order,
  Page,
  ProductReturn,
  WebhookDelivery,
  WebhookEventBody,
} from '@tradecounter/contracts';
import { startEventsWorker } from '../test-support/events-app';
import { bearer, createProduct, createUser, TestUser } from '../test-support/fixtures';
import {
  addInbound,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
} from '../test-support/order-fixtures';
import { deliverOrder } from '../test-support/return-fixtures';
import { SmtpSink } from '../test-support/smtp-sink';
import { startTestApp, TestApp } from '../test-support/test-app';
import { eventually, WebhookReceiver } from '../test-support/webhook-receiver';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The outbox handed on for real: `api` serves the requests (no worker), a
 * second app on the same database runs the dispatcher and the webhook
 * sender, a node:http server receives the webhooks and a tiny SMTP server
 * the e-mails. Every dispatching test lives in this file, so no other test
 * file's worker takes these rows.
 */
describe('dispatching order events', () => {
  let api: TestApp;
  let worker: TestApp;
  let w: OrderingWorld;
  let receiver: WebhookReceiver;
  let smtp: SmtpSink;
  const subscriptions: string[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    api = await startTestApp();
    worker = await startEventsWorker({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example' });
    w = await createOrderingWorld(api);
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    // Leave no active subscription behind for later runs on this database.
    for (const id of subscriptions) await api.http.delete(`/api/webhooks/${id}`).set(bearer(w.admin));
    await worker.close();
    await api.close();
    await receiver.stop();
    await smtp.stop();
  });

  async function subscribe(events: string[], url = receiver.url): Promise<CreatedWebhookSubscription> {
    const response = await api.http
      .post('/api/webhooks')
      .set(bearer(w.admin))
      .send({ url, events, secret: 'a-test-secret-0123456789' })
      .expect(201);
    const created = response.body as CreatedWebhookSubscription;
    subscriptions.push(created.id);
    return created;
  }

  async function place(
    user: TestUser,
    quantity: number,
    extra: Record<string, unknown> = {},
  ): Promise<Order> {
    const product = await createProduct(api, { listPrice: '10.00' });
    await setStock(api, product.id, w.warehouseCode, 1000);
    const response = await placeOrder(api, user, {
      lines: [{ productId: product.id, quantity }],
      shippingAddressId: user.accountId === w.theirs.id ? w.theirsAddress : w.mineAddress,
      shipComplete: false,
      ...extra,
    }).expect(201);
    return response.body as Order;
  }

  /** X-Event-Ids the orders' events are published under, for the topics given. */
  async function eventIds(orderIds: string[]): Promise<string[]> {
    const rows = (await api.dataSource.query(
      `SELECT id::text, kind, from_status AS "from", to_status AS "to" FROM order_events
        WHERE order_id = ANY ($1::uuid[]) ORDER BY id`,
      [orderIds],
    )) as { id: string; kind: string; from: string | null; to: string | null }[];
    return rows.flatMap((row) =>
      row.from === null && row.to !== null
        ? [`${row.id}.order.created`]
        : row.from !== row.to && row.to !== null
          ? [`${row.id}.order.status_changed`]
          : [],
    );
  }

  const deliveriesOf = async (subscriptionId: string) =>
    (
      await api.http
        .get(`/api/webhooks/${subscriptionId}/deliveries?pageSize=100`)
        .set(bearer(w.admin))
        .expect(200)
    ).body as Page<WebhookDelivery>;

  const notificationsOf = async (user: TestUser, query = '') =>
    (await api.http.get(`/api/notifications${query}`).set(bearer(user)).expect(200)).body as NotificationList;

  describe('webhooks', () => {
    it('publishes a return and its credit note as return.* and credit_note.created, about the returned order', async () => {
      receiver.answer(() => ({ status: 200 }));
      await subscribe(['return.created', 'return.status_changed', 'credit_note.created']);
      const order = await place(w.approver, 3);
      await deliverOrder(api, order.id);
      const asked = (
        await api.http
          .post('/api/returns')
          .set(bearer(w.buyer))
          .send({
            orderId: order.id,
            lines: [{ orderLineId: order.lines[0]?.id, quantity: 2, reason: 'damaged' }],
          })
          .expect(201)
      ).body as ProductReturn;
      await api.http.post(`/api/returns/${asked.id}/approve`).set(bearer(w.am)).send({}).expect(200);
      await api.http
        .post(`/api/returns/${asked.id}/receive`)
        .set(bearer(w.warehouse))
        .send({ lines: [{ returnLineId: asked.lines[0]?.id, quantity: 2, condition: 'restock' }] })
        .expect(200);
      const bodies = () =>
        receiver.received
          .map((hit) => JSON.parse(hit.body) as WebhookEventBody)
          .filter((body) => body.data.orderId === order.id);
      await eventually(
        'the return’s four events delivered',
        () => new Set(bodies().map((b) => b.id)).size >= 4,
      );
      const byType = new Map(bodies().map((body) => [`${body.type}:${body.data.to ?? ''}`, body]));
      expect([...byType.keys()].sort()).toEqual([
        'credit_note.created:',
        'return.created:requested',
        'return.status_changed:approved',
        'return.status_changed:credited',
      ]);
      expect(byType.get('credit_note.created:')?.data).toMatchObject({
        orderNumber: order.number,
        kind: 'credit_note',
        details: { returnId: asked.id, returnNumber: asked.number, creditNote: { total: '20.00' } },
      });
      // The dispatcher makes no order notifications of them (returns notify where they happen).
      const list = await notificationsOf(w.buyer);
      expect(
        list.items.filter((item) => item.orderId === order.id && item.kind === 'order_rejected'),
      ).toEqual([]);
    });

    it('delivers every event, validly signed, to a receiver that answers 503 to the first two attempts', async () => {
      const attempts = new Map<string, number>();
      receiver.answer(({ headers }) => {
        const id = String(headers['x-event-id']);
        const seen = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, seen);
        return { status: seen <= 2 ? 503 : 200 };
      });
      const subscription = await subscribe(['order.created', 'order.status_changed']);

      const orders = [await place(w.buyer, 1), await place(w.buyer, 2), await place(w.buyer, 60)];
      await api.http.post(`/api/orders/${orders[2]?.id}/approve`).set(bearer(w.approver)).expect(200);
      const expected = await eventIds(orders.map((order) => order.id));
      expect(expected).toHaveLength(4); // three created, one approved

      await eventually('every event delivered', () => receiver.delivered(expected).length >= expected.length);
      for (const hit of receiver.delivered(expected)) {
        const signature = createHmac('sha256', 'a-test-secret-0123456789').update(hit.body).digest('hex');
        expect(hit.headers['x-signature']).toBe(`sha256=${signature}`);
        const body = JSON.parse(hit.body) as WebhookEventBody;
        expect(body.id).toBe(hit.headers['x-event-id']);
        expect(body.type).toBe(hit.headers['x-event-type']);
        expect(orders.map((order) => order.id)).toContain(body.data.orderId);
      }
      const created = receiver
        .delivered(expected)
        .map((hit) => JSON.parse(hit.body) as WebhookEventBody)
        .find((body) => body.data.orderId === orders[2]?.id && body.type === 'order.created');
      expect(created?.data).toMatchObject({
        orderNumber: orders[2]?.number,
        from: null,
        to: 'pending_approval',
      });

      await eventually('the log to show them delivered', async () => {
        const log = await deliveriesOf(subscription.id);
        return (
          log.items.filter((item) => expected.includes(item.eventId) && item.status === 'delivered')
            .length === 4
        );
      });
      const log = await deliveriesOf(subscription.id);
      const one = log.items.find((item) => item.eventId === expected[0]);
      expect(one).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
      expect(one?.deliveredAt).not.toBeNull();

      // Redelivery: the same event id and body again, as a new delivery.
      const redelivered = await api.http
        .post(`/api/webhooks/deliveries/${one?.id}/redeliver`)
        .set(bearer(w.admin))
        .expect(202);
      expect((redelivered.body as WebhookDelivery).eventId).toBe(expected[0]);
      receiver.answer(() => ({ status: 200 }));
      await eventually('the redelivery', () => receiver.delivered([expected[0] ?? '']).length === 2);
      const [first, again] = receiver.delivered([expected[0] ?? '']);
      expect(again?.body).toBe(first?.body);

      await api.http.delete(`/api/webhooks/${subscription.id}`).set(bearer(w.admin)).expect(204);
    });

    it('keeps retrying a receiver that fails, and logs why', async () => {
      const subscription = await subscribe(['order.created']);
      receiver.answer(() => ({ status: 500 }));
      const order = await place(w.buyer, 1);
      const [eventId] = await eventIds([order.id]);
      await eventually('two failed attempts', async () => {
        const log = await deliveriesOf(subscription.id);
        const item = log.items.find((entry) => entry.eventId === eventId);
        return (item?.attempts ?? 0) >= 2;
      });
      const item = (await deliveriesOf(subscription.id)).items.find((entry) => entry.eventId === eventId);
      expect(item).toMatchObject({ status: 'pending', lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(item?.nextAttemptAt).not.toBeNull();
      const listed = (await api.http.get('/api/webhooks').set(bearer(w.admin)).expect(200)).body as {
        id: string;
        pendingDeliveries: number;
      }[];
      expect(listed.find((entry) => entry.id === subscription.id)?.pendingDeliveries).toBeGreaterThan(0);

      // Disabled: nothing more is sent to it, and new events make no deliveries for it.
      await api.http.delete(`/api/webhooks/${subscription.id}`).set(bearer(w.admin)).expect(204);
      const later = await place(w.buyer, 1);
      await new Promise((resolve) => setTimeout(resolve, 800));
      const [laterId] = await eventIds([later.id]);
      expect((await deliveriesOf(subscription.id)).items.some((entry) => entry.eventId === laterId)).toBe(
        false,
      );
      receiver.answer(() => ({ status: 200 }));
    });

    it('delivers what was pending after the dispatcher stops mid-delivery and another starts', async () => {
      const subscription = await subscribe(['order.created']);
      let arrived = 0;
      receiver.answer(() => {
        arrived += 1;
        return { status: 200, delayMs: 1_500 }; // slow: the worker is closed while waiting
      });
      const first = await place(w.buyer, 1);
      await eventually('an attempt in flight', () => arrived > 0);
      await worker.close();
      // Placed while no dispatcher runs: their outbox rows wait.
      const more = [await place(w.buyer, 1), await place(w.buyer, 3)];
      const [{ n: waiting } = { n: 0 }] = (await api.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = ANY ($1::uuid[]) AND dispatched_at IS NULL`,
        [more.map((order) => order.id)],
      )) as { n: number }[];
      expect(waiting).toBe(2);

      receiver.answer(() => ({ status: 200 }));
      worker = await startEventsWorker({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example' });
      const expected = await eventIds([first.id, ...more.map((order) => order.id)]);
      await eventually('all three delivered by the new worker', () =>
        expected.every((id) => receiver.delivered([id]).length > 0),
      );
      // The receiver answers before the worker records the answer: wait for the record, not a moment.
      const recorded = async () =>
        (await deliveriesOf(subscription.id)).items
          .filter((item) => expected.includes(item.eventId))
          .map((item) => item.status);
      await eventually('the three deliveries recorded', async () => {
        const statuses = await recorded();
        return statuses.length === 3 && statuses.every((status) => status === 'delivered');
      });
      expect(await recorded()).toEqual(['delivered', 'delivered', 'delivered']);
      await api.http.delete(`/api/webhooks/${subscription.id}`).set(bearer(w.admin)).expect(204);
    });
  });

  describe('notifications', () => {
    it('asks the approvers of the account, and only them, when an order waits for approval', async () => {
      const order = await place(w.buyer, 60); // 600.00, over the buyer's 500.00 limit
      await eventually('the approver notified', async () =>
        (await notificationsOf(w.approver)).items.some((item) => item.orderId === order.id),
      );
      const mine = await notificationsOf(w.approver);
      expect(mine.items.find((item) => item.orderId === order.id)).toMatchObject({
        kind: 'approval_needed',
        title: `Order ${order.number} waits for your approval`,
        readAt: null,
      });
      expect(mine.unread).toBeGreaterThan(0);
      for (const other of [w.buyer, w.otherApprover, w.otherBuyer, w.am]) {
        expect((await notificationsOf(other)).items.some((item) => item.orderId === order.id)).toBe(false);
      }
      await eventually('the e-mail to the approver', () =>
        smtp.mails.some(
          (mail) => mail.to.some((to) => to.includes(w.approver.email)) && mail.data.includes(order.number),
        ),
      );
      const mail = smtp.mails.find((entry) => entry.data.includes(order.number));
      const text = mail?.data.replace(/=\r?\n/g, ''); // quoted-printable soft line breaks
      expect(text).toContain(`https://portal.example/orders/${order.id}`);

      // Approved: the buyer who placed it hears it is confirmed.
      await api.http.post(`/api/orders/${order.id}/approve`).set(bearer(w.approver)).expect(200);
      await eventually('the buyer notified', async () =>
        (await notificationsOf(w.buyer)).items.some(
          (item) => item.orderId === order.id && item.kind === 'order_confirmed',
        ),
      );
    });

    it('tells the account manager of a credit hold, and the customer of shipments and moved dates', async () => {
      await api.dataSource.query(`UPDATE accounts SET credit_limit = 1 WHERE id = $1`, [w.theirs.id]);
      const held = await place(w.otherBuyer, 5);
      expect(held.status).toBe('on_hold');
      await eventually('the account manager notified', async () =>
        (await notificationsOf(w.otherAm)).items.some(
          (item) => item.orderId === held.id && item.kind === 'order_held',
        ),
      );
      expect((await notificationsOf(w.am)).items.some((item) => item.orderId === held.id)).toBe(false);
      await api.dataSource.query(`UPDATE accounts SET credit_limit = 1000000 WHERE id = $1`, [w.theirs.id]);

      // A shipment event, as fulfilment writes it.
      const order = await place(w.buyer, 2);
      await api.dataSource.query(
        `INSERT INTO order_events (order_id, actor_id, kind, data) VALUES ($1, $2, 'shipment', $3)`,
        [order.id, w.warehouse.id, JSON.stringify({ carrier: 'UPS', trackingNumber: '1Z999', lines: [] })],
      );
      await eventually('the buyer told of the shipment', async () =>
        (await notificationsOf(w.buyer)).items.some(
          (item) => item.orderId === order.id && item.kind === 'order_shipped',
        ),
      );
      const shipped = (await notificationsOf(w.buyer)).items.find((item) => item.kind === 'order_shipped');
      expect(shipped?.body).toBe('Shipped with UPS, tracking number 1Z999.');

      // A backorder whose receipt moves: the buyer hears the new date.
      const product = await createProduct(api);
      await setStock(api, product.id, w.warehouseCode, 0);
      const inboundId = await addInbound(api, product.id, w.warehouseCode, 10, daysAhead(20));
      const backorder = await place(w.buyer, 0, { lines: [{ productId: product.id, quantity: 5 }] });
      await api.http
        .patch(`/api/inbound/${inboundId}`)
        .set(bearer(w.warehouse))
        .send({ expectedDate: daysAhead(40) })
        .expect(200);
      await eventually('the buyer told of the new date', async () =>
        (await notificationsOf(w.buyer)).items.some(
          (item) => item.orderId === backorder.id && item.kind === 'backorder_moved',
        ),
      );
    });

    it('tells the customer users of a phone order placed for them', async () => {
      const colleague = await createUser(api, 'buyer', w.mine.id);
      const order = await place(w.am, 1, { accountId: w.mine.id });
      for (const user of [w.buyer, w.approver, colleague]) {
        await eventually(`${user.role} told`, async () =>
          (await notificationsOf(user)).items.some(
            (item) => item.orderId === order.id && item.kind === 'order_confirmed',
          ),
        );
      }
      expect((await notificationsOf(w.otherBuyer)).items.some((item) => item.orderId === order.id)).toBe(
        false,
      );
    });

    it('lets each user read only their own, and mark them read', async () => {
      const list = await notificationsOf(w.buyer);
      const first = list.items[0];
      expect(first).toBeDefined();
      await api.http.post(`/api/notifications/${first?.id}/read`).set(bearer(w.otherBuyer)).expect(404);
      await api.http.post(`/api/notifications/${first?.id}/read`).set(bearer(w.buyer)).expect(204);
      const after = await notificationsOf(w.buyer);
      expect(after.items.find((item) => item.id === first?.id)?.readAt).not.toBeNull();
      expect(after.unread).toBe(list.unread - 1);
      expect(
        (await notificationsOf(w.buyer, '?unread=true')).items.every((item) => item.readAt === null),
      ).toBe(true);

      await api.http.post('/api/notifications/read-all').set(bearer(w.buyer)).expect(200);
      expect((await notificationsOf(w.buyer)).unread).toBe(0);
      await api.http.post('/api/notifications/not-a-uuid/read').set(bearer(w.buyer)).expect(404);
      await api.http.get('/api/notifications?pageSize=101').set(bearer(w.buyer)).expect(400);
      await api.http.get('/api/notifications').expect(401);
    });
  });
});
