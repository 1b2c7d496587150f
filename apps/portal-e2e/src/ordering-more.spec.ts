import { dialogOpened, expect, login, settled, snap, test } from './support';
import type {
  Address,
  ContractPrice,
  Order,
  OrderTemplate,
  Page as ListPage,
  OrderSummary,
  Quote,
} from '@tradecounter/contracts';
import { ApiUser, dayFromToday } from './api-support';
import {
  ACCOUNT_MANAGER,
  accountOf,
  BUYER,
  checkoutToReview,
  emptyCart,
  inStockPicks,
  type Pick,
  placedOrderNumber,
  quickOrder,
  shownMoney,
  tabletWidth,
} from './ordering-support';

/** The account's prices for these lines now, as the pricing route quotes them. */
function quote(user: ApiUser, picks: Pick[], accountId?: string): Promise<Quote> {
  return user.send<Quote>('POST', '/api/pricing/quote', {
    ...(accountId ? { accountId } : {}),
    lines: picks.map(({ sku, quantity }) => ({ sku, quantity })),
  });
}

/** In-stock products without a contract price of ACME's own, so a new window cannot overlap one. */
async function uncontractedPicks(
  buyerApi: ApiUser,
  amApi: ApiUser,
  accountId: string,
): Promise<[Pick, Pick]> {
  const contracted = new Set(
    (await amApi.get<ContractPrice[]>(`/api/accounts/${accountId}/contract-prices`)).map((c) => c.productId),
  );
  return (await inStockPicks(buyerApi, 2, (p) => contracted.has(p.id))) as [Pick, Pick];
}

/** The account manager gives the account a contract price 1.00 above `unitPrice`, from yesterday; returns its undo. */
async function raisePrice(
  amApi: ApiUser,
  accountId: string,
  pick: Pick,
  unitPrice: string,
): Promise<() => Promise<void>> {
  const validFrom = dayFromToday(-1);
  await amApi.send('PUT', `/api/accounts/${accountId}/contract-prices/${pick.productId}`, {
    unitPrice: plusCents(unitPrice, 100),
    validFrom,
  });
  return () => amApi.delete(`/api/accounts/${accountId}/contract-prices/${pick.productId}`, { validFrom });
}

/** "12.34" + 100 cents, exactly. */
function plusCents(amount: string, cents: number): string {
  const [units = '0', fraction = '0'] = amount.split('.');
  const total = Number(units) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2)) + cents;
  return `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
}

test.describe('ordering, more', () => {
  test('prices change while the buyer is at checkout: the new prices are shown, confirmed and ordered', async ({
    page,
    request,
  }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const amApi = await ApiUser.login(request, ACCOUNT_MANAGER);
    const accountId = await accountOf(buyerApi);
    const picks = await uncontractedPicks(buyerApi, amApi, accountId);
    const [changed, unchanged] = picks;
    await emptyCart(request, BUYER);

    await login(page, BUYER);
    await quickOrder(page, picks);
    await checkoutToReview(page, `E2E-PRICE-${Date.now()}`);
    const before = await quote(buyerApi, picks);

    // Meanwhile the account manager raises ACME's price of one of the lines.
    const undo = await raisePrice(amApi, accountId, changed, before.lines[0]?.unitPrice ?? '0');
    try {
      const after = await quote(buyerApi, picks);
      const newPrice = after.lines[0]?.unitPrice ?? '';
      expect(newPrice).not.toBe(before.lines[0]?.unitPrice);
      expect(after.subtotal).not.toBe(before.subtotal);

      await page.getByRole('button', { name: /^Place order/ }).click();
      const notice = page.getByTestId('price-changed');
      await expect(notice).toBeVisible();
      await expect(notice.getByTestId('new-subtotal')).toContainText(
        `The order now comes to ${shownMoney(after.subtotal)}, not ${shownMoney(before.subtotal)}`,
      );
      const changedRow = notice.locator(`tr[data-sku="${changed.sku}"]`);
      await expect(changedRow).toContainText('Changed');
      await expect(changedRow).toContainText(shownMoney(newPrice));
      await expect(notice.locator(`tr[data-sku="${unchanged.sku}"]`)).not.toContainText('Changed');
      // Nothing else can be placed until the buyer decides.
      await expect(page.getByRole('button', { name: /^Place order ·/ })).toBeDisabled();
      await settled(page);
      await snap(page, 'ordering-more-01-price-changed');

      await notice
        .getByRole('button', { name: `Place order at the new prices · ${shownMoney(after.subtotal)}` })
        .click();
      const number = await placedOrderNumber(page);
      await snap(page, 'ordering-more-02-placed-at-new-prices');

      const orders = await buyerApi.get<ListPage<OrderSummary>>('/api/orders', { search: number });
      const order = await buyerApi.get<Order>(`/api/orders/${orders.items[0]?.id}`);
      expect(order.subtotal).toBe(after.subtotal);
      expect(order.lines.find((l) => l.sku === changed.sku)?.unitPrice).toBe(newPrice);
    } finally {
      await undo();
      await emptyCart(request, BUYER);
    }
  });

  test('order history finds an order by its PO number', async ({ page, request }) => {
    const buyerApi = await ApiUser.login(request, BUYER);
    const accountId = await accountOf(buyerApi);
    const [pick] = (await inStockPicks(buyerApi, 1)) as [Pick];
    const [address] = await buyerApi.get<Address[]>(`/api/accounts/${accountId}/addresses`);
    const poNumber = `E2E-FIND-${Date.now()}`;
    const placed = await buyerApi.send<Order>(
      'POST',
      '/api/orders',
      {
        lines: [{ sku: pick.sku, quantity: pick.quantity }],
        shippingAddressId: address?.id,
        shipComplete: false,
        poNumber,
      },
      [201],
      { 'Idempotency-Key': `e2e-find-${Date.now()}` },
    );

    await login(page, BUYER);
    // Exact: "Standing orders" is a navigation entry too.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Orders', exact: true })
      .click();
    await settled(page);
    const search = page.getByLabel('Search order or PO number');
    await search.fill(poNumber);
    await expect(page).toHaveURL(new RegExp(`search=${poNumber}`));
    await settled(page);
    const rows = page.locator('tr[data-order]');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-order', placed.number);
    await expect(rows.first()).toContainText(poNumber);
    await snap(page, 'ordering-more-03-history-search');
    await tabletWidth(page);
    await snap(page, 'ordering-more-03-history-search-768');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The URL keeps the search: a reload shows the same result.
    await page.reload();
    await expect(search).toHaveValue(poNumber);
    await expect(rows).toHaveCount(1);

    await search.fill(`${poNumber}-NOPE`);
    await expect(page.getByText(`No orders match “${poNumber}-NOPE”`)).toBeVisible();
    await snap(page, 'ordering-more-04-history-no-match');

    // Escape empties the box; every order is back.
    await search.press('Escape');
    await expect(search).toHaveValue('');
    await expect(page).not.toHaveURL(/search=/);
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    // The same search typed again after clearing is searched again.
    await search.fill(poNumber);
    await expect(rows).toHaveCount(1);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page).not.toHaveURL(/search=/);
  });

  test('a buyer adds a product to a template in its dialog, saves, and sends it to the cart', async ({
    page,
    request,
  }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const [first, added] = (await inStockPicks(buyerApi, 2)) as [Pick, Pick];
    const name = `E2E template ${Date.now()}`;
    const template = await buyerApi.send<OrderTemplate>('POST', '/api/templates', {
      name,
      lines: [{ productId: first.productId, quantity: first.quantity }],
    });
    await emptyCart(request, BUYER);
    try {
      await login(page, BUYER);
      await page.goto('/templates');
      await settled(page);
      await page.getByRole('button', { name: `Edit ${name}` }).click();
      const dialog = page.getByRole('dialog');
      await dialogOpened(dialog);
      await expect(dialog.locator(`li[data-sku="${first.sku}"]`)).toBeVisible();

      const picker = dialog.getByRole('combobox', { name: 'Add a product' });
      await picker.fill(added.sku);
      const option = page.getByRole('option', { name: new RegExp(added.sku) });
      await expect(option).toContainText('$');
      await snap(page, 'ordering-more-05-template-autocomplete');
      await tabletWidth(page);
      await snap(page, 'ordering-more-05-template-autocomplete-768');
      await option.click();
      const quantity = dialog.getByLabel('Quantity to add');
      await expect(quantity).toHaveValue(String(added.quantity));
      await expect(quantity).toBeFocused();
      await quantity.press('Enter');
      await expect(dialog.locator(`li[data-sku="${added.sku}"]`)).toBeVisible();
      await expect(dialog.getByRole('status')).toHaveText(`Added ${added.quantity} × ${added.sku}.`);

      // The same product again adds to its line.
      await picker.fill(first.sku);
      await page.getByRole('option', { name: new RegExp(first.sku) }).click();
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(dialog.getByLabel(`Quantity of ${first.sku}`)).toHaveValue(String(first.quantity * 2));
      await expect(dialog.locator('li[data-sku]')).toHaveCount(2);
      await snap(page, 'ordering-more-06-template-dialog');

      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toHaveCount(0);
      const saved = await buyerApi.get<OrderTemplate>(`/api/templates/${template.id}`);
      expect(saved.lines.map((l) => [l.sku, l.quantity])).toEqual([
        [first.sku, first.quantity * 2],
        [added.sku, added.quantity],
      ]);

      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('button', { name: 'Add to cart' })
        .click();
      await expect(page.getByText(`“${name}”: 2 lines added to your cart`)).toBeVisible();
      await page.goto('/cart');
      await settled(page);
      await expect(page.getByLabel(`Quantity of ${added.sku}`)).toHaveValue(String(added.quantity));
      await expect(page.getByLabel(`Quantity of ${first.sku}`)).toHaveValue(String(first.quantity * 2));
    } finally {
      await buyerApi.delete(`/api/templates/${template.id}`);
      await emptyCart(request, BUYER);
    }
  });

  test('an account manager takes a phone order: the preview prices the lines and the order is placed at its subtotal', async ({
    page,
    request,
  }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const amApi = await ApiUser.login(request, ACCOUNT_MANAGER);
    const accountId = await accountOf(buyerApi);
    const picks = await inStockPicks(buyerApi, 2);
    const expected = await quote(amApi, picks, accountId);

    await login(page, ACCOUNT_MANAGER);
    await page.goto(`/orders/new?accountId=${accountId}`);
    await expect(page.getByRole('combobox', { name: 'Ship to' })).not.toHaveText('');
    await page.getByLabel('PO number').fill(`E2E-PHONE-${Date.now()}`);
    const lines = page.getByLabel('Lines: SKU and quantity, one per line');
    // A typo and a line that is not `SKU quantity` are flagged; the good lines are still priced.
    await lines.fill(
      [...picks.map((p) => `${p.sku} ${p.quantity}`), 'NOPE-E2E 1', 'half a dozen'].join('\n'),
    );
    const preview = page.getByRole('table', { name: 'Priced lines' });
    await expect(preview.locator('tr[data-sku="NOPE-E2E"]')).toContainText('SKU is not a known product');
    await expect(page.getByRole('list', { name: 'Rows that could not be read' })).toContainText('Row 4');
    await expect(page.getByTestId('preview-subtotal')).toHaveText(shownMoney(expected.subtotal));
    await snap(page, 'ordering-more-07-phone-preview-flags');

    await lines.fill(picks.map((p) => `${p.sku} ${p.quantity}`).join('\n'));
    for (const line of expected.lines) {
      const row = preview.locator(`tr[data-sku="${line.sku}"]`);
      await expect(row).toContainText(shownMoney(line.unitPrice));
      await expect(row).toContainText(shownMoney(line.lineTotal));
    }
    await expect(page.getByTestId('preview-subtotal')).toHaveText(shownMoney(expected.subtotal));
    const place = page.getByRole('button', { name: `Place order · ${shownMoney(expected.subtotal)}` });
    await expect(place).toBeEnabled();
    await settled(page);
    await snap(page, 'ordering-more-08-phone-preview');
    await tabletWidth(page);
    await snap(page, 'ordering-more-08-phone-preview-768');

    await place.click();
    const number = await placedOrderNumber(page);
    const orders = await amApi.get<ListPage<OrderSummary>>('/api/orders', { search: number });
    expect(orders.items[0]).toMatchObject({ channel: 'phone', subtotal: expected.subtotal, accountId });
    await snap(page, 'ordering-more-09-phone-placed');
  });

  test('prices change before the account manager places a phone order: the new prices are shown and placed', async ({
    page,
    request,
  }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const amApi = await ApiUser.login(request, ACCOUNT_MANAGER);
    const accountId = await accountOf(buyerApi);
    const picks = await uncontractedPicks(buyerApi, amApi, accountId);
    const before = await quote(amApi, picks, accountId);

    await login(page, ACCOUNT_MANAGER);
    await page.goto(`/orders/new?accountId=${accountId}`);
    await expect(page.getByRole('combobox', { name: 'Ship to' })).not.toHaveText('');
    await page.getByLabel('PO number').fill(`E2E-PHONE-PRICE-${Date.now()}`);
    await page
      .getByLabel('Lines: SKU and quantity, one per line')
      .fill(picks.map((p) => `${p.sku} ${p.quantity}`).join('\n'));
    await expect(page.getByTestId('preview-subtotal')).toHaveText(shownMoney(before.subtotal));

    const undo = await raisePrice(amApi, accountId, picks[0], before.lines[0]?.unitPrice ?? '0');
    try {
      const after = await quote(amApi, picks, accountId);
      await page.getByRole('button', { name: `Place order · ${shownMoney(before.subtotal)}` }).click();
      const notice = page.getByTestId('price-changed');
      await expect(notice.getByTestId('new-subtotal')).toContainText(
        `The order now comes to ${shownMoney(after.subtotal)}, not ${shownMoney(before.subtotal)}`,
      );
      await expect(notice.locator(`tr[data-sku="${picks[0].sku}"]`)).toContainText('Changed');
      // The preview is priced again behind the notice.
      await expect(page.getByTestId('preview-subtotal')).toHaveText(shownMoney(after.subtotal));
      await settled(page);
      await snap(page, 'ordering-more-10-phone-price-changed');

      await notice
        .getByRole('button', { name: `Place order at the new prices · ${shownMoney(after.subtotal)}` })
        .click();
      const number = await placedOrderNumber(page);
      const orders = await amApi.get<ListPage<OrderSummary>>('/api/orders', { search: number });
      expect(orders.items[0]).toMatchObject({ channel: 'phone', subtotal: after.subtotal });
    } finally {
      await undo();
    }
  });
});
