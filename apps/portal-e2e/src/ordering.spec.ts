import { expect, test, login, settled, snap } from './support';
import type { AccountUser, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { APPROVER, BUYER, checkout, emptyCart, inStockPicks, quickOrder } from './ordering-support';

test.describe('ordering', () => {
  test('a buyer pastes 5 SKUs, checks out, finds the order in history and reorders it', async ({
    page,
    request,
  }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const picks = await inStockPicks(buyerApi, 5);
    await emptyCart(request, BUYER);

    await login(page, BUYER);
    await quickOrder(page, picks, 'ordering-01-quick-order');
    const number = await checkout(page, `E2E-${Date.now()}`, 'ordering-02');
    await expect(page.locator('ul[aria-label="Promise per line"] > li')).toHaveCount(5);
    await snap(page, 'ordering-03-confirmation');

    await page.getByRole('link', { name: 'Order history' }).click();
    const row = page.locator(`tr[data-order="${number}"]`);
    await expect(row).toBeVisible();
    await settled(page);
    await snap(page, 'ordering-04-history');

    await row.getByRole('link', { name: number }).click();
    await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Order history' })).toContainText('Placed');
    await snap(page, 'ordering-05-order-detail');

    await page.getByRole('button', { name: 'Reorder' }).click();
    await expect(page).toHaveURL(/\/cart$/);
    await settled(page);
    for (const pick of picks) {
      await expect(page.locator(`tr[data-sku="${pick.sku}"]`)).toBeVisible();
    }
    await snap(page, 'ordering-06-reordered-cart');

    await page.setViewportSize({ width: 768, height: 1000 });
    await snap(page, 'ordering-07-cart-768');
    await page.goto(`/orders`);
    await settled(page);
    await snap(page, 'ordering-08-history-768');
    await emptyCart(request, BUYER);
  });

  test('an order over the buyer’s limit waits for the approver, who approves it', async ({
    browser,
    request,
  }) => {
    test.slow();
    const approverApi = await ApiUser.login(request, APPROVER);
    const buyerApi = await ApiUser.login(request, BUYER);
    const me = await buyerApi.get<User>('/api/me');
    const accountId = me.accountId ?? '';
    const users = await approverApi.get<AccountUser[]>(`/api/accounts/${accountId}/users`);
    const buyerUser = users.find((u) => u.email === BUYER);
    expect(buyerUser, 'the demo buyer').toBeDefined();
    const limitBefore = buyerUser?.orderLimit ?? null;
    const [pick] = await inStockPicks(buyerApi, 1);
    // A limit below any order: whatever the buyer orders now needs approval.
    await approverApi.send('PATCH', `/api/accounts/${accountId}/users/${buyerUser?.id}`, {
      orderLimit: '0.01',
    });
    try {
      await emptyCart(request, BUYER);
      // The buyer's side of this journey runs at tablet width.
      const buyer = await browser.newPage({ viewport: { width: 768, height: 1000 } });
      await login(buyer, BUYER);
      await quickOrder(buyer, [pick]);
      const number = await checkout(buyer, `E2E-APPROVE-${Date.now()}`, 'ordering-09-768');
      await expect(buyer.getByTestId('order-status')).toHaveText('Awaiting approval');
      await expect(buyer.getByRole('status').first()).toContainText('approver');
      await snap(buyer, 'ordering-10-pending-approval');
      await buyer.close();

      const approver = await browser.newPage();
      await login(approver, APPROVER);
      await approver.getByRole('link', { name: 'Approvals' }).click();
      const row = approver.locator(`tr[data-order="${number}"]`);
      await expect(row).toBeVisible();
      await settled(approver);
      await snap(approver, 'ordering-11-approvals-queue');
      await row.getByRole('button', { name: `Approve order ${number}` }).click();
      await approver.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
      await expect(approver.getByRole('dialog')).toHaveCount(0);
      await expect(row).toHaveCount(0);

      await approver.goto('/orders');
      await approver.locator(`tr[data-order="${number}"]`).getByRole('link', { name: number }).click();
      await expect(approver.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
      await expect(approver.getByTestId('order-status')).toHaveText(/^(Confirmed|On credit hold)$/);
      await expect(approver.getByRole('list', { name: 'Order history' })).toContainText(
        'Awaiting approval →',
      );
      await snap(approver, 'ordering-12-approved');
      await approver.close();
    } finally {
      await approverApi.send('PATCH', `/api/accounts/${accountId}/users/${buyerUser?.id}`, {
        orderLimit: limitBefore,
      });
    }
  });
});
