import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import type { AccountUser, Page as ListPage, Product, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { DEMO_PASSWORD, login, settled, snap } from './support';

const BUYER = 'buyer@acme.test';
const APPROVER = 'approver@acme.test';

interface Pick {
  sku: string;
  quantity: number;
}

/** The smallest orderable quantity: at least the minimum, in whole packs. */
function smallestOrderable(product: Product): number {
  return Math.ceil(product.minOrderQty / product.orderMultiple) * product.orderMultiple;
}

/** Cheap active products the buyer's warehouse has in stock for their smallest orderable quantity. */
async function inStockPicks(buyer: ApiUser, count: number): Promise<Pick[]> {
  const catalog = await buyer.get<ListPage<Product>>('/api/products', { pageSize: 100 });
  const picks = catalog.items
    .filter((p) => p.active && (p.availability?.available ?? p.available ?? 0) >= smallestOrderable(p) * 2)
    .filter((p) => Number(p.unitPrice ?? p.listPrice) * smallestOrderable(p) < 200)
    .slice(0, count)
    .map((p) => ({ sku: p.sku, quantity: smallestOrderable(p) }));
  expect(picks.length, 'enough cheap in-stock demo products').toBe(count);
  return picks;
}

/** Starts from an empty cart, so the journey sees only its own lines. */
async function emptyCart(request: APIRequestContext, email: string): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await request.delete('/api/cart', { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(response.status(), 'DELETE /api/cart').toBe(200);
}

/** Pastes the lines into quick order and waits for every row to be added. */
async function quickOrder(page: Page, picks: Pick[], screenshot?: string): Promise<void> {
  await page.goto('/cart/quick-order');
  await page
    .getByLabel('SKU and quantity, one per line')
    .fill(picks.map((p) => `${p.sku} ${p.quantity}`).join('\n'));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('tr[data-result="added"]')).toHaveCount(picks.length);
  await expect(page.getByRole('status')).toContainText(
    `${picks.length} ${picks.length === 1 ? 'line' : 'lines'} added`,
  );
  if (screenshot) await snap(page, screenshot);
}

/** Cart → checkout stepper → confirmation; returns the order number shown. */
async function checkout(page: Page, poNumber: string, screenshots?: string): Promise<string> {
  await page.goto('/cart');
  await settled(page);
  if (screenshots) await snap(page, `${screenshots}-cart`);
  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await settled(page);
  await expect(page.getByRole('combobox', { name: 'Ship to' })).not.toHaveText('');
  if (screenshots) await snap(page, `${screenshots}-delivery`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('PO number').fill(poNumber);
  await page.getByRole('button', { name: 'Review order' }).click();
  await expect(page.getByTestId('available-credit')).toBeVisible();
  // The stepper slides the step in: wait until it has arrived.
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeInViewport({ ratio: 1 });
  if (screenshots) await snap(page, `${screenshots}-review`);
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+\/placed$/);
  const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  return number;
}

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
