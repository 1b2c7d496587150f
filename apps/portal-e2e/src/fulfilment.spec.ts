import { type APIRequestContext, expect } from '@playwright/test';
import { DEMO_PASSWORD, dialogOpened, login, settled, snap, test } from './support';
import type { Address, Page as ListPage, Order, Product, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { checkOrderInPortal } from './fulfilment-support';

/**
 * An ACME order of two stocked products placed by API (the journey is what
 * follows): line 1 of two packs so it can ship in two parts, line 2 of one.
 */
async function confirmedOrder(request: APIRequestContext) {
  const approver = await ApiUser.login(request, 'approver@acme.test');
  const catalog = await approver.get<ListPage<Product>>('/api/products', { pageSize: 100 });
  const pack = (p: Product) => Math.max(p.minOrderQty, p.orderMultiple);
  const stocked = catalog.items.filter(
    (p) => (p.available ?? 0) >= 2 * pack(p) && pack(p) <= 10 && Number(p.unitPrice ?? p.listPrice) < 50,
  );
  const [first, second] = stocked;
  if (!first || !second) throw new Error('Fewer than two stocked products: the demo data changed');
  const me = await approver.get<User>('/api/me');
  const addresses = await approver.get<Address[] | ListPage<Address>>(
    `/api/accounts/${me.accountId}/addresses`,
  );
  const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
  const signIn = await request.post('/api/auth/login', {
    data: { email: 'approver@acme.test', password: DEMO_PASSWORD },
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const placed = await request.post('/api/orders', {
    headers: { Authorization: `Bearer ${accessToken}`, 'Idempotency-Key': `fulfilment-${Date.now()}` },
    data: {
      lines: [
        { productId: first.id, quantity: 2 * pack(first) },
        { productId: second.id, quantity: pack(second) },
      ],
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `FUL-${Date.now().toString(36)}`,
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  let order = (await placed.json()) as Order;
  if (order.status === 'on_hold') {
    const am = await ApiUser.login(request, 'am@tradecounter.test');
    order = await am.send<Order>('POST', `/api/orders/${order.id}/release-hold`, {});
  }
  expect(order.status).toBe('confirmed');
  return { order, first, second, firstPart: pack(first) };
}

test('the warehouse ships an order in two parts and records delivery; the buyer sees both shipments and rates the delivery', async ({
  page,
  request,
}) => {
  test.slow();
  const { order, first, second, firstPart } = await confirmedOrder(request);

  // The board: the order waits in "To pick" at its warehouse.
  await login(page, 'warehouse@tradecounter.test');
  await page.getByRole('link', { name: 'Fulfilment' }).click();
  await expect(page.getByRole('heading', { name: 'Fulfilment' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Warehouse' }).click();
  await page.getByRole('option', { name: new RegExp(`^${order.warehouseCode} `) }).click();
  await settled(page);
  const toPick = page.locator('[data-queue="confirmed"]');
  await expect(toPick).toContainText(/To pick\s*[1-9]/);
  await expect(page.getByRole('table', { name: 'To pick orders' })).toBeVisible();
  await snap(page, 'fulfilment-01-board');

  // The pick list, by bin, as printed.
  await page.getByRole('link', { name: 'Pick list' }).click();
  await settled(page);
  const sheet = page.getByRole('article', { name: `Order ${order.number}` });
  await expect(sheet).toContainText(first.sku);
  await expect(sheet).toContainText(second.sku);
  await expect(sheet.locator('td.bin').first()).toHaveText(/^[A-H]-\d{2}-\d$/);
  await page.emulateMedia({ media: 'print' });
  await snap(page, 'fulfilment-02-pick-list-print');
  await page.emulateMedia({ media: 'screen' });

  // Open the order: start picking, check it, pack in two parcels.
  await page.goto(`/fulfilment/orders/${order.id}`);
  await settled(page);
  await page.getByRole('button', { name: 'Start picking' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start picking' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Picking');
  // Packing needs every line checked first.
  await checkOrderInPortal(
    page,
    order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
  );
  await page.getByRole('button', { name: 'Pack', exact: true }).click();
  const pack = page.getByRole('dialog');
  await dialogOpened(pack);
  await pack.getByLabel('Parcel 1 weight (kg)').fill('-2');
  await pack.getByRole('button', { name: /^Pack in/ }).click();
  await expect(pack).toContainText('Enter kilograms above 0');
  await pack.getByLabel('Parcel 1 weight (kg)').fill('12.5');
  await pack.getByRole('button', { name: 'Add parcel' }).click();
  await pack.getByLabel('Parcel 2 weight (kg)').fill('4');
  await pack.getByRole('button', { name: 'Pack in 2 parcels' }).click();
  await expect(pack).toHaveCount(0);
  await expect(page.getByTestId('order-status')).toHaveText('Packed');

  // First shipment, UPS: part of line 1 and all of line 2.
  await page.getByRole('button', { name: 'Ship', exact: true }).click();
  let ship = page.getByRole('dialog');
  await dialogOpened(ship);
  await expect(ship.getByLabel(`Units of ${first.sku} to ship`)).toHaveValue(String(2 * firstPart));
  await ship.getByRole('button', { name: /^Ship \d+ units$/ }).click();
  await expect(ship).toContainText('Carrier is required');
  await ship.getByRole('combobox', { name: 'Carrier' }).click();
  await page.getByRole('option', { name: 'UPS' }).click();
  await ship.getByLabel('Tracking number').fill('1Z 999');
  await ship.getByLabel(`Units of ${first.sku} to ship`).fill(String(2 * firstPart + 1));
  await ship.getByRole('button', { name: /^Ship \d+ units$/ }).click();
  await expect(ship).toContainText('Up to 60 characters, no spaces');
  await expect(ship).toContainText(`At most ${2 * firstPart}`);
  await ship.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await ship.getByLabel(`Units of ${first.sku} to ship`).fill(String(firstPart));
  await snap(page, 'fulfilment-03-ship-dialog');
  await ship.getByRole('button', { name: /^Ship \d+ units$/ }).click();
  await expect(ship).toHaveCount(0);
  await expect(page.getByTestId('order-status')).toHaveText('Partly shipped');

  // Second shipment, FedEx: what remains (the default).
  await page.getByRole('button', { name: 'Ship', exact: true }).click();
  ship = page.getByRole('dialog');
  await dialogOpened(ship);
  await expect(ship.getByLabel(`Units of ${first.sku} to ship`)).toHaveValue(String(firstPart));
  await ship.getByRole('combobox', { name: 'Carrier' }).click();
  await page.getByRole('option', { name: 'FedEx' }).click();
  await ship.getByLabel('Tracking number').fill('794644790132');
  await ship.getByRole('button', { name: `Ship ${firstPart} units` }).click();
  await expect(ship).toHaveCount(0);
  await expect(page.getByTestId('order-status')).toHaveText('Shipped');
  await expect(page.getByRole('button', { name: 'Ship', exact: true })).toHaveCount(0);
  await snap(page, 'fulfilment-04-shipped');

  // Deliveries, both now (the default).
  for (const n of [1, 2]) {
    await page.getByTestId(`shipment-${n}`).getByRole('button', { name: 'Mark delivered' }).click();
    const deliver = page.getByRole('dialog');
    await dialogOpened(deliver);
    await expect(deliver.getByLabel('Delivered at')).not.toHaveValue('');
    await deliver.getByRole('button', { name: 'Mark delivered' }).click();
    await expect(deliver).toHaveCount(0);
  }
  await expect(page.getByTestId('order-status')).toHaveText('Delivered');
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, 'fulfilment-05-delivered');
  await page.setViewportSize({ width: 820, height: 1100 });
  await page.goto(`/fulfilment?warehouse=${order.warehouseCode}&queue=shipped`);
  await settled(page);
  await snap(page, 'fulfilment-05b-board-tablet');
  await page.setViewportSize({ width: 1366, height: 900 });

  // The customer who placed it was told of each shipment; opening one shows both shipments,
  // and they rate the delivery with the keyboard.
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: /Sign out/ }).click();
  await login(page, 'approver@acme.test');
  const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const told = page.getByRole('menuitem', { name: `Unread: Order ${order.number} shipped` });
  await expect(told).toHaveCount(2);
  await expect(
    page.getByRole('menuitem', { name: `Unread: Order ${order.number} delivered` }).first(),
  ).toBeVisible();
  await snap(page, 'fulfilment-05c-customer-notified');
  await told.first().click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}`));
  await settled(page);
  const shipments = page.getByRole('list', { name: 'Shipments' });
  await expect(shipments.getByTestId('shipment-1')).toContainText('UPS');
  await expect(shipments.getByTestId('shipment-1')).toContainText('1Z999AA10123456784');
  await expect(shipments.getByTestId('shipment-1')).toContainText(`${firstPart} × ${first.sku}`);
  await expect(shipments.getByTestId('shipment-2')).toContainText('FedEx');
  await expect(shipments.getByTestId('shipment-2')).toContainText('794644790132');
  await expect(shipments.locator('.delivered')).toHaveCount(2);

  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose 1 to 5 stars' })).toBeVisible();
  const stars = page.getByRole('radiogroup', { name: 'Rate this delivery' });
  await stars.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(stars.getByRole('radio', { name: /^4 stars/ })).toHaveAttribute('aria-checked', 'true');
  await page.getByLabel('Comment (optional)').fill('Both parcels arrived in good shape.');
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, 'fulfilment-06-rate');
  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(page.getByRole('heading', { name: 'Your delivery rating' })).toBeVisible();
  await expect(page.getByText('“Both parcels arrived in good shape.”')).toBeVisible();
  await expect(page.getByText(/Rated .+ by .*\S\. Thank you\./)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, 'fulfilment-07-rated');

  // At tablet width the buyer's page still reads top to bottom.
  await page.setViewportSize({ width: 820, height: 1100 });
  await snap(page, 'fulfilment-08-rated-tablet');
});
