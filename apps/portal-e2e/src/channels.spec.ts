import type { APIRequestContext } from '@playwright/test';
import { dialogOpened, expect, login, settled, snap, test } from './support';
import type { Account, Address, Page as ListPage, Product } from '@tradecounter/contracts';
import { ApiUser } from './api-support';

test('an admin gives a system an API key bound to one customer, widens it, and revokes it', async ({
  page,
  request,
}) => {
  const name = `erp-${Date.now().toString(36)}`;
  await login(page, 'admin@tradecounter.test');
  // The page's former address still leads to it.
  await page.goto('/admin/integrations');
  await expect(page).toHaveURL(/\/channels$/);
  await expect(page.getByRole('heading', { name: 'Channels' })).toBeVisible();
  await page.getByRole('link', { name: 'Channels' }).click();
  await expect(page.getByText('API keys for integrations')).toBeVisible();
  await settled(page);

  // Create it: a bad name and no accounts first, then ACME picked with the keyboard.
  await page.getByRole('button', { name: 'New channel' }).click();
  const dialog = page.getByRole('dialog');
  await dialogOpened(dialog);
  await dialog.getByLabel('Name').fill('Has Spaces');
  await dialog.getByRole('button', { name: 'Create and show key' }).click();
  await expect(dialog).toContainText('Use 2–40 lowercase letters');
  await expect(dialog).toContainText('Pick at least one account, or choose all accounts');
  await dialog.getByLabel('Name').fill(name);
  const accountSearch = dialog.getByRole('combobox', { name: 'Add an account' });
  await accountSearch.focus();
  await accountSearch.pressSequentially('ACME');
  // The search has run when ACME heads the list.
  await expect(page.getByRole('option').first()).toHaveText(/^ACME · /);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.locator('mat-chip-row[data-code="ACME"]')).toBeVisible();
  // "All accounts" warns what it means; switched off again, the list is still there.
  const allAccounts = dialog.getByRole('switch', { name: 'All accounts, including future ones' });
  await allAccounts.click();
  await expect(dialog.getByRole('alert')).toContainText('Anyone with this key can order for every customer');
  await snap(page, 'channels-01-all-accounts-warning');
  await allAccounts.click();
  await expect(dialog.locator('mat-chip-row[data-code="ACME"]')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create and show key' }).click();
  const keyField = dialog.getByRole('textbox', { name: 'API key' });
  await expect(keyField).toHaveValue(/^tck_/);
  const apiKey = await keyField.inputValue();
  await expect(dialog).toContainText('It is not shown again');
  await snap(page, 'channels-02-key-once');
  await dialog.getByRole('button', { name: 'I have stored the key' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.locator(`tr[data-name="${name}"]`);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');
  await expect(row).toContainText('ACME');
  await expect(row).not.toContainText('GLOBEX');
  await expect(row).toContainText('Saved addresses');
  await expect(page.getByText(apiKey)).toHaveCount(0);

  // The other system orders for ACME; GLOBEX is refused exactly as an unknown code.
  const admin = await ApiUser.login(request, 'admin@tradecounter.test');
  const acme = await customer(admin, 'ACME');
  const globex = await customer(admin, 'GLOBEX');
  const catalog = await admin.get<ListPage<Product>>('/api/products', { pageSize: 5 });
  const product = catalog.items[0];
  const order = (who: typeof acme, extra: Record<string, unknown> = {}) => ({
    accountCode: who.account.code,
    externalRef: `EDI-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    poNumber: 'EDI-PO-1',
    shippingAddressId: who.addressId,
    lines: [{ sku: product?.sku, quantity: product?.minOrderQty }],
    ...extra,
  });
  const acmeOrder = order(acme);
  const sent = await channelOrder(request, apiKey, acmeOrder);
  expect(sent.status, sent.text).toBe(201);
  expect((await channelOrder(request, apiKey, acmeOrder)).status).toBe(200);
  const placed = JSON.parse(sent.text) as { number: string };
  const foreign = await channelOrder(request, apiKey, order(globex));
  const unknown = await channelOrder(request, apiKey, order(globex, { accountCode: 'NO-SUCH-CODE' }));
  expect(foreign.status).toBe(404);
  expect(withoutInstance(foreign.text)).toEqual(withoutInstance(unknown.text));
  const address = { label: 'Dock', line1: '1 Quay', city: 'Hull', postcode: 'HU1', country: 'GB' };
  const inline = await channelOrder(request, apiKey, order(acme, { shippingAddressId: undefined, address }));
  expect(inline.status, inline.text).toBe(400);

  // Edit: add GLOBEX and allow addresses; its key can do both at once.
  await page.reload();
  await settled(page);
  await expect(row).not.toContainText('Never');
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog');
  await dialogOpened(edit);
  await expect(edit.getByRole('heading', { name: `Edit ${name}` })).toBeVisible();
  await edit.getByRole('combobox', { name: 'Add an account' }).fill('GLOBEX');
  await expect(page.getByRole('option').first()).toHaveText(/^GLOBEX · /);
  await page.getByRole('option', { name: /^GLOBEX · / }).click();
  await edit.getByRole('switch', { name: 'Allow ship-to addresses sent with orders' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText('GLOBEX');
  await expect(row).toContainText('Any address');
  const widened = await channelOrder(
    request,
    apiKey,
    order(globex, { shippingAddressId: undefined, address }),
  );
  expect(widened.status, widened.text).toBe(201);

  // Opened to every account on purpose, the list says so with a warning.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await edit.getByRole('switch', { name: 'All accounts, including future ones' }).click();
  await expect(edit.getByRole('alert')).toContainText('Anyone with this key can order for every customer');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText('All accounts');
  await expect(row).not.toContainText('GLOBEX');

  // Screens at desktop and phone widths.
  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, 'channels-03-list-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  // Loaded at phone width, so the navigation starts closed rather than mid-animation.
  await page.reload();
  await settled(page);
  await expect(row).toContainText('All accounts');
  await snap(page, 'channels-04-list-390');
  await page.setViewportSize({ width: 1366, height: 900 });

  // Its orders are one click away, filtered by channel.
  await row.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`channel=${name}`));
  await settled(page);
  await expect(page.getByRole('row', { name: new RegExp(placed.number) })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(2);

  // Revoked, the key stops working at once.
  await page.getByRole('link', { name: 'Channels' }).click();
  await settled(page);
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('dialog')).toContainText('stops working at once');
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Edit ${name}` })).toHaveCount(0);
  expect((await channelOrder(request, apiKey, order(acme))).status).toBe(401);
  await snap(page, 'channels-05-revoked');
});

async function customer(admin: ApiUser, code: string): Promise<{ account: Account; addressId: string }> {
  const accounts = await admin.get<ListPage<Account>>('/api/accounts', { search: code });
  const account = accounts.items.find((item) => item.code === code);
  if (!account) throw new Error(`The demo has no account ${code}`);
  const addresses = await admin.get<Address[] | ListPage<Address>>(`/api/accounts/${account.id}/addresses`);
  const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
  if (!address) throw new Error(`${code} has no address`);
  return { account, addressId: address.id };
}

async function channelOrder(request: APIRequestContext, apiKey: string, data: Record<string, unknown>) {
  const response = await request.post('/api/channel-orders', { headers: { 'X-Api-Key': apiKey }, data });
  return { status: response.status(), text: await response.text() };
}

function withoutInstance(text: string): Record<string, unknown> {
  const { instance: _instance, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
}
