import { type APIRequestContext } from '@playwright/test';
import type { Address, Page as ListPage, Order, Product, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { dialogOpened, expect, login, settled, snap, test } from './support';

/** An ACME order placed ship complete by API: two stocked products, the first of two packs. */
async function shipCompleteOrder(request: APIRequestContext) {
  const approver = await ApiUser.login(request, 'approver@acme.test');
  const catalog = await approver.get<ListPage<Product>>('/api/products', { pageSize: 100 });
  const pack = (p: Product) => Math.max(p.minOrderQty, p.orderMultiple);
  const stocked = catalog.items.filter(
    (p) => (p.available ?? 0) >= 3 * pack(p) && pack(p) <= 10 && Number(p.unitPrice ?? p.listPrice) < 50,
  );
  const [first, second] = stocked.slice(-2);
  if (!first || !second) throw new Error('Fewer than two stocked products: the demo data changed');
  const me = await approver.get<User>('/api/me');
  const addresses = await approver.get<Address[] | ListPage<Address>>(
    `/api/accounts/${me.accountId}/addresses`,
  );
  const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
  let order = await approver.send<Order>(
    'POST',
    '/api/orders',
    {
      lines: [
        { productId: first.id, quantity: 2 * pack(first) },
        { productId: second.id, quantity: pack(second) },
      ],
      shippingAddressId: address?.id,
      shipComplete: true,
      poNumber: `SC-${Date.now().toString(36)}`,
    },
    [201],
    { 'Idempotency-Key': `ship-complete-${Date.now()}` },
  );
  if (order.status === 'on_hold') {
    const am = await ApiUser.login(request, 'am@tradecounter.test');
    order = await am.send<Order>('POST', `/api/orders/${order.id}/release-hold`, {});
  }
  expect(order.status).toBe('confirmed');
  return { order, first, firstPack: pack(first) };
}

test('the warehouse is told an order ships complete, is stopped from sending part of it, and overrides with a reason that the history keeps', async ({
  page,
  request,
}) => {
  test.slow();
  const { order, first, firstPack } = await shipCompleteOrder(request);

  await login(page, 'warehouse@tradecounter.test');
  await page.goto(`/fulfilment/orders/${order.id}`);
  await settled(page);
  // The lines show the order's one date, not their own splits.
  const lines = page.getByRole('table', { name: 'Order lines to fulfil' });
  await expect(lines.getByText('with the whole order')).toHaveCount(2);

  await page.getByRole('button', { name: 'Ship', exact: true }).click();
  const ship = page.getByRole('dialog');
  await dialogOpened(ship);
  await expect(ship.getByRole('note')).toHaveText(/This order ships complete: all lines in one shipment\./);
  await ship.getByRole('combobox', { name: 'Carrier' }).click();
  await page.getByRole('option', { name: 'UPS' }).click();
  await ship.getByLabel('Tracking number').fill('1Z999AA10123456784');
  // Sending one pack of the first line would leave the other behind: the dialog says so before they try.
  await ship.getByLabel(`Units of ${first.sku} to ship`).fill(String(firstPack));
  await expect(ship).toContainText(`This shipment would leave ${firstPack} unit`);
  await expect(ship).toContainText(`${first.sku} (${firstPack} left)`);
  await ship.getByRole('button', { name: /^Ship \d+ units$/ }).click();
  await expect(ship.getByRole('alert')).toHaveText(
    'This order ships complete: ship everything that remains, or override with a reason.',
  );
  await snap(page, 'ship-complete-01-warning');

  // The override asks why, and will not go without a reason.
  await ship.getByRole('checkbox', { name: 'Ship part anyway (override ship complete)' }).check();
  await ship.getByRole('button', { name: /^Ship \d+ units$/ }).click();
  await expect(ship).toContainText('A reason is required');
  await ship.getByLabel('Reason for shipping part').fill('Customer asked for the stocked units today');
  await snap(page, 'ship-complete-02-override');
  await ship.getByRole('button', { name: /^Ship \d+ units$/ }).click();
  await expect(ship).toHaveCount(0);
  await expect(page.getByTestId('order-status')).toHaveText('Partly shipped');

  // The history names the override, who made it and why.
  const history = page.getByRole('list', { name: 'Order history' });
  await expect(history).toContainText('Ship complete overridden');
  await expect(history).toContainText('“Customer asked for the stocked units today”');
  // The tracking number links to UPS.
  const tracking = page.getByTestId('shipment-1').getByTestId('tracking-link');
  await expect(tracking).toHaveAttribute('href', 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
  await snap(page, 'ship-complete-03-overridden');
});
