import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { AccountUser, Order, User } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { APPROVER, BUYER, emptyCart, inStockPicks } from './ordering-support';
import { expect as baseExpect, login, settled as settledWithin, snap, test } from './support';

/** These journeys load many pages at two sizes: a busy machine gets 30 s per wait. */
const WAIT = 30_000;
const expect = baseExpect.configure({ timeout: WAIT });
const settled = (page: Page) => settledWithin(page, WAIT);

/**
 * Every screen size (issue 14, section 3): at phone and tablet sizes the pages
 * that matter on the go are never wider than the screen, and their primary
 * action is in view or reachable by scrolling down only.
 */

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 1024, height: 768 },
] as const;

const PHONE = { width: SIZES[0].width, height: SIZES[0].height };
const WAREHOUSE = 'warehouse@tradecounter.test';

/** The page is no wider than the viewport: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrolled = document.documentElement.scrollWidth;
    if (scrolled <= width) return { scrollWidth: scrolled, innerWidth: width, widest: [] as string[] };
    // The outermost elements reaching past the right edge, to say what to fix.
    const past = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter(
      (element) => element.getBoundingClientRect().right > width + 0.5,
    );
    const outermost = past.filter((element) => !past.includes(element.parentElement as HTMLElement));
    return {
      scrollWidth: scrolled,
      innerWidth: width,
      widest: outermost
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} (right ${Math.round(e.getBoundingClientRect().right)})`,
        ),
    };
  });
  // Soft: one run lists every page that does not fit.
  expect
    .soft(
      scrollWidth,
      `${what}: the page is wider than the ${innerWidth} px viewport; past the edge: ${widest.join(', ')}`,
    )
    .toBeLessThanOrEqual(innerWidth);
}

/** The action is shown and lies within the viewport's width (scrolling down may be needed). */
async function expectReachable(page: Page, action: Locator, what: string): Promise<void> {
  await expect(action, what).toBeVisible();
  const box = await action.boundingBox();
  const innerWidth = await page.evaluate(() => window.innerWidth);
  expect(box, what).not.toBeNull();
  if (!box) return;
  expect.soft(box.x, `${what}: starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect
    .soft(box.x + box.width, `${what}: ends right of the ${innerWidth} px screen`)
    .toBeLessThanOrEqual(innerWidth);
}

async function checkPage(page: Page, size: string, name: string, action: Locator, what: string) {
  await settled(page);
  await expectNoSidewaysScroll(page, `${name} at ${size}`);
  await expectReachable(page, action, `${what} on ${name} at ${size}`);
  await snap(page, `responsive-${size}-${name}`);
}

/** Orders the approver approves and the warehouse picks, placed by API. */
async function prepareOrders(request: APIRequestContext) {
  const approverApi = await ApiUser.login(request, APPROVER);
  const buyerApi = await ApiUser.login(request, BUYER);
  const me = await buyerApi.get<User>('/api/me');
  const accountId = me.accountId ?? '';
  const [pick] = await inStockPicks(buyerApi, 1);
  if (!pick) throw new Error('no in-stock product in the demo data');
  const addresses = await buyerApi.get<{ id: string }[] | { items: { id: string }[] }>(
    `/api/accounts/${accountId}/addresses`,
  );
  const addressId = (Array.isArray(addresses) ? addresses : addresses.items)[0]?.id;
  const place = (api: ApiUser, tag: string) =>
    api.send<Order>(
      'POST',
      '/api/orders',
      {
        lines: [{ productId: pick.productId, quantity: pick.quantity }],
        shippingAddressId: addressId,
        shipComplete: false,
        poNumber: `RESP-${tag}-${Date.now().toString(36)}`,
      },
      [201],
      { 'Idempotency-Key': `responsive-${tag}-${Date.now()}` },
    );

  // One order the warehouse can pick (released from a credit hold if need be).
  let toPick = await place(approverApi, 'PICK');
  if (toPick.status === 'on_hold') {
    const am = await ApiUser.login(request, 'am@tradecounter.test');
    toPick = await am.send<Order>('POST', `/api/orders/${toPick.id}/release-hold`, {});
  }

  // One the approver must approve: the buyer's limit is lowered for it, then put back.
  const users = await approverApi.get<AccountUser[]>(`/api/accounts/${accountId}/users`);
  const buyerUser = users.find((u) => u.email === BUYER);
  const limitBefore = buyerUser?.orderLimit ?? null;
  await approverApi.send('PATCH', `/api/accounts/${accountId}/users/${buyerUser?.id}`, {
    orderLimit: '0.01',
  });
  let toApprove: Order;
  try {
    toApprove = await place(buyerApi, 'APPROVE');
  } finally {
    await approverApi.send('PATCH', `/api/accounts/${accountId}/users/${buyerUser?.id}`, {
      orderLimit: limitBefore,
    });
  }
  expect(toApprove.status).toBe('pending_approval');

  // The buyer's cart holds the same line, for the cart and checkout pages.
  await emptyCart(request, BUYER);
  await buyerApi.send('POST', '/api/cart/lines', { lines: [{ sku: pick.sku, quantity: pick.quantity }] });
  return { toPick, toApprove };
}

test('the pages that matter on the go fit a phone (390×844) and a tablet (1024×768)', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const { toPick, toApprove } = await prepareOrders(request);
  try {
    // Buyer: catalog, cart, checkout (to the review step), orders and an order's lines.
    const buyer = await browser.newPage({ viewport: PHONE });
    await login(buyer, BUYER);
    for (const size of SIZES) {
      const tag = `${size.width}`;
      await buyer.setViewportSize({ width: size.width, height: size.height });
      await buyer.goto('/catalog');
      const firstProduct = buyer.locator('tr.mat-mdc-row').first();
      await expect(firstProduct).toBeVisible();
      await checkPage(buyer, tag, 'catalog', firstProduct.locator('tc-add-to-cart button'), 'Add to cart');

      await buyer.goto('/cart');
      await checkPage(buyer, tag, 'cart', buyer.getByRole('link', { name: 'Checkout' }), 'Checkout');
      await expectReachable(buyer, buyer.getByTestId('line-total').first(), `line total on cart at ${tag}`);

      await buyer.getByRole('link', { name: 'Checkout' }).click();
      await expect(buyer.getByRole('heading', { name: 'Checkout' })).toBeVisible();
      await settled(buyer);
      await expect(buyer.getByRole('combobox', { name: 'Ship to' })).not.toHaveText('');
      await expectNoSidewaysScroll(buyer, `checkout delivery step at ${tag}`);
      await snap(buyer, `responsive-${tag}-checkout-delivery`);
      await buyer.getByRole('button', { name: 'Next' }).click();
      await buyer.getByLabel('PO number').fill(`RESP-${Date.now().toString(36)}`);
      await buyer.getByRole('button', { name: 'Review order' }).click();
      const place = buyer.getByRole('button', { name: /^Place order/ });
      await expect(place).toBeVisible();
      await place.scrollIntoViewIfNeeded();
      await expect(place).toBeInViewport({ ratio: 1 });
      await checkPage(buyer, tag, 'checkout-review', place, 'Place order');

      await buyer.goto('/orders');
      const orderRow = buyer.locator(`tr[data-order="${toApprove.number}"]`);
      await expect(orderRow).toBeVisible();
      await checkPage(
        buyer,
        tag,
        'orders',
        orderRow.getByRole('link', { name: toApprove.number }),
        'Order link',
      );

      await buyer.goto(`/orders/${toApprove.id}`);
      await expect(buyer.getByRole('heading', { name: `Order ${toApprove.number}` })).toBeVisible();
      const lines = buyer.getByRole('table', { name: 'Order lines' });
      await checkPage(
        buyer,
        tag,
        'order-detail',
        lines.locator('td.mat-column-lineTotal').first(),
        'Line total',
      );
    }
    await buyer.close();

    // Approver: the approvals queue.
    const approver = await browser.newPage({ viewport: PHONE });
    await login(approver, APPROVER);
    for (const size of SIZES) {
      await approver.setViewportSize({ width: size.width, height: size.height });
      await approver.goto('/orders/approvals');
      await expect(approver.locator(`tr[data-order="${toApprove.number}"]`)).toBeVisible();
      const approve = approver.getByRole('button', { name: `Approve order ${toApprove.number}` });
      await checkPage(approver, `${size.width}`, 'approvals', approve, 'Approve');
    }
    await approver.close();

    // Warehouse: the board and an order to pick.
    const warehouse = await browser.newPage({ viewport: PHONE });
    await login(warehouse, WAREHOUSE);
    for (const size of SIZES) {
      const tag = `${size.width}`;
      await warehouse.setViewportSize({ width: size.width, height: size.height });
      await warehouse.goto(`/fulfilment?warehouse=${toPick.warehouseCode}`);
      await expect(warehouse.getByRole('table', { name: 'To pick orders' })).toBeVisible();
      const open = warehouse.getByRole('link', { name: `Open ${toPick.number}` });
      await checkPage(warehouse, tag, 'fulfilment-board', open, 'Open (to pick)');
      await warehouse.goto(`/fulfilment/orders/${toPick.id}`);
      await expect(warehouse.getByRole('heading', { name: `Order ${toPick.number}` })).toBeVisible();
      const pick = warehouse.getByRole('button', { name: 'Start picking' });
      await checkPage(warehouse, tag, 'fulfilment-order', pick, 'Start picking');
    }
    await warehouse.close();
  } finally {
    const am = await ApiUser.login(request, 'am@tradecounter.test');
    for (const order of [toPick, toApprove]) {
      await am.send(
        'POST',
        `/api/orders/${order.id}/cancel`,
        { reason: 'responsive journey' },
        [200, 201, 409],
      );
    }
    await emptyCart(request, BUYER);
  }
});

/** Each role's main page, at desktop, tablet and phone width. */
const MAIN_PAGES = [
  { role: 'buyer', email: BUYER, path: '/catalog', heading: 'Catalog' },
  { role: 'approver', email: APPROVER, path: '/orders/approvals', heading: /Approvals|approval/i },
  { role: 'account-manager', email: 'am@tradecounter.test', path: '/reports/my-accounts', heading: /./ },
  { role: 'warehouse', email: WAREHOUSE, path: '/fulfilment', heading: 'Fulfilment' },
  { role: 'manager', email: 'manager@tradecounter.test', path: '/reports/dashboard', heading: /./ },
  { role: 'admin', email: 'admin@tradecounter.test', path: '/admin/users', heading: /Users/ },
] as const;

for (const main of MAIN_PAGES) {
  test(`the ${main.role}’s main page fits at 1440, 1024 and 390 px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, main.email);
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(main.path);
      await expect(page.getByRole('heading', { level: 1, name: main.heading }).first()).toBeVisible();
      await settled(page);
      await expectNoSidewaysScroll(page, `${main.role} ${main.path} at ${width}`);
      await snap(page, `role-${main.role}-${width}`);
    }
  });
}
