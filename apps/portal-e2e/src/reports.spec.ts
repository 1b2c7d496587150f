import { expect, test, login, settled, snap } from './support';
import type { Address, Order, SalesReport } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { accountOf, BUYER, inStockPicks, type Pick } from './ordering-support';

test('a manager reads sales by month and by channel, and the CSV holds the numbers on screen', async ({
  page,
  request,
}) => {
  // An order today, so the period is never empty whatever ran before.
  const buyerApi = await ApiUser.login(request, BUYER);
  const accountId = await accountOf(buyerApi);
  const [pick] = (await inStockPicks(buyerApi, 1)) as [Pick];
  const [address] = await buyerApi.get<Address[]>(`/api/accounts/${accountId}/addresses`);
  await buyerApi.send<Order>(
    'POST',
    '/api/orders',
    {
      lines: [{ sku: pick.sku, quantity: pick.quantity }],
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `E2E-SALES-${Date.now()}`,
    },
    [201],
    { 'Idempotency-Key': `e2e-sales-${Date.now()}` },
  );

  await login(page, 'manager@tradecounter.test');
  await page.getByRole('link', { name: 'Sales' }).click();
  await expect(page.getByRole('heading', { name: 'Sales' })).toBeVisible();
  await settled(page);
  await expect(page.getByRole('img', { name: /^Net sales by month/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Sales' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await snap(page, 'reports-01-sales-by-month');

  // By channel: the choice is kept in the URL, so the view can be shared.
  await page.getByRole('combobox', { name: 'Group by' }).click();
  await page.getByRole('option', { name: 'Channel' }).click();
  await expect(page).toHaveURL(/groupBy=channel/);
  await settled(page);
  await expect(table.getByRole('row', { name: /portal/ })).toBeVisible();
  const shown = (await page.getByTestId('total-net-sales').innerText()).trim();

  const managerApi = await ApiUser.login(request, 'manager@tradecounter.test');
  const report = await managerApi.get<SalesReport>('/api/reports/sales', { groupBy: 'channel' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('key,label,netSales,orders,units,savings');
  const cents = lines
    .slice(1)
    .map((line) => line.split(',')[2] ?? '0')
    .reduce((sum, amount) => sum + BigInt(amount.replace('.', '')), 0n);
  const total = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
  expect(total).toBe(report.total.netSales);
  expect(shown.replace(/[$,]/g, '')).toBe(total);
  await snap(page, 'reports-02-sales-by-channel');
});
