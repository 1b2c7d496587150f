import type { APIRequestContext, Page } from '@playwright/test';
import type { Category, Order, Product, Warehouse, Address } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { accountManagerId, newAccount } from './dashboard-support';
import { scanLine } from './fulfilment-support';
import { tabletWidth } from './ordering-support';
import { dialogOpened, expect, login, settled, snap, test } from './support';

/**
 * Three products of this run's own, kept in bins whose walking order differs
 * from their SKUs' (Z-2 before Z-9 before Z-10), and two orders of them for
 * a new account: the first product goes to both orders.
 */
async function twoOrders(request: APIRequestContext) {
  const run = Date.now().toString(36).toUpperCase();
  const admin = await ApiUser.login(request, 'admin@tradecounter.test');
  const [category] = await admin.get<Category[]>('/api/categories');
  const warehouses = await admin.get<Warehouse[]>('/api/warehouses');
  const aisle = `W${run.slice(-4)}`;
  const make = async (suffix: string, bin: string, barcode?: string): Promise<Product> => {
    const product = await admin.send<Product>('POST', '/api/products', {
      sku: `WV-${run}-${suffix}`,
      name: `Wave test ${suffix} ${run}`,
      category: category?.name ?? 'Fasteners',
      unit: 'each',
      listPrice: '4.00',
      ...(barcode ? { barcode } : {}),
    });
    for (const w of warehouses) {
      await admin.send(
        'PUT',
        `/api/stock/${product.id}/${w.code}`,
        { onHand: 50, bin: `${aisle}-${bin}` },
        [200],
      );
    }
    return product;
  };
  const far = await make('A', '10-1');
  const near = await make('B', '2-1', `99${Date.now()}`);
  const middle = await make('C', '9-1');
  const { account, address } = await newAccount(
    admin,
    `WV${run}`.slice(0, 12),
    await accountManagerId(admin, 'am@tradecounter.test'),
  );
  const place = (tag: string, lines: { productId: string; quantity: number }[]) =>
    placeConfirmed(request, admin, account.id, address, lines, `${run}-${tag}`);
  const first = await place('1', [
    { productId: far.id, quantity: 3 },
    { productId: near.id, quantity: 2 },
  ]);
  const second = await place('2', [
    { productId: far.id, quantity: 1 },
    { productId: middle.id, quantity: 4 },
  ]);
  return {
    far,
    near,
    middle,
    first,
    second,
    bins: { far: `${aisle}-10-1`, near: `${aisle}-2-1`, middle: `${aisle}-9-1` },
  };
}

async function placeConfirmed(
  request: APIRequestContext,
  staff: ApiUser,
  accountId: string,
  address: Address,
  lines: { productId: string; quantity: number }[],
  tag: string,
): Promise<Order> {
  let order = await staff.send<Order>(
    'POST',
    '/api/orders',
    { accountId, lines, shippingAddressId: address.id, shipComplete: false, poNumber: `WAVE-${tag}` },
    [201],
    { 'Idempotency-Key': `e2e-wave-${tag}` },
  );
  if (order.status === 'on_hold') {
    const am = await ApiUser.login(request, 'am@tradecounter.test');
    order = await am.send<Order>('POST', `/api/orders/${order.id}/release-hold`, {});
  }
  expect(order.status).toBe('confirmed');
  return order;
}

/** A full-page screenshot at 1366 px and at a tablet's 768 px (once the side navigation has folded away). */
async function both(page: Page, name: string): Promise<void> {
  await snap(page, `${name}-1366`);
  await tabletWidth(page);
  await snap(page, `${name}-768`);
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.locator('mat-sidenav')).toBeVisible();
}

test('a warehouse user picks two orders in one wave by bin, reports a short pick, checks an order by typing SKUs and packs it', async ({
  page,
  request,
}) => {
  test.slow();
  const { far, near, middle, first, second, bins } = await twoOrders(request);
  await page.setViewportSize({ width: 1366, height: 900 });

  // The board, newest first: both orders wait in "To pick"; one is chosen by keyboard.
  await login(page, 'warehouse@tradecounter.test');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Fulfilment( \d+ waiting)?$/ })
    .click();
  await page.getByRole('combobox', { name: 'Warehouse' }).click();
  await page.getByRole('option', { name: new RegExp(`^${first.warehouseCode} `) }).click();
  await settled(page);
  await page.getByRole('button', { name: 'Placed' }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await settled(page);
  const row = (order: Order) => page.locator(`tr[data-order="${order.number}"]`);
  await expect(row(first)).toBeVisible();
  await expect(row(first).locator('td.mat-column-shipBy')).not.toHaveText('—');
  await row(first)
    .getByRole('checkbox', { name: `Choose ${first.number}` })
    .click();
  await row(second)
    .getByRole('checkbox', { name: `Choose ${second.number}` })
    .focus();
  await page.keyboard.press('Space');
  await expect(row(second).getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Wave' })).toContainText('2 orders chosen');
  await both(page, 'waves-01-board');
  await page.getByRole('button', { name: 'Create wave' }).click();

  // The wave: one stop per product, in walking order, each with the orders its units go to.
  await expect(page).toHaveURL(/\/fulfilment\/waves\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: /^Wave W-\d+/ })).toBeVisible();
  await settled(page);
  const sheet = page.getByRole('table', { name: 'Pick list in walking order' });
  const stops = sheet.locator('tbody > tr');
  await expect(stops).toHaveCount(3);
  await expect(stops.locator('td.bin')).toHaveText([bins.near, bins.middle, bins.far]);
  await expect(stops.nth(0)).toContainText(near.sku);
  await expect(stops.nth(2)).toContainText(far.sku);
  await expect(stops.nth(2).locator('td.num')).toHaveText('4');
  await expect(stops.nth(2)).toContainText(`${first.number} × 3`);
  await expect(stops.nth(2)).toContainText(`${second.number} × 1`);
  await both(page, 'waves-02-wave');
  await page.emulateMedia({ media: 'print' });
  await snap(page, 'waves-03-wave-print');
  await page.emulateMedia({ media: 'screen' });

  // The bin of the middle product holds one unit less than the system said.
  await stops
    .nth(1)
    .getByRole('button', { name: `Short pick: ${middle.sku} for ${second.number}` })
    .click();
  const short = page.getByRole('dialog');
  await dialogOpened(short);
  await short.getByRole('spinbutton', { name: 'Units missing' }).fill('5');
  await short.getByRole('button', { name: 'Record short pick' }).click();
  await expect(short).toContainText('At most 4 units');
  await expect(short).toContainText('Reason is required');
  await short.getByRole('spinbutton', { name: 'Units missing' }).fill('1');
  await short.getByRole('textbox', { name: 'Reason' }).fill('Bin held three');
  await short.getByRole('button', { name: 'Record short pick' }).click();
  await expect(short.getByRole('status')).toContainText(`Recorded 1 unit short for ${second.number}`);
  await expect(short).toContainText('is now promised');
  await snap(page, 'waves-04-short-pick');
  await short.getByRole('button', { name: 'Done' }).click();
  await expect(short).toHaveCount(0);
  await expect(stops.nth(1)).toContainText('1 short');

  // The first order: opened from the wave, picked, then checked line by line.
  await page
    .getByRole('list', { name: 'Orders in this wave' })
    .getByRole('link', { name: `Check ${first.number}` })
    .click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Check ${first.number}`) })).toBeVisible();
  const scan = page.getByRole('textbox', { name: 'SKU or barcode' });
  await expect(scan).toBeFocused();
  const pack = page.getByRole('button', { name: 'Pack' });
  await expect(pack).toBeDisabled();
  await expect(page.getByText('Packing needs every line checked')).toBeVisible();

  // A wrong SKU is refused, said where the scan is, and listed.
  await scanLine(page, `NOPE-${far.sku}`);
  await expect(page.getByRole('alert')).toContainText(`NOPE-${far.sku} × 1 refused`);
  await expect(page.getByRole('list', { name: 'Refused scans' })).toContainText(`NOPE-${far.sku}`);

  // Typed SKUs and a scanned barcode, twice: scans of one line add up.
  await scanLine(page, far.sku, 3);
  const lines = page.getByRole('list', { name: 'Lines to check' });
  await expect(lines.locator(`li[data-sku="${far.sku}"]`)).toContainText('3 / 3');
  await scanLine(page, near.barcode ?? near.sku);
  await expect(lines.locator(`li[data-sku="${near.sku}"]`)).toContainText('1 / 2');
  await both(page, 'waves-05-check');
  await page.getByRole('textbox', { name: 'SKU or barcode' }).focus();
  await scanLine(page, near.barcode ?? near.sku);
  await expect(lines.locator(`li[data-sku="${near.sku}"]`)).toContainText('2 / 2');
  await expect(page.getByRole('heading', { name: /^Check/ })).toContainText('Checked');

  // Every line checked: Pack opens, and the order is packed.
  await expect(pack).toBeEnabled();
  await pack.click();
  const dialog = page.getByRole('dialog');
  await dialogOpened(dialog);
  await dialog.getByRole('button', { name: 'Pack in 1 parcel' }).click();
  await expect(page).toHaveURL(new RegExp(`/fulfilment/orders/${first.id}$`));
  await expect(page.getByTestId('order-status')).toHaveText('Packed');

  // The waves list, and where the fast movers sit.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Waves', exact: true })
    .click();
  await settled(page);
  await both(page, 'waves-06-list');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Slotting', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Slotting' })).toBeVisible();
  await settled(page);
  await both(page, 'waves-07-slotting');
});
