import { type APIRequestContext, type Page } from '@playwright/test';
import type { Account, AccountUser, Address, Order, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { APPROVER, BUYER, emptyCart, inStockPicks, type Pick } from './ordering-support';
import { DEMO_PASSWORD, settled, snap, expect, test } from './support';

/**
 * Every role lands at its work when it signs in, and the navigation shows the
 * work waiting there. The data: ACME orders placed by API, one confirmed (the
 * warehouse's queue and the buyer's "order again"), one waiting for approval
 * and one on credit hold.
 */
interface Prepared {
  pick: Pick;
  confirmed: Order;
  waiting: Order;
  held: Order;
}

async function place(buyer: ApiUser, accountId: string, pick: Pick, tag: string): Promise<Order> {
  const [address] = await buyer.get<Address[]>(`/api/accounts/${accountId}/addresses`);
  return buyer.send<Order>(
    'POST',
    '/api/orders',
    {
      lines: [{ sku: pick.sku, quantity: pick.quantity }],
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `E2E-LAND-${tag}-${Date.now().toString(36)}`,
    },
    [201],
    { 'Idempotency-Key': `e2e-landing-${tag}-${Date.now()}` },
  );
}

/** Runs `work` with `change` applied, then puts `restore` back. */
async function withChange<T>(
  change: () => Promise<unknown>,
  restore: () => Promise<unknown>,
  work: () => Promise<T>,
) {
  await change();
  try {
    return await work();
  } finally {
    await restore();
  }
}

let prepared: Promise<Prepared> | undefined;

function prepare(request: APIRequestContext): Promise<Prepared> {
  prepared ??= (async () => {
    const buyer = await ApiUser.login(request, BUYER);
    const approver = await ApiUser.login(request, APPROVER);
    const admin = await ApiUser.login(request, 'admin@tradecounter.test');
    const me = await buyer.get<User>('/api/me');
    const accountId = me.accountId ?? '';
    const [pick] = await inStockPicks(buyer, 1);
    if (!pick) throw new Error('no product to order');
    const confirmed = await place(buyer, accountId, pick, 'OK');

    const users = await approver.get<AccountUser[]>(`/api/accounts/${accountId}/users`);
    const buyerUser = users.find((u) => u.email === BUYER);
    const userPath = `/api/accounts/${accountId}/users/${buyerUser?.id}`;
    const waiting = await withChange(
      () => approver.send('PATCH', userPath, { orderLimit: '0.01' }),
      () => approver.send('PATCH', userPath, { orderLimit: buyerUser?.orderLimit ?? null }),
      () => place(buyer, accountId, pick, 'APPROVE'),
    );
    expect(waiting.status).toBe('pending_approval');

    const account = await admin.get<Account>(`/api/accounts/${accountId}`);
    const held = await withChange(
      () => admin.send('PATCH', `/api/accounts/${accountId}`, { creditLimit: '0.01' }),
      () => admin.send('PATCH', `/api/accounts/${accountId}`, { creditLimit: account.creditLimit }),
      () => place(buyer, accountId, pick, 'HOLD'),
    );
    expect(held.status).toBe('on_hold');
    await emptyCart(request, BUYER);
    return { pick, confirmed, waiting, held };
  })();
  return prepared;
}

/**
 * Signs in through the form, as support.ts's login does, but gives the
 * sign-in the time an argon2 check takes on a busy machine (the landing page
 * is what this journey is about, so it waits for the shell, not a page).
 */
async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 30_000 });
}

/** The count beside a navigation entry: shown, and at least `least`. */
async function expectCount(page: Page, feature: string, least: number): Promise<void> {
  const count = page.getByTestId(`nav-count-${feature}`);
  await expect(count).toBeVisible();
  expect(Number.parseInt(await count.innerText(), 10)).toBeGreaterThanOrEqual(least);
}

test.describe('every role lands at its work', () => {
  test('a buyer lands at home: order again with the last price, one click to the cart, open orders and lines', async ({
    page,
    request,
  }) => {
    test.slow();
    const { pick, confirmed } = await prepare(request);
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, BUYER);
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
    await settled(page);

    const again = page.getByTestId('buy-again-item').filter({ hasText: pick.sku });
    await expect(again).toContainText(pick.name);
    await expect(again).toContainText('Last:');
    await expect(page.getByTestId('open-order').filter({ hasText: confirmed.number })).toBeVisible();
    await expect(page.getByTestId('open-line').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Cart, empty' })).toBeVisible();
    await snap(page, 'landing-buyer-home-1440');

    // One click: the last quantity goes to the cart, and the header counts the line.
    await again.getByRole('button', { name: `Add ${pick.sku} to cart` }).click();
    await expect(page.getByText(`× ${pick.sku} added to your cart`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Cart, 1 line' })).toBeVisible();
    await emptyCart(request, BUYER);

    // The brand leads to / and / lands at home.
    await expect(page.getByRole('link', { name: 'Tradecounter home' })).toHaveAttribute('href', '/');
    await page.goto('/');
    await expect(page).toHaveURL(/\/home$/);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await settled(page);
    await expect(again).toBeVisible();
    await expect(again.getByRole('button', { name: `Add ${pick.sku} to cart` })).toBeVisible();
    await snap(page, 'landing-buyer-home-390');
  });

  test('an approver lands at Approvals, with the count of orders waiting', async ({ page, request }) => {
    const { waiting } = await prepare(request);
    await login(page, APPROVER);
    await expect(page).toHaveURL(/\/orders\/approvals$/);
    await expect(page.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible();
    await expect(page.locator(`tr[data-order="${waiting.number}"]`)).toBeVisible();
    await expectCount(page, 'approvals', 1);
    await snap(page, 'landing-approver');
  });

  test('an account manager lands at their dashboard, with the credit holds count', async ({
    page,
    request,
  }) => {
    await prepare(request);
    await login(page, 'am@tradecounter.test');
    await expect(page).toHaveURL(/\/reports\/my-accounts$/);
    await expect(page.getByRole('heading', { name: 'My accounts', level: 1 })).toBeVisible();
    await expectCount(page, 'creditHolds', 1);
    await snap(page, 'landing-account-manager');
  });

  test('the warehouse lands at the fulfilment board, with the queue count', async ({ page, request }) => {
    await prepare(request);
    await login(page, 'warehouse@tradecounter.test');
    await expect(page).toHaveURL(/\/fulfilment$/);
    await expect(page.getByRole('heading', { name: 'Fulfilment', level: 1 })).toBeVisible();
    await expectCount(page, 'fulfilment', 1);
    await expect(page.getByTestId('header-cart')).toHaveCount(0);
    await snap(page, 'landing-warehouse');
  });

  test('a manager lands at the dashboard, with the credit holds count', async ({ page, request }) => {
    await prepare(request);
    await login(page, 'manager@tradecounter.test');
    await expect(page).toHaveURL(/\/reports\/dashboard$/);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expectCount(page, 'creditHolds', 1);
    await snap(page, 'landing-manager');
  });

  test('an admin lands at users', async ({ page }) => {
    await login(page, 'admin@tradecounter.test');
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await snap(page, 'landing-admin');
  });
});
