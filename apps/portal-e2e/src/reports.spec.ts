import type { APIRequestContext } from '@playwright/test';
import { join } from 'node:path';
import { expect, test, login, settled, snap } from './support';
import type { Address, Order, SalesReport } from '@tradecounter/contracts';
import { csvRows } from './dashboard-support';
import { ApiUser } from './api-support';
import { checkOrderByApi } from './fulfilment-support';
import { accountOf, BUYER, inStockPicks, type Pick } from './ordering-support';

/** An order by the demo buyer today, so the period (and this month) is never empty whatever ran before. */
async function orderToday(request: APIRequestContext, tag: string): Promise<Order> {
  const buyerApi = await ApiUser.login(request, BUYER);
  const accountId = await accountOf(buyerApi);
  const [pick] = (await inStockPicks(buyerApi, 1)) as [Pick];
  const [address] = await buyerApi.get<Address[]>(`/api/accounts/${accountId}/addresses`);
  return buyerApi.send<Order>(
    'POST',
    '/api/orders',
    {
      lines: [{ sku: pick.sku, quantity: pick.quantity }],
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `E2E-${tag}-${Date.now()}`,
    },
    [201],
    { 'Idempotency-Key': `e2e-${tag.toLowerCase()}-${Date.now()}` },
  );
}

/** Picked, packed, shipped whole and delivered now, so the delivery figures have something to show. */
async function deliverWhole(request: APIRequestContext, order: Order): Promise<void> {
  const admin = await ApiUser.login(request, 'admin@tradecounter.test');
  await admin.send<Order>('POST', `/api/orders/${order.id}/pick`, {}, [200]);
  await checkOrderByApi(admin, order.id);
  await admin.send<Order>('POST', `/api/orders/${order.id}/pack`, { packages: [{}] }, [200]);
  const shipped = await admin.send<Order>(
    'POST',
    `/api/orders/${order.id}/shipments`,
    {
      carrier: 'UPS',
      trackingNumber: `1ZE2E${Date.now()}`,
      lines: order.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })),
    },
    [201],
  );
  const shipment = shipped.shipments.at(-1);
  await admin.send<Order>(
    'POST',
    `/api/shipments/${shipment?.id}/deliver`,
    { deliveredAt: new Date().toISOString() },
    [200],
  );
}

test('a manager reads sales by month and by channel, and the CSV holds the numbers on screen', async ({
  page,
  request,
}) => {
  await orderToday(request, 'SALES');

  await login(page, 'manager@tradecounter.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sales' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sales' })).toBeVisible();
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
  await expect(table.getByRole('row', { name: /^Portal/ })).toBeVisible();
  const shown = (await page.getByTestId('total-net-sales').innerText()).trim();

  const managerApi = await ApiUser.login(request, 'manager@tradecounter.test');
  const report = await managerApi.get<SalesReport>('/api/reports/sales', { groupBy: 'channel' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('Channel,Net sales (USD),Orders,Units,Savings vs list (USD),Key');
  // Channels by name as on the screen, money as exact decimals.
  expect(lines).toContainEqual(expect.stringMatching(/^Portal,\d+\.\d{2},\d+,\d+,-?\d+\.\d{2},portal$/));
  const cents = lines
    .slice(1)
    .map((line) => line.split(',')[1] ?? '0')
    .reduce((sum, amount) => sum + BigInt(amount.replace('.', '')), 0n);
  const total = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
  expect(total).toBe(report.total.netSales);
  expect(shown.replace(/[$,]/g, '')).toBe(total);
  await snap(page, 'reports-02-sales-by-channel');
});

const MANAGER = 'manager@tradecounter.test';

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('a reversed period is an error on the field, and nothing is asked of the API', async ({ page }) => {
  await login(page, MANAGER);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sales' }).click();
  await settled(page);
  const fromField = page.getByRole('textbox', { name: 'From', exact: true });
  const toField = page.getByRole('textbox', { name: 'To', exact: true });
  // The dates the API settled on (the default period) once the report is in: the value read
  // is the one that matched (the form is filled again when a later answer of the same period lands).
  let to = '';
  await expect
    .poll(async () => (to = await toField.inputValue()), { timeout: 15_000 })
    .toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Only requests that carry a period count: CI once saw a second request of the default
  // period (no from/to) arrive after the first report was in; the rule is about the reversed one.
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes('/api/reports/sales') && url.includes('from=')) asked.push(url);
  });
  await fromField.fill(addDays(to, 3));
  await expect(page.getByText(/^Must be on or before \d{1,2} \w{3,4} \d{4}$/)).toBeVisible();
  await expect(fromField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Bad Request')).toHaveCount(0);
  await expect(page).not.toHaveURL(/from=/);
  expect(asked).toEqual([]);
  await snap(page, 'reports-03-reversed-period');

  // Fixed, it goes out.
  await fromField.fill(addDays(to, -3));
  await expect(page).toHaveURL(new RegExp(`from=${addDays(to, -3)}`));
  await expect(page.getByText(/^Must be on or before/)).toHaveCount(0);
  await settled(page);
  expect(asked.length).toBeGreaterThan(0);

  // The dashboard's filters do the same.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await settled(page);
  const dashboardTo = page.getByRole('textbox', { name: 'To', exact: true });
  const dashboardFrom = await page.getByRole('textbox', { name: 'From', exact: true }).inputValue();
  await dashboardTo.fill(addDays(dashboardFrom, -1));
  await expect(page.getByText(/^Must be on or after \d{1,2} \w{3,4} \d{4}$/)).toBeVisible();
  await expect(page).not.toHaveURL(/period=custom/);
});

test('the on-time / OTIF chart starts near its data, and its CSV holds exact decimals with readable headings', async ({
  page,
  request,
}) => {
  await deliverWhole(request, await orderToday(request, 'OTIF'));
  await login(page, MANAGER);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await settled(page);
  const delivery = page.getByRole('region', { name: 'On time and OTIF' });
  await expect(delivery.getByRole('img')).toBeVisible();
  await delivery.scrollIntoViewIfNeeded();
  await snap(page, 'reports-04-dashboard-otif');
  await delivery.screenshot({ path: join(__dirname, '../artifacts/screenshots/reports-05-otif-chart.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    delivery.getByRole('button', { name: 'Download On time and OTIF as CSV' }).click(),
  ]);
  const csv = await csvRows(download);
  expect(csv.header).toEqual([
    expect.stringMatching(/^(Week|Month)$/),
    'On time to first promise (%)',
    'On time to current promise (%)',
    'OTIF to first promise (%)',
    'OTIF to current promise (%)',
    'In full (%)',
    'Delivered lines',
    'Delivered orders',
    'Shipped orders',
    'Key',
  ]);
  expect(csv.rows.length).toBeGreaterThan(0);
  for (const row of csv.rows) {
    // Labels as on the screen ("Week of 30 Nov 2026"), shares with one decimal, never a float's noise.
    expect(row[0]).toMatch(/^(Week of )?\d{0,2} ?\w{3,4} \d{4}$/);
    for (const share of row.slice(1, 6)) expect(share).toMatch(/^(\d{1,3}\.\d)?$/);
  }
  // The same figures the table shows.
  await delivery.getByRole('radio', { name: 'Table' }).click();
  const first = csv.rows[0] ?? [];
  const shownRow = delivery.getByRole('row', { name: new RegExp(`^${first[0]}`) });
  await expect(shownRow).toContainText(first[1] ? `${first[1]}%` : '—');
});

test("a buyer's Spend page says Spend and marks the month not over yet as partial", async ({
  page,
  request,
}) => {
  await orderToday(request, 'SPEND');
  await login(page, BUYER);
  await expect(page.getByRole('link', { name: 'Sales' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Spend' }).click();
  await expect(page).toHaveTitle(/^Spend/);
  await expect(page.getByRole('heading', { name: 'Spend', level: 1 })).toBeVisible();
  await settled(page);
  const byMonth = page.getByRole('region', { name: 'Spend by month' });
  await expect(byMonth.getByTestId('partial-note')).toContainText('partial');
  await snap(page, 'reports-06-spend');
  await byMonth.getByRole('radio', { name: 'Table' }).click();
  await expect(byMonth.getByRole('columnheader', { name: 'Spend' })).toBeVisible();
  await expect(byMonth.getByRole('columnheader', { name: /Sales/ })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(/\bSales\b/);
  // This month is not over: its row says so.
  await expect(byMonth.getByRole('row', { name: /\(partial\)/ }).last()).toBeVisible();
  await snap(page, 'reports-07-spend-table');
});
