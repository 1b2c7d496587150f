import type { Address, Order, Page as ListPage, StandingOrder } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import {
  ACCOUNT_MANAGER,
  accountOf,
  BUYER,
  checkout,
  emptyCart,
  inStockPicks,
  quickOrder,
} from './ordering-support';
import { expect, login, settled, snap, test } from './support';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The weekday two days from now: its runs never fall on today, where the scheduler may be placing one. */
function weekdayInTwoDays(): string {
  return WEEKDAYS[new Date(Date.now() + 2 * 86_400_000).getDay()] ?? 'Wednesday';
}

/** Screens at the tablet width: nothing may scroll sideways. */
async function noSidewaysScroll(page: import('@playwright/test').Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('standing orders', () => {
  test('a buyer makes a past order a standing order and skips its next run', async ({ page, request }) => {
    // It places an order first when the account has none, then goes through every screen twice (desktop, tablet).
    test.setTimeout(300_000);
    // The account needs a past order: the demo's history when loaded, else one placed here.
    const buyer = await ApiUser.login(request, BUYER);
    const past = await buyer.get<ListPage<Order>>('/api/orders', { pageSize: 1 });
    await login(page, BUYER);
    if (past.total === 0) {
      await emptyCart(request, BUYER);
      await quickOrder(page, await inStockPicks(buyer, 2));
      await checkout(page, 'SO-JOURNEY-1');
    }
    const weekday = weekdayInTwoDays();
    const nav = page.getByRole('navigation', { name: 'Main' });

    // The empty list says how to make one.
    await nav.getByRole('link', { name: 'Standing orders' }).click();
    await expect(page.getByRole('heading', { name: 'Standing orders', exact: true })).toBeVisible();
    await settled(page);
    await expect(page.getByText('No standing orders yet')).toBeVisible();
    await snap(page, 'standing-00-empty-list');

    // A past order of the account, from the orders list.
    await nav.getByRole('link', { name: 'Orders', exact: true }).click();
    await settled(page);
    const firstOrder = page.locator('tr.mat-mdc-row a.tc-row-link').first();
    const orderNumber = (await firstOrder.innerText()).trim();
    await firstOrder.click();
    await expect(page.getByRole('heading', { name: new RegExp(`Order ${orderNumber}`) })).toBeVisible();
    await settled(page);
    const orderSkus = await page.locator('td.mat-column-product a.sku').allInnerTexts();

    await page.getByRole('link', { name: 'Make it a standing order' }).click();
    await expect(page).toHaveURL(/\/standing-orders\/new\?fromOrder=/);
    await expect(page.getByRole('heading', { name: 'New standing order' })).toBeVisible();
    await settled(page);
    await expect(page.getByText(`From order ${orderNumber}`)).toBeVisible();
    const lineRows = page.locator('table[aria-label="Lines"] tr.mat-mdc-row');
    await expect(lineRows.first()).toBeVisible();
    const lineCount = await lineRows.count();
    expect(lineCount).toBe(orderSkus.length);

    // The PO pattern shows the PO it produces; the schedule reads in words as it changes.
    await page.getByLabel(/^PO number pattern/).fill('ACME-{yyyy}{mm}{dd}');
    await expect(page.getByTestId('po-example')).toHaveText(/^ACME-\d{8}$/);
    await expect(page.getByTestId('schedule-words')).toHaveText('Every week on Monday');
    await page.getByLabel('Every', { exact: true }).fill('2');
    await expect(page.getByTestId('schedule-words')).toHaveText('Every 2 weeks on Monday');
    await page.getByRole('radio', { name: 'Monthly' }).check();
    await page.getByRole('combobox', { name: 'On day' }).click();
    await page.getByRole('option', { name: 'Last day of the month' }).click();
    await expect(page.getByTestId('schedule-words')).toHaveText('Every 2 months on the last day');
    // Back to weekly, every week: runs come soon enough to skip one.
    await page.getByRole('radio', { name: 'Weekly' }).check();
    await page.getByLabel('Every', { exact: true }).fill('1');
    await page.getByRole('combobox', { name: 'On', exact: true }).click();
    await page.getByRole('option', { name: weekday, exact: true }).click();
    await expect(page.getByTestId('schedule-words')).toHaveText(`Every week on ${weekday}`);
    // The live preview: six dates a week apart, the first the run the page will show as next.
    const previewDates = page.getByRole('list', { name: 'Next run dates' }).getByRole('listitem');
    await expect(previewDates).toHaveCount(6);
    const previewFirst = (await previewDates.first().innerText()).trim();
    await snap(page, 'standing-01-form');

    // A quantity can change and a line can go (when there is more than one).
    await lineRows.first().getByRole('spinbutton').fill('7');
    if (lineCount > 1) {
      await lineRows
        .last()
        .getByRole('button', { name: /^Remove / })
        .click();
      await expect(lineRows).toHaveCount(lineCount - 1);
    }

    await page.getByRole('button', { name: 'Create standing order' }).click();
    await expect(page).toHaveURL(/\/standing-orders\/[0-9a-f-]{36}$/);
    await settled(page);
    await expect(page.getByRole('heading', { name: `Repeat of ${orderNumber}` })).toBeVisible();
    await expect(page.locator('tc-standing-order-status-chip')).toHaveText('Active');

    // The coming runs: the next is marked; skipping it makes the following one next.
    const runs = page.locator('tc-coming-runs li.run');
    await expect(runs.nth(1)).toBeVisible();
    const nextText = (await runs.nth(0).locator('.date').innerText()).trim();
    const followingText = (await runs.nth(1).locator('.date').innerText()).trim();
    await expect(page.getByTestId('next-run')).toHaveText(nextText);
    expect(nextText).toBe(previewFirst);
    await expect(runs.nth(0)).toContainText('Next run');
    await expect(runs.nth(0)).toContainText('PO ACME-');
    await snap(page, 'standing-02-page');

    await page.getByRole('button', { name: 'Skip next run' }).click();
    await expect(page.getByTestId('next-run')).toHaveText(followingText);
    await expect(runs.nth(0)).toHaveClass(/skipped/);
    await expect(runs.nth(0)).toContainText('Skipped');
    await expect(runs.nth(1)).toContainText('Next run');
    await snap(page, 'standing-03-skipped');

    // The list shows it with its schedule and next run.
    await nav.getByRole('link', { name: 'Standing orders' }).click();
    await settled(page);
    const row = page.locator(`tr[data-standing-order="Repeat of ${orderNumber}"]`);
    await expect(row).toContainText(`Every week on ${weekday}`);
    await expect(row).toContainText(followingText);
    await expect(row).toContainText(String(lineCount > 1 ? lineCount - 1 : lineCount));
    await snap(page, 'standing-04-list');

    // Tablet: the list, the page and the form without sideways scrolling.
    await page.setViewportSize({ width: 768, height: 1024 });
    await noSidewaysScroll(page);
    await snap(page, 'standing-05-list-768');
    await row.locator('a.tc-row-link').click();
    await settled(page);
    await expect(page.getByTestId('next-run')).toHaveText(followingText);
    await noSidewaysScroll(page);
    await snap(page, 'standing-06-page-768');
    await page.getByRole('link', { name: 'Edit' }).click();
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Edit standing order' })).toBeVisible();
    await expect(page.getByLabel(/^PO number pattern/)).toHaveValue('ACME-{yyyy}{mm}{dd}');
    await noSidewaysScroll(page);
    await snap(page, 'standing-07-edit-768');

    // Pause until a date, then resume.
    await page.getByRole('link', { name: 'Cancel' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pause' }).click();
    await expect(page.locator('tc-standing-order-status-chip')).toHaveText('Paused');
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await snap(page, 'standing-08-paused-768');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.locator('tc-standing-order-status-chip')).toHaveText('Active');
  });

  test('an account manager sees their accounts’ standing orders, with the account', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    // A standing order of ACME's, made by API: this journey is about reading it.
    const buyer = await ApiUser.login(request, BUYER);
    const accountId = await accountOf(buyer);
    const [address] = await buyer.get<Address[]>(`/api/accounts/${accountId}/addresses`);
    const picks = await inStockPicks(buyer, 1);
    const made = await buyer.send<StandingOrder>('POST', '/api/standing-orders', {
      name: 'Monthly gloves',
      lines: picks.map((p) => ({ productId: p.productId, quantity: p.quantity })),
      shippingAddressId: address?.id,
      poPattern: 'GLV-{yyyy}{mm}',
      schedule: { every: 'month', interval: 1, dayOfMonth: 'last' },
    });

    // The buyer can start one from a template too.
    await login(page, BUYER);
    await page.goto('/templates');
    await settled(page);
    // The demo gives ACME templates.
    await expect(page.locator('tr.mat-mdc-row').first()).toBeVisible();
    const templateName = (await page.locator('tr.mat-mdc-row td.mat-column-name').first().innerText()).trim();
    await page.getByRole('link', { name: `Make ${templateName} a standing order` }).click();
    await expect(page).toHaveURL(/\/standing-orders\/new\?fromTemplate=/);
    await settled(page);
    await expect(page.getByText(`From template “${templateName}”`)).toBeVisible();
    await expect(page.locator('table[aria-label="Lines"] tr.mat-mdc-row').first()).toBeVisible();
    await snap(page, 'standing-09-from-template');
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /Sign out/ }).click();

    await login(page, ACCOUNT_MANAGER);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Standing orders' })
      .click();
    await expect(page.getByRole('heading', { name: 'Standing orders', exact: true })).toBeVisible();
    await settled(page);
    await expect(page.getByRole('combobox', { name: 'Account' })).toBeVisible();
    const row = page.locator('tr[data-standing-order="Monthly gloves"]');
    await expect(row).toContainText(made.accountName);
    await expect(row).toContainText('Monthly on the last day');
    await snap(page, 'standing-10-account-manager');
    await row.locator('a.tc-row-link').click();
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Monthly gloves' })).toBeVisible();
    await expect(page.getByTestId('next-run')).toBeVisible();
    await snap(page, 'standing-11-account-manager-page');
  });
});
