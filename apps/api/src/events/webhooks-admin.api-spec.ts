import type { CreatedWebhookSubscription, WebhookSubscription } from '@tradecounter/contracts';
import { bearer, createWorld, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** Managing subscriptions: admin only, validated, the secret shown once. (No worker runs here.) */
describe('webhook subscriptions', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const valid = { url: 'https://erp.example.com/hooks', events: ['order.created'] };

  it('is for admins only', async () => {
    for (const user of [w.buyer, w.approver, w.am, w.manager, w.warehouse]) {
      await t.http.get('/api/webhooks').set(bearer(user)).expect(403);
      await t.http.post('/api/webhooks').set(bearer(user)).send(valid).expect(403);
    }
    await t.http.get('/api/webhooks').expect(401);
    await t.http.get('/api/notifications').set(bearer(w.warehouse)).expect(200);
  });

  it('queues a test event for an active subscription: admin only, 404 unknown, 409 disabled', async () => {
    const created = (await t.http.post('/api/webhooks').set(bearer(w.admin)).send(valid).expect(201))
      .body as CreatedWebhookSubscription;
    for (const user of [w.buyer, w.approver, w.am, w.manager, w.warehouse]) {
      await t.http.post(`/api/webhooks/${created.id}/test`).set(bearer(user)).expect(403);
    }
    const sent = await t.http.post(`/api/webhooks/${created.id}/test`).set(bearer(w.admin)).expect(202);
    expect(sent.body).toMatchObject({
      subscriptionId: created.id,
      eventType: 'webhook.test',
      status: 'pending',
      attempts: 0,
      body: { type: 'webhook.test', data: { subscriptionId: created.id } },
    });
    expect(sent.body.eventId).toMatch(/^test\.[0-9a-f-]{36}$/);
    const log = await t.http.get(`/api/webhooks/${created.id}/deliveries`).set(bearer(w.admin)).expect(200);
    expect(log.body.items.map((item: { id: string }) => item.id)).toEqual([sent.body.id]);
    const again = await t.http.post(`/api/webhooks/${created.id}/test`).set(bearer(w.admin)).expect(202);
    expect(again.body.eventId).not.toBe(sent.body.eventId);

    await t.http
      .post('/api/webhooks/00000000-0000-4000-8000-000000000000/test')
      .set(bearer(w.admin))
      .expect(404);
    await t.http.post('/api/webhooks/not-an-id/test').set(bearer(w.admin)).expect(404);
    await t.http.delete(`/api/webhooks/${created.id}`).set(bearer(w.admin)).expect(204);
    const refused = await t.http.post(`/api/webhooks/${created.id}/test`).set(bearer(w.admin)).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('shows the secret once, masked after; generates one when none is given', async () => {
    const created = (
      await t.http
        .post('/api/webhooks')
        .set(bearer(w.admin))
        .send({ ...valid, secret: 'my-own-secret-value-1234' })
        .expect(201)
    ).body as CreatedWebhookSubscription;
    expect(created).toMatchObject({
      secret: 'my-own-secret-value-1234',
      secretHint: '••••1234',
      active: true,
    });

    const listed = (await t.http.get('/api/webhooks').set(bearer(w.admin)).expect(200))
      .body as WebhookSubscription[];
    const again = listed.find((entry) => entry.id === created.id);
    expect(again).toMatchObject({ url: valid.url, events: ['order.created'], secretHint: '••••1234' });
    expect(JSON.stringify(listed)).not.toContain('my-own-secret-value-1234');

    const generated = (await t.http.post('/api/webhooks').set(bearer(w.admin)).send(valid).expect(201))
      .body as CreatedWebhookSubscription;
    expect(generated.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const patched = await t.http
      .patch(`/api/webhooks/${created.id}`)
      .set(bearer(w.admin))
      .send({ events: ['order.created', 'shipment.created'], active: false })
      .expect(200);
    expect(patched.body).toMatchObject({ events: ['order.created', 'shipment.created'], active: false });
    expect(patched.body).not.toHaveProperty('secret');
    await t.http.delete(`/api/webhooks/${generated.id}`).set(bearer(w.admin)).expect(204);
    const log = await t.http.get(`/api/webhooks/${generated.id}/deliveries`).set(bearer(w.admin)).expect(200);
    expect(log.body).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it.each([
    ['an ftp URL', { ...valid, url: 'ftp://erp.example.com/hooks' }, 'url'],
    ['a relative URL', { ...valid, url: '/hooks' }, 'url'],
    ['a URL with credentials', { ...valid, url: 'https://user:pw@erp.example.com/' }, 'url'],
    ['javascript', { ...valid, url: 'javascript:alert(1)' }, 'url'],
    ['no events', { ...valid, events: [] }, 'events'],
    ['an unknown event', { ...valid, events: ['order.deleted'] }, 'events'],
    ['a repeated event', { ...valid, events: ['order.created', 'order.created'] }, 'events'],
    ['a short secret', { ...valid, secret: 'short' }, 'secret'],
    ['an unknown field', { ...valid, colour: 'red' }, 'colour'],
    ['a number for a URL', { ...valid, url: 42 }, 'url'],
  ])('answers 400 problem+json to %s', async (_, body, field) => {
    const response = await t.http.post('/api/webhooks').set(bearer(w.admin)).send(body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((response.body as { errors: { field: string }[] }).errors.map((error) => error.field)).toContain(
      field,
    );
  });

  it('answers 404, never 5xx, for what does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await t.http.get(`/api/webhooks/${missing}`).set(bearer(w.admin)).expect(404);
    await t.http.get(`/api/webhooks/not-an-id/deliveries`).set(bearer(w.admin)).expect(404);
    await t.http.get(`/api/webhooks/${missing}/deliveries`).set(bearer(w.admin)).expect(404);
    await t.http.patch(`/api/webhooks/${missing}`).set(bearer(w.admin)).send({ active: true }).expect(404);
    await t.http.post('/api/webhooks/deliveries/abc/redeliver').set(bearer(w.admin)).expect(404);
    await t.http
      .post('/api/webhooks/deliveries/99999999999999999999/redeliver')
      .set(bearer(w.admin))
      .expect(404);
    await t.http.post('/api/webhooks/deliveries/999999999/redeliver').set(bearer(w.admin)).expect(404);
    await t.http.get(`/api/webhooks/${missing}/deliveries?status=lost`).set(bearer(w.admin)).expect(400);
  });
});
