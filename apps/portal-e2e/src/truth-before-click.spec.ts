import { expect as baseExpect, type Page } from '@playwright/test';
import type { Account, Address, Cart, Order, PriceTierSummary, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import {
  ACCOUNT_MANAGER,
  APPROVER,
  BUYER,
  checkoutToReview,
  inStockPicks,
  type Pick,
  placedOrderNumber,
  quickOrder,
  shownMoney,
} from './ordering-support';
import { DEMO_PASSWORD, dialogOpened, snap, test } from './support';

/**
 * Signing in hashes the password with argon2: on a shared, busy machine that
 * alone can take longer than the default 10 s, so this journey waits longer.
 */
const expect = baseExpect.configure({ timeout: 30_000 });

async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 60_000 });
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
}

/** A password that meets the rule for new ones (the demo's are seeded). */
const PASSWORD = 'truth before the click 2026';
const ADMIN = 'admin@tradecounter.test';
const run = Date.now().toString(36).toUpperCase();

/** A new buyer of `accountId`, made through the API by an admin. */
async function newBuyer(
  admin: ApiUser,
  accountId: string,
  tag: string,
  orderLimit: string | null,
): Promise<string> {
  const email = `truth-${tag}-${run}@example.test`.toLowerCase();
  await admin.send<User>('POST', `/api/accounts/${accountId}/users`, {
    email,
    name: `Tess ${tag} ${run}`,
    role: 'buyer',
    password: PASSWORD,
    orderLimit,
  });
  return email;
}

/** The cart's subtotal, as the API prices it for this buyer. */
async function cartSubtotal(page: Page, email: string): Promise<string> {
  const buyer = await ApiUser.login(page.request, email, PASSWORD);
  return (await buyer.get<Cart>('/api/cart')).subtotal;
}

test.describe('the truth before the click', () => {
  test.describe.configure({ timeout: 300_000 });
  test('a buyer over their order limit is told on the cart and at review, and the approver decides it first', async ({
    page,
  }) => {
    const acme = await ApiUser.login(page.request, BUYER);
    const acmeId = (await acme.get<User>('/api/me')).accountId ?? '';
    // A buyer of ACME whose order limit any order passes.
    const admin = await ApiUser.login(page.request, ADMIN);
    const email = await newBuyer(admin, acmeId, 'limit', '10.00');
    const picks: Pick[] = await inStockPicks(acme, 2);

    await login(page, email, PASSWORD);
    await quickOrder(page, picks);
    const subtotal = await cartSubtotal(page, email);
    const over = (Number(subtotal.replace('.', '')) - 1000).toString().padStart(3, '0');
    const overBy = `${over.slice(0, -2)}.${over.slice(-2)}`;

    await page.goto('/cart');
    await settled(page);
    const cartNotice = page.getByTestId('placement-outcome');
    await expect(cartNotice).toContainText(
      `Needs approval: your limit is $10.00, this order is ${shownMoney(subtotal)} (${shownMoney(overBy)} over) — it goes to your approver`,
    );
    await expect(cartNotice).toContainText('Avery Approver');
    await snap(page, 'truth-01-cart-needs-approval');

    await checkoutToReview(page, `PO-TRUTH-${run}`);
    const review = page.getByTestId('placement-outcome');
    await expect(review).toContainText(
      `Needs approval: your limit is $10.00, this order is ${shownMoney(subtotal)}`,
    );
    await snap(page, 'truth-02-review-needs-approval');
    await page.getByRole('button', { name: /^Place order/ }).click();
    const number = await placedOrderNumber(page);
    await expect(page.getByText('Awaiting approval').first()).toBeVisible();

    // The approver: Approve and Reject lead, with how far over the limit it is.
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await login(page, APPROVER);
    const orders = await (
      await ApiUser.login(page.request, APPROVER)
    ).get<{ items: Order[] }>('/api/orders', {
      search: number,
    });
    await page.goto(`/orders/${orders.items[0]?.id ?? ''}`);
    await settled(page);
    const header = page.locator('tc-order-header .actions');
    await expect(header.getByRole('button').first()).toHaveText(/Approve/);
    await expect(header.getByRole('button', { name: 'Reject' })).toBeVisible();
    await expect(page.getByTestId('approval-facts')).toHaveText(
      `This order is ${shownMoney(subtotal)}: ${shownMoney(overBy)} over the $10.00 order limit of Tess limit ${run}.`,
    );
    await snap(page, 'truth-03-approver-order');
  });

  test('a buyer past the available credit is told it goes on credit hold; so is the account manager on the phone', async ({
    page,
  }) => {
    const am = await ApiUser.login(page.request, ACCOUNT_MANAGER);
    // An account the account manager opens (so looks after) with 20.00 of credit.
    const account = await am.send<Account>('POST', '/api/accounts', {
      code: `TR${run}`.slice(0, 20),
      name: `Truthful Traders ${run}`,
      creditLimit: '20.00',
    });
    await am.send<Address>('POST', `/api/accounts/${account.id}/addresses`, {
      label: 'Yard',
      line1: '1 Honest Lane',
      city: 'Springfield',
      postcode: '12345',
      country: 'US',
    });
    const admin = await ApiUser.login(page.request, ADMIN);
    const email = await newBuyer(admin, account.id, 'credit', null);
    const buyer = await ApiUser.login(page.request, email, PASSWORD);
    const picks = await inStockPicks(buyer, 2);

    await login(page, email, PASSWORD);
    await quickOrder(page, picks);
    const subtotal = await cartSubtotal(page, email);
    expect(Number(subtotal)).toBeGreaterThan(20);
    await page.goto('/cart');
    await settled(page);
    await expect(page.getByTestId('placement-outcome')).toContainText(
      `Goes on credit hold: available credit $20.00, this order is ${shownMoney(subtotal)}`,
    );
    await snap(page, 'truth-04-cart-credit-hold');
    await checkoutToReview(page, `PO-HOLD-${run}`);
    await expect(page.getByTestId('placement-outcome')).toContainText(
      'Goes on credit hold: available credit $20.00',
    );
    await snap(page, 'truth-05-review-credit-hold');

    // The account manager takes the same order by phone: the searchable picker, the same warning, per-line dates.
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await login(page, ACCOUNT_MANAGER);
    await page.goto('/orders/new');
    const picker = page.getByTestId('account-picker');
    await picker.fill(`Truthful Traders ${run}`);
    await page.getByRole('option', { name: new RegExp(`Truthful Traders ${run}`) }).click();
    await expect(page.getByRole('combobox', { name: 'Ship to' })).toContainText('Yard');
    await page
      .getByLabel('Lines: SKU and quantity, one per line')
      .fill(picks.map((p) => `${p.sku} ${p.quantity}`).join('\n'));
    await expect(page.getByTestId('preview-subtotal')).toHaveText(shownMoney(subtotal));
    await expect(page.getByTestId('placement-outcome')).toContainText(
      `Goes on credit hold: available credit $20.00, this order is ${shownMoney(subtotal)}`,
    );
    const availability = page.getByTestId('phone-availability');
    for (const pick of picks) {
      await expect(availability.locator(`tr[data-sku="${pick.sku}"]`)).toContainText(String(pick.quantity));
    }
    await snap(page, 'truth-06-phone-order-credit-hold');
    await page.getByRole('button', { name: /^Place order/ }).click();
    await expect(page).toHaveURL(/\/orders\/[^/]+\/placed$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      new RegExp(`Order SO-\\d+ placed for Truthful Traders ${run}`),
    );
    await expect(page.getByText('On credit hold').first()).toBeVisible();
    await snap(page, 'truth-07-phone-order-placed');
  });

  test('an account manager sees what a tier change does to recent lines before confirming it', async ({
    page,
  }) => {
    const am = await ApiUser.login(page.request, ACCOUNT_MANAGER);
    const buyer = await ApiUser.login(page.request, BUYER);
    const acmeId = (await buyer.get<User>('/api/me')).accountId ?? '';
    const [pick] = await inStockPicks(buyer, 1);
    if (!pick) throw new Error('a product to order');
    const addresses = await buyer.get<Address[]>(`/api/accounts/${acmeId}/addresses`);
    await buyer.send<Order>(
      'POST',
      '/api/orders',
      {
        lines: [{ productId: pick.productId, quantity: pick.quantity }],
        shippingAddressId: addresses[0]?.id,
        shipComplete: false,
        poNumber: `PO-TIER-${run}`,
      },
      [201],
      { 'Idempotency-Key': `truth-tier-${run}` },
    );
    const acme = await am.get<Account>(`/api/accounts/${acmeId}`);
    const tiers = await am.get<PriceTierSummary[]>('/api/price-tiers');
    const other = tiers.find((t) => t.id !== acme.priceTierId);
    if (!other) throw new Error('another tier');

    await login(page, ACCOUNT_MANAGER);
    await page.goto(`/accounts/${acmeId}`);
    await settled(page);
    await page.getByRole('tab', { name: 'Pricing' }).click();
    await page.getByRole('combobox', { name: 'Price tier' }).click();
    await page.getByRole('option', { name: new RegExp(`^${other.name} —`) }).click();
    const dialog = page.getByRole('dialog');
    await dialogOpened(dialog);
    await expect(dialog.getByRole('heading')).toHaveText(`Move ${acme.name} to ${other.name}?`);
    await expect(dialog.getByTestId('tier-change-lines').locator(`tr[data-sku="${pick.sku}"]`)).toBeVisible();
    await snap(page, 'truth-08-tier-change-preview');
    await dialog.getByRole('button', { name: 'Keep the present tier' }).click();
    await expect(dialog).toBeHidden();
    expect((await am.get<Account>(`/api/accounts/${acmeId}`)).priceTierId).toBe(acme.priceTierId);
  });
});
