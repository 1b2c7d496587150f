import { type Page } from '@playwright/test';
import type { Address, Order } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { accountOf, BUYER, inStockPicks, type Pick } from './ordering-support';
import { login, settled, snap, expect, test } from './support';

/** The subtotals in the order list, top to bottom, as numbers of cents. */
async function shownSubtotals(page: Page): Promise<number[]> {
  const cells = await page.locator('tr[data-order] td.mat-column-subtotal').allInnerTexts();
  return cells.map((text) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100));
}

const descending = (values: number[]) => values.every((value, i) => i === 0 || (values[i - 1] ?? 0) >= value);
const ascending = (values: number[]) => values.every((value, i) => i === 0 || (values[i - 1] ?? 0) <= value);

test.describe('lists', () => {
  test('orders sort by a column: the URL keeps the sort, a reload shows the same order', async ({
    page,
    request,
  }) => {
    const buyerApi = await ApiUser.login(request, BUYER);
    const accountId = await accountOf(buyerApi);
    const [pick] = (await inStockPicks(buyerApi, 1)) as [Pick];
    const [address] = await buyerApi.get<Address[]>(`/api/accounts/${accountId}/addresses`);
    const poPrefix = `E2E-SORT-${Date.now()}`;
    // Three orders of different sizes, placed smallest last, so "newest first" is not "largest first".
    for (const [index, packs] of [3, 1, 2].entries()) {
      await buyerApi.send<Order>(
        'POST',
        '/api/orders',
        {
          lines: [{ sku: pick.sku, quantity: pick.quantity * packs }],
          shippingAddressId: address?.id,
          shipComplete: false,
          poNumber: `${poPrefix}-${index}`,
        },
        [201],
        { 'Idempotency-Key': `${poPrefix}-${index}` },
      );
    }

    await login(page, BUYER);
    await page.goto(`/orders?search=${poPrefix}`);
    await settled(page);
    const rows = page.locator('tr[data-order]');
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText(`${poPrefix}-2`);

    await page.getByRole('columnheader', { name: /Subtotal/ }).click();
    await expect(page).toHaveURL(/sort=subtotal&dir=desc/);
    await settled(page);
    await expect(rows.first()).toContainText(`${poPrefix}-0`);
    expect(descending(await shownSubtotals(page))).toBe(true);
    await expect(page.getByRole('columnheader', { name: /Subtotal/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await snap(page, 'lists-01-orders-by-subtotal');

    await page.getByRole('columnheader', { name: /Subtotal/ }).click();
    await expect(page).toHaveURL(/sort=subtotal&dir=asc/);
    await settled(page);
    await expect(rows.first()).toContainText(`${poPrefix}-1`);
    expect(ascending(await shownSubtotals(page))).toBe(true);

    // The URL is the state: a reload (or a shared link) shows the same order and header.
    await page.reload();
    await settled(page);
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText(`${poPrefix}-1`);
    expect(ascending(await shownSubtotals(page))).toBe(true);
    await expect(page.getByRole('columnheader', { name: /Subtotal/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    // Rows are links: a real href (new tab, middle-click), reached by keyboard, and the whole row opens it.
    const link = rows.first().getByRole('link');
    const number = (await link.innerText()).trim();
    await expect(link).toHaveAttribute('href', /^\/orders\/[0-9a-f-]{36}$/);
    await link.focus();
    await expect(link).toBeFocused();
    await rows.first().click();
    await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/sort=subtotal&dir=asc/);

    // On a phone the rows are cards: the subtotal is in view.
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    await expect(rows.first().locator('td.mat-column-subtotal')).toBeInViewport();
    await snap(page, 'lists-02-orders-as-cards-390');
  });
});
