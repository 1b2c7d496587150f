import type { Locator, Page } from '@playwright/test';
import { ApiUser } from './api-support';
import { BUYER, emptyCart, inStockPicks, placedOrderNumber } from './ordering-support';
import { expect, login, settled, test } from './support';

/** Presses Tab until the element has focus (as a keyboard user would), failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached with Tab within ${limit} presses`).toBeFocused();
}

test.describe('keyboard', () => {
  test('the skip link leads to the heading, and after a navigation focus is on the new page’s heading', async ({
    page,
  }) => {
    test.slow();
    await login(page, BUYER);
    await page.goto('/orders');
    // The app renders after the page loads: before its heading shows, Tab has nothing to reach.
    await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    await settled(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeFocused();
    await expect(page).toHaveURL(/\/orders$/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cart' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeFocused();

    // Typing in a search keeps focus in the box though the address changes.
    await page.goto('/catalog');
    const search = page.getByLabel('Search SKU or name');
    await search.fill('glove');
    await expect(page).toHaveURL(/search=glove/);
    await expect(search).toBeFocused();
  });

  test('a buyer checks out with the keyboard alone', async ({ page, request }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const [pick] = await inStockPicks(buyerApi, 1);
    if (!pick) throw new Error('no in-stock product in the demo data');
    await emptyCart(request, BUYER);
    await buyerApi.send('POST', '/api/cart/lines', { lines: [{ sku: pick.sku, quantity: pick.quantity }] });
    try {
      await login(page, BUYER);
      await page.goto('/cart');
      await settled(page);
      await tabTo(page, page.getByRole('link', { name: 'Checkout' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeFocused();
      await settled(page);
      await expect(page.getByRole('combobox', { name: 'Ship to' })).not.toHaveText('');

      await tabTo(page, page.getByRole('button', { name: 'Next' }));
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByLabel('PO number'));
      await page.keyboard.type(`KBD-${Date.now().toString(36)}`);
      await tabTo(page, page.getByRole('button', { name: 'Review order' }));
      await page.keyboard.press('Enter');
      const place = page.getByRole('button', { name: /^Place order/ });
      await expect(place).toBeVisible();
      await tabTo(page, place);
      await page.keyboard.press('Enter');
      const number = await placedOrderNumber(page);
      const am = await ApiUser.login(request, 'am@tradecounter.test');
      const orders = await am.get<{ items: { id: string; number: string }[] }>('/api/orders', {
        search: number,
      });
      for (const order of orders.items.filter((o) => o.number === number)) {
        await am.send(
          'POST',
          `/api/orders/${order.id}/cancel`,
          { reason: 'keyboard journey' },
          [200, 201, 409],
        );
      }
    } finally {
      await emptyCart(request, BUYER);
    }
  });
});
