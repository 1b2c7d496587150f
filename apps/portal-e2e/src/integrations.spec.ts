import { expect, test } from '@playwright/test';
import type { Account, Address, Page as ListPage, Product } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { login, settled, snap } from './support';

test('an admin gives a system an API key; its orders arrive on that channel until the key is revoked', async ({
  page,
  request,
}) => {
  const name = `erp-${Date.now().toString(36)}`;
  await login(page, 'admin@tradecounter.test');
  await page.getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('heading', { name: 'Integrations' })).toBeVisible();
  await settled(page);

  // Create it: a bad name first, then a good one; the key is shown once.
  await page.getByRole('button', { name: 'New integration' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Has Spaces');
  await dialog.getByRole('button', { name: 'Create and show key' }).click();
  await expect(dialog).toContainText('Use 2–40 lowercase letters');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create and show key' }).click();
  const keyField = dialog.getByRole('textbox', { name: 'API key' });
  await expect(keyField).toHaveValue(/^tck_/);
  const apiKey = await keyField.inputValue();
  await expect(dialog).toContainText('It is not shown again');
  await snap(page, 'integrations-01-key-once');
  await dialog.getByRole('button', { name: 'I have stored the key' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.locator(`tr[data-name="${name}"]`);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');
  await expect(page.getByText(apiKey)).toHaveCount(0);

  // The other system sends an order with the key.
  const admin = await ApiUser.login(request, 'admin@tradecounter.test');
  const accounts = await admin.get<ListPage<Account>>('/api/accounts', { search: 'ACME' });
  const account = accounts.items.find((item) => item.code === 'ACME') ?? accounts.items[0];
  const addresses = await admin.get<Address[] | ListPage<Address>>(`/api/accounts/${account?.id}/addresses`);
  const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
  const catalog = await admin.get<ListPage<Product>>('/api/products', { pageSize: 5 });
  const product = catalog.items[0];
  const order = {
    accountCode: account?.code,
    externalRef: `EDI-${Date.now()}`,
    poNumber: 'EDI-PO-1',
    shippingAddressId: address?.id,
    lines: [{ sku: product?.sku, quantity: product?.minOrderQty }],
  };
  const sent = await request.post('/api/channel-orders', { headers: { 'X-Api-Key': apiKey }, data: order });
  expect(sent.status(), await sent.text()).toBe(201);
  const again = await request.post('/api/channel-orders', { headers: { 'X-Api-Key': apiKey }, data: order });
  expect(again.status()).toBe(200);
  const placed = (await sent.json()) as { number: string };

  // Its orders are one click away, filtered by channel.
  await page.reload();
  await settled(page);
  await expect(row).not.toContainText('Never');
  await snap(page, 'integrations-02-list');
  await row.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`channel=${name}`));
  await settled(page);
  await expect(page.getByRole('row', { name: new RegExp(placed.number) })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);

  // Revoked, the key stops working at once.
  await page.getByRole('link', { name: 'Integrations' }).click();
  await settled(page);
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('dialog')).toContainText('stops working at once');
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('Revoked');
  const refused = await request.post('/api/channel-orders', {
    headers: { 'X-Api-Key': apiKey },
    data: { ...order, externalRef: `${order.externalRef}-2` },
  });
  expect(refused.status()).toBe(401);
  await snap(page, 'integrations-03-revoked');
});
