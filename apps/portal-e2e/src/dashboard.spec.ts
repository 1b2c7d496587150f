import { expect, type Page } from '@playwright/test';
import { test, login, settled, snap } from './support';
import type { SalesReport, SummaryReport } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import {
  accountManagerId,
  buyerOrder,
  columnTotal,
  csvRows,
  newAccount,
  newAccountManager,
  staffOrder,
  toCents,
} from './dashboard-support';
import { ACCOUNT_MANAGER, accountOf, BUYER, inStockPicks, type Pick, tabletWidth } from './ordering-support';

const RUN = Date.now().toString(36).toUpperCase();
const ADMIN = 'admin@tradecounter.test';
const MANAGER = 'manager@tradecounter.test';

async function pickAccountManager(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Account manager' }).click();
  await page.getByRole('option', { name, exact: true }).click();
}

async function netSalesCard(page: Page): Promise<bigint> {
  return toCents(await page.getByTestId('kpi-netSales').innerText());
}

test.describe('reporting dashboards', () => {
  test('a manager filters the dashboard by account manager and exports a CSV whose total matches the card', async ({
    page,
    request,
  }) => {
    // A second account manager with an account and an order of their own, so the filter has something to leave out.
    const admin = await ApiUser.login(request, ADMIN);
    const buyerApi = await ApiUser.login(request, BUYER);
    const alexId = await accountManagerId(admin, ACCOUNT_MANAGER);
    const dana = await newAccountManager(admin, RUN);
    const { account, address } = await newAccount(admin, `DASH${RUN}`, dana.id);
    const [pick] = (await inStockPicks(buyerApi, 1)) as [Pick];
    const order = await staffOrder(admin, account.id, address.id, pick);
    // And one for an account of Alex's (ACME), so his view is never empty either.
    await buyerOrder(buyerApi, await accountOf(buyerApi), pick);

    await login(page, MANAGER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await settled(page);
    await expect(page.getByTestId('kpi-netSales')).toBeVisible();
    await snap(page, 'dashboard-01-manager');

    // Dana's view holds exactly her one order.
    await pickAccountManager(page, dana.name);
    await expect(page).toHaveURL(new RegExp(`accountManagerId=${dana.id}`));
    await settled(page);
    expect(await netSalesCard(page)).toBe(toCents(order.subtotal));
    await expect(page.getByTestId('kpi-orders')).toHaveText('1');

    // Alex's view leaves it out: the card is the API's figure for Alex, and the account is not among the top.
    await pickAccountManager(page, 'Alex Account-Manager');
    await expect(page).toHaveURL(new RegExp(`accountManagerId=${alexId}`));
    await settled(page);
    const manager = await ApiUser.login(request, MANAGER);
    const from = await page.getByRole('textbox', { name: 'From', exact: true }).inputValue();
    const to = await page.getByRole('textbox', { name: 'To', exact: true }).inputValue();
    const forAlex = await manager.get<SummaryReport>('/api/reports/summary', {
      from,
      to,
      accountManagerId: alexId,
    });
    const card = await netSalesCard(page);
    expect(card).toBe(toCents(forAlex.netSales));
    const byAccount = await manager.get<SalesReport>('/api/reports/sales', {
      from,
      to,
      accountManagerId: alexId,
      groupBy: 'account',
    });
    expect(byAccount.rows.map((row) => row.key)).not.toContain(account.id);
    const topAccounts = page.getByRole('region', { name: 'Top accounts' });
    await topAccounts.getByRole('radio', { name: 'Table' }).click();
    await expect(topAccounts.getByRole('table')).toBeVisible();
    await expect(topAccounts.getByRole('table')).toContainText('ACME');
    await expect(topAccounts.getByRole('table')).not.toContainText(account.code);

    // The view is in the URL: a reload shows the same figure.
    await page.reload();
    await settled(page);
    expect(await netSalesCard(page)).toBe(card);
    await snap(page, 'dashboard-02-manager-filtered');

    // The CSV of net sales over time adds up to the card, to the cent.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Net sales over time as CSV' }).click(),
    ]);
    expect(columnTotal(await csvRows(download), 'Net sales (USD)')).toBe(card);

    await tabletWidth(page);
    await settled(page);
    await snap(page, 'dashboard-03-manager-768');
  });

  test('a buyer sees their spend by month and what their prices saved', async ({ page, request }) => {
    // An order today, so the year is never empty whatever ran before.
    const buyerApi = await ApiUser.login(request, BUYER);
    const [pick] = (await inStockPicks(buyerApi, 1)) as [Pick];
    await buyerOrder(buyerApi, await accountOf(buyerApi), pick);

    await login(page, BUYER);
    await expect(page.getByRole('link', { name: 'Sales' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Spend' }).click();
    await expect(page.getByRole('heading', { name: 'Spend', level: 1 })).toBeVisible();
    await settled(page);
    const from = await page.getByRole('textbox', { name: 'From', exact: true }).inputValue();
    const to = await page.getByRole('textbox', { name: 'To', exact: true }).inputValue();
    const report = await buyerApi.get<SalesReport>('/api/reports/sales', { from, to, groupBy: 'month' });
    expect(toCents(await page.getByTestId('spend-total').innerText())).toBe(toCents(report.total.netSales));
    expect(toCents(await page.getByTestId('savings-total').innerText())).toBe(toCents(report.total.savings));
    await snap(page, 'dashboard-04-spend');

    const byMonth = page.getByRole('region', { name: 'Spend by month' });
    await byMonth.getByRole('radio', { name: 'Table' }).click();
    await expect(byMonth.getByRole('row')).toHaveCount(report.rows.length + 1);
    await tabletWidth(page);
    await snap(page, 'dashboard-05-spend-768');
  });

  test("an account manager's dashboard lists their dormant accounts", async ({ page, request }) => {
    const admin = await ApiUser.login(request, ADMIN);
    const alexId = await accountManagerId(admin, ACCOUNT_MANAGER);
    const { account } = await newAccount(admin, `QUIET${RUN}`, alexId);

    await login(page, ACCOUNT_MANAGER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'My accounts', level: 1 })).toBeVisible();
    await settled(page);
    const dormant = page.getByRole('region', { name: 'Dormant accounts' });
    const row = dormant.getByRole('row', { name: new RegExp(account.code) });
    await expect(row).toContainText('Never ordered');
    await expect(page.getByRole('region', { name: /^Sales by account/ })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Credit holds/ })).toBeVisible();
    await snap(page, 'dashboard-06-account-manager');
    await tabletWidth(page);
    await snap(page, 'dashboard-07-account-manager-768');
  });

  test('the "data as of" caption counts the return-rate panel, which loads its own report', async ({
    page,
  }) => {
    // Every answer is current but the return rate's, which says it is five minutes old (a lagging replica).
    await page.route('**/api/reports/returns?*', async (route) => {
      const response = await route.fetch();
      const report = (await response.json()) as { asOf: string };
      const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000 - 5_000).toISOString();
      await route.fulfill({ response, json: { ...report, asOf: fiveMinutesAgo } });
    });
    await login(page, MANAGER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Return rate' })).toBeVisible();
    await settled(page);
    await expect(page.getByTestId('data-as-of')).toContainText('5 min behind');
    await snap(page, 'dashboard-08-data-behind');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('data-as-of')).toBeVisible();
    await snap(page, 'dashboard-09-data-behind-390');
  });
});
