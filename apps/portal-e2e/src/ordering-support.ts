import { type APIRequestContext, expect, type Page } from '@playwright/test';
import type { Page as ListPage, Product, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { DEMO_PASSWORD, settled, snap } from './support';

export const BUYER = 'buyer@acme.test';
export const APPROVER = 'approver@acme.test';
export const ACCOUNT_MANAGER = 'am@tradecounter.test';

/** A product to order and the quantity to order it in. */
export interface Pick {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
}

/** The smallest orderable quantity: at least the minimum, in whole packs. */
function smallestOrderable(product: Product): number {
  return Math.ceil(product.minOrderQty / product.orderMultiple) * product.orderMultiple;
}

/**
 * Cheap active products the buyer's warehouse has in stock for their
 * smallest orderable quantity, leaving out those `exclude` names.
 */
export async function inStockPicks(
  buyer: ApiUser,
  count: number,
  exclude: (product: Product) => boolean = () => false,
): Promise<Pick[]> {
  const catalog = await buyer.get<ListPage<Product>>('/api/products', { pageSize: 100 });
  const picks = catalog.items
    .filter((p) => p.active && (p.availability?.available ?? p.available ?? 0) >= smallestOrderable(p) * 2)
    .filter((p) => Number(p.unitPrice ?? p.listPrice) * smallestOrderable(p) < 200)
    .filter((p) => !exclude(p))
    .slice(0, count)
    .map((p) => ({ productId: p.id, sku: p.sku, name: p.name, quantity: smallestOrderable(p) }));
  expect(picks.length, 'enough cheap in-stock demo products').toBe(count);
  return picks;
}

/** Starts from an empty cart, so the journey sees only its own lines. */
export async function emptyCart(request: APIRequestContext, email: string): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await request.delete('/api/cart', { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(response.status(), 'DELETE /api/cart').toBe(200);
}

/** Pastes the lines into quick order and waits for every row to be added. */
export async function quickOrder(page: Page, picks: Pick[], screenshot?: string): Promise<void> {
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

/** Cart → checkout stepper, through delivery and reference, to the review step. */
export async function checkoutToReview(page: Page, poNumber: string, screenshots?: string): Promise<void> {
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
}

/** Waits for the confirmation page and returns the order number shown. */
export async function placedOrderNumber(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/orders\/[^/]+\/placed$/);
  const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  return number;
}

/** Cart → checkout stepper → confirmation; returns the order number shown. */
export async function checkout(page: Page, poNumber: string, screenshots?: string): Promise<string> {
  await checkoutToReview(page, poNumber, screenshots);
  await page.getByRole('button', { name: /^Place order/ }).click();
  return placedOrderNumber(page);
}

/** "1234.5" → "$1,234.50", as the portal shows money. */
export function shownMoney(amount: string): string {
  const [units = '0', cents = ''] = amount.split('.');
  return `$${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.padEnd(2, '0')}`;
}

/** Tablet width: the navigation folds away; waits until it has. */
export async function tabletWidth(page: Page): Promise<void> {
  await page.setViewportSize({ width: 768, height: 1000 });
  await expect(page.locator('mat-sidenav')).toBeHidden();
}

/** A customer user's account id. */
export async function accountOf(user: ApiUser): Promise<string> {
  const me = await user.get<User>('/api/me');
  expect(me.accountId, 'a customer user').toBeTruthy();
  return me.accountId ?? '';
}
