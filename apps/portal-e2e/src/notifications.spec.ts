import { type APIRequestContext, expect } from '@playwright/test';
import { DEMO_PASSWORD, dialogOpened, login, settled, snap, test } from './support';
import type {
  AccountUser,
  Address,
  NotificationList,
  Order,
  Page as ListPage,
  Product,
  User,
} from '@tradecounter/contracts';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiUser } from './api-support';

const BUYER = 'buyer@acme.test';
const APPROVER = 'approver@acme.test';
const ADMIN = 'admin@tradecounter.test';

/** The buyer places one small in-stock order by API (with a PO: ACME may require one). */
async function placeOrder(request: APIRequestContext, buyer: ApiUser, tag: string): Promise<Order> {
  const me = await buyer.get<User>('/api/me');
  const addresses = await buyer.get<Address[] | ListPage<Address>>(`/api/accounts/${me.accountId}/addresses`);
  const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
  const catalog = await buyer.get<ListPage<Product>>('/api/products', { pageSize: 100 });
  const product = catalog.items.find(
    (p) => p.active && (p.available ?? 0) >= p.minOrderQty * 2 && p.orderMultiple === 1,
  );
  expect(product, 'an in-stock demo product').toBeDefined();
  const loginResponse = await request.post('/api/auth/login', {
    data: { email: BUYER, password: DEMO_PASSWORD },
  });
  const { accessToken } = (await loginResponse.json()) as { accessToken: string };
  const placed = await request.post('/api/orders', {
    headers: { Authorization: `Bearer ${accessToken}`, 'Idempotency-Key': `${tag}-${Date.now()}` },
    data: {
      lines: [{ productId: product?.id, quantity: product?.minOrderQty }],
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `${tag}-${Date.now().toString(36)}`,
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  return (await placed.json()) as Order;
}

/** Polls until `check` holds (the outbox is handed on within moments of a commit). */
async function eventually(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  await expect.poll(check, { message: what, timeout: 15_000, intervals: [100, 250, 500] }).toBe(true);
}

test('an order over the buyer’s limit rings the approver’s bell, and its notification opens the order', async ({
  browser,
  request,
}) => {
  test.slow();
  const approverApi = await ApiUser.login(request, APPROVER);
  const buyerApi = await ApiUser.login(request, BUYER);
  const me = await buyerApi.get<User>('/api/me');
  const users = await approverApi.get<AccountUser[]>(`/api/accounts/${me.accountId}/users`);
  const buyerUser = users.find((u) => u.email === BUYER);
  const limitBefore = buyerUser?.orderLimit ?? null;
  await approverApi.send('POST', '/api/notifications/read-all', {});
  await approverApi.send('PATCH', `/api/accounts/${me.accountId}/users/${buyerUser?.id}`, {
    orderLimit: '0.01',
  });
  let order: Order;
  try {
    order = await placeOrder(request, buyerApi, 'E2E-BELL');
  } finally {
    await approverApi.send('PATCH', `/api/accounts/${me.accountId}/users/${buyerUser?.id}`, {
      orderLimit: limitBefore,
    });
  }
  expect(order.status).toBe('pending_approval');
  await eventually('the approver’s notification', async () =>
    (await approverApi.get<NotificationList>('/api/notifications')).items.some((n) => n.orderId === order.id),
  );

  const page = await browser.newPage();
  await login(page, APPROVER);
  const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const item = page.getByRole('menuitem', { name: `Unread: Order ${order.number} waits for your approval` });
  await expect(item).toBeVisible();
  await snap(page, 'notifications-01-approver-bell');
  await item.click();
  await expect(page.getByRole('heading', { name: `Order ${order.number}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting approval');
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
  await settled(page);
  await snap(page, 'notifications-02-order-opened');

  // Keyboard: the bell opens with Enter, and an empty list says so.
  await page.getByRole('button', { name: 'Notifications', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toContainText(`Order ${order.number} waits for your approval`);
  await page.keyboard.press('Escape');
  await page.close();

  // Tidy up: the demo order does not stay waiting.
  await approverApi.send('POST', `/api/orders/${order.id}/reject`, { reason: 'E2E test order' });
});

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
}

test('an admin subscribes a webhook, sees its deliveries arrive, signed, and redelivers one', async ({
  page,
  request,
}) => {
  test.slow();
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/e2e-hooks`;
  try {
    await login(page, ADMIN);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
    await settled(page);
    await page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialogOpened(dialog);
    await dialog.getByLabel('Endpoint URL').fill('ftp://nowhere');
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await expect(dialog).toContainText('Enter an http:// or https:// URL');
    await dialog.getByLabel('Endpoint URL').fill(url);
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await snap(page, 'notifications-03-new-webhook');
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    const secret = await dialog.getByTestId('created-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await snap(page, 'notifications-04-secret-shown-once');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row').filter({ hasText: url });
    await expect(row).toContainText('Active');
    await expect(page.getByText(secret)).toHaveCount(0);

    const buyerApi = await ApiUser.login(request, BUYER);
    const order = await placeOrder(request, buyerApi, 'E2E-HOOK');
    await eventually('the order.created delivery', () =>
      hits.some((hit) => hit.body.includes(order.id) && hit.headers['x-event-type'] === 'order.created'),
    );
    const hit = hits.find((h) => h.body.includes(order.id));
    const expected = `sha256=${createHmac('sha256', secret)
      .update(hit?.body ?? '')
      .digest('hex')}`;
    expect(hit?.headers['x-signature']).toBe(expected);

    await row.getByRole('link', { name: 'Log' }).click();
    await expect(page.getByRole('heading', { name: 'Deliveries' })).toBeVisible();
    const delivery = page.getByRole('row').filter({ hasText: order.number });
    await expect(delivery.getByTestId('delivery-status')).toHaveText('Delivered');
    await expect(delivery).toContainText('HTTP 204');
    await settled(page);
    await snap(page, 'notifications-05-delivery-log');

    await delivery.getByRole('button', { name: /^Redeliver order\.created/ }).click();
    await expect(page.getByText('order.created sent again')).toBeVisible();
    await eventually('the redelivery', () => hits.filter((h) => h.body.includes(order.id)).length >= 2);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('row').filter({ hasText: order.number })).toHaveCount(2);
    await expect(
      page.getByRole('row').filter({ hasText: order.number }).getByTestId('delivery-status').first(),
    ).toHaveText('Delivered');
    await settled(page);
    await snap(page, 'notifications-06-redelivered');

    // At tablet width, then disabled so later runs send nothing to this closed port.
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.getByRole('link', { name: 'Back to webhooks' }).click();
    await settled(page);
    await snap(page, 'notifications-07-webhooks-768');
    await page.getByRole('button', { name: `Disable ${url}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByRole('row').filter({ hasText: url })).toContainText('Disabled');
  } finally {
    // Whatever happened above, nothing is left sending to this port once it closes.
    const admin = await ApiUser.login(request, ADMIN);
    const hooks = await admin.get<{ id: string; url: string; active: boolean }[]>('/api/webhooks');
    for (const hook of hooks.filter((h) => h.url === url && h.active)) {
      await admin.send('PATCH', `/api/webhooks/${hook.id}`, { active: false });
    }
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
