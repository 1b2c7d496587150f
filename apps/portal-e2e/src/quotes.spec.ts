import type { Page as ListPage, SalesQuote, SalesQuoteSummary } from '@tradecounter/contracts';
import { type Page } from '@playwright/test';
import { ApiUser } from './api-support';
import {
  ACCOUNT_MANAGER,
  BUYER,
  emptyCart,
  inStockPicks,
  type Pick,
  quickOrder,
  shownMoney,
} from './ordering-support';
import { expect, login, settled, snap, test } from './support';

/** "12.5" → 1250n: cents as a bigint (the e2e project may not import libs/domain). */
function cents(amount: string): bigint {
  const [units = '0', fraction = ''] = amount.split('.');
  return BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'));
}

function money(value: bigint): string {
  return `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
}

/** 10 % below `price`, rounded down to the cent, exactly. */
function tenPercentBelow(price: string): string {
  return money((cents(price) * 9n) / 10n);
}

async function atTablet(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 768, height: 1000 });
  await settled(page);
  await snap(page, name);
  if (size) await page.setViewportSize(size);
}

/** The buyer asks for a quote on the cart's lines; returns the quote's number from its page. */
async function requestFromCart(page: Page, picks: Pick[], message: string): Promise<string> {
  await quickOrder(page, picks);
  await page.goto('/cart');
  // The cart loads its lines, prices and promises first: on a busy machine that outlasts 10 s.
  const requestButton = page.getByRole('button', { name: 'Request a quote' });
  await expect(requestButton).toBeEnabled({ timeout: 30_000 });
  await settled(page);
  await requestButton.click();
  const dialog = page.getByRole('dialog', { name: 'Request a quote' });
  await expect(dialog.getByRole('list', { name: 'Lines to quote' }).getByRole('listitem')).toHaveCount(
    picks.length,
  );
  await dialog.getByLabel('Message (optional)').fill(message);
  await snap(page, 'quotes-01-request-dialog');
  // A double click sends one request (the same Idempotency-Key; the button disables).
  await dialog.getByRole('button', { name: 'Send request' }).dblclick();
  await expect(page).toHaveURL(/\/quotes\/[^/?]+$/);
  await expect(page.getByTestId('quote-status')).toHaveText('Requested');
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const number = /Q-\d+/.exec(heading)?.[0] ?? '';
  expect(number, 'the quote number in the heading').not.toBe('');
  return number;
}

test.describe('sales quotes', () => {
  test('a buyer asks for a quote from the cart, the account manager quotes lower, the buyer accepts it as an order', async ({
    page,
    browser,
    request,
  }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const amApi = await ApiUser.login(request, ACCOUNT_MANAGER);
    const picks = await inStockPicks(buyerApi, 2);
    await emptyCart(request, BUYER);
    const message = `E2E quote ${Date.now()}: can you do better on these?`;

    // The buyer: cart → request (the cart stays as it was).
    await login(page, BUYER);
    const number = await requestFromCart(page, picks, message);
    await expect(page.getByText(`“${message}”`)).toBeVisible();
    await settled(page);
    await snap(page, 'quotes-02-requested');
    await page.goto('/cart');
    for (const pick of picks) await expect(page.locator(`tr[data-sku="${pick.sku}"]`)).toBeVisible();
    const mine = await buyerApi.get<ListPage<SalesQuoteSummary>>('/api/quotes', { pageSize: 100 });
    expect(
      mine.items.filter((q) => q.number === number),
      'one request despite the double click',
    ).toHaveLength(1);

    // The account manager: the queue of requests → the quoting page → 10 % below the account's prices.
    const am = await browser.newPage();
    await login(am, ACCOUNT_MANAGER);
    await am.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
    await expect(am.getByRole('heading', { name: 'Quotes' })).toBeVisible();
    await expect(am.getByRole('option', { name: 'Requested' })).toHaveAttribute('aria-selected', 'true');
    const row = am.locator(`tr[data-quote="${number}"]`);
    await expect(row).toBeVisible();
    await settled(am);
    await snap(am, 'quotes-03-am-queue');
    await atTablet(am, 'quotes-04-am-queue-768');
    await row.getByRole('link', { name: number }).click();
    await expect(am.getByTestId('quote-status')).toHaveText('Requested');
    await am.getByRole('link', { name: 'Quote prices' }).click();
    await expect(am.getByRole('table', { name: 'Lines to price' })).toBeVisible();

    const summary = mine.items.find((q) => q.number === number);
    const quote = await amApi.get<SalesQuote>(`/api/quotes/${summary?.id}`);
    const quoted = new Map(quote.lines.map((line) => [line.sku, tenPercentBelow(line.normalPrice)]));
    for (const line of quote.lines) {
      const price = am.getByLabel(`Quoted unit price of ${line.sku}`);
      await expect(price).toHaveValue(line.normalPrice);
      await price.fill(quoted.get(line.sku) ?? '');
    }
    const subtotalText = shownMoney(
      money(
        quote.lines.reduce(
          (sum, line) => sum + cents(quoted.get(line.sku) ?? '0') * BigInt(line.quantity),
          0n,
        ),
      ),
    );
    await expect(am.getByTestId('quoting-subtotal')).toHaveText(subtotalText);
    await expect(am.getByLabel('Valid until')).not.toHaveValue('');
    await settled(am);
    await snap(am, 'quotes-05-quoting');
    await atTablet(am, 'quotes-06-quoting-768');
    await am.getByRole('button', { name: /^Send quote/ }).click();
    await expect(am.getByTestId('quote-status')).toHaveText('Quoted');
    await expect(am.getByTestId('quote-subtotal')).toHaveText(subtotalText);
    await am.close();

    // The buyer: the quoted prices against their usual ones, then accept.
    await page.goto('/quotes');
    const buyerRow = page.locator(`tr[data-quote="${number}"]`);
    await expect(buyerRow.getByTestId('quote-status')).toHaveText('Quoted');
    await settled(page);
    await snap(page, 'quotes-07-buyer-list');
    await atTablet(page, 'quotes-08-buyer-list-768');
    await buyerRow.getByRole('link', { name: number }).click();
    await expect(page.getByTestId('quote-status')).toHaveText('Quoted');
    for (const line of quote.lines) {
      await expect(page.locator(`tr[data-sku="${line.sku}"]`).getByTestId('quoted-price')).toHaveText(
        shownMoney(quoted.get(line.sku) ?? ''),
      );
    }
    await expect(page.getByText('You save')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Quote history' })).toContainText('Prices quoted');
    await settled(page);
    await snap(page, 'quotes-09-quoted');
    await atTablet(page, 'quotes-10-quoted-768');

    await page.getByRole('link', { name: 'Accept' }).click();
    await expect(page.getByRole('table', { name: 'Lines to accept' })).toBeVisible();
    await expect(page.getByTestId('accept-subtotal')).toHaveText(subtotalText);
    await settled(page);
    await snap(page, 'quotes-11-accept-lines');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('combobox', { name: 'Ship to' })).not.toHaveText('');
    const po = `E2E-Q-${Date.now()}`;
    await page.getByLabel('PO number').fill(po);
    await snap(page, 'quotes-12-accept-delivery');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByTestId('review-subtotal')).toHaveText(subtotalText);
    await expect(page.getByTestId('placement-outcome')).toBeVisible();
    const confirm = page.getByRole('button', { name: /^Confirm order/ });
    await expect(confirm).toBeInViewport({ ratio: 1 });
    await snap(page, 'quotes-13-accept-review');
    await atTablet(page, 'quotes-14-accept-review-768');
    await confirm.click();

    // The order, at the quoted prices.
    await expect(page).toHaveURL(/\/orders\/[^/]+$/);
    await expect(page.getByRole('heading', { name: /^Order SO-/ })).toBeVisible();
    await expect(page.getByText(po)).toBeVisible();
    const lines = page.getByRole('table', { name: 'Order lines' });
    for (const pick of picks) {
      const line = lines.getByRole('row').filter({ hasText: pick.sku });
      await expect(line).toContainText(shownMoney(quoted.get(pick.sku) ?? ''));
      await expect(line.getByTestId('price-source')).toHaveText('Quoted');
    }
    await settled(page);
    await snap(page, 'quotes-15-order');

    // The quote now says accepted, and links to its order.
    const accepted = await buyerApi.get<SalesQuote>(`/api/quotes/${summary?.id}`);
    expect(accepted.status).toBe('accepted');
    await emptyCart(request, BUYER);
  });
});
