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
import { dialogOpened, expect, login, settled, snap, test } from './support';

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

/**
 * The status of the quote the page shows, in its heading: a list's rows carry the same
 * test id, and right after a click the list may still be on screen.
 */
function quoteStatus(page: Page) {
  return page.getByRole('heading', { level: 1 }).getByTestId('quote-status');
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
  await expect(quoteStatus(page)).toHaveText('Requested');
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
    await expect(quoteStatus(am)).toHaveText('Requested');
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
    await expect(quoteStatus(am)).toHaveText('Quoted');
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
    await expect(quoteStatus(page)).toHaveText('Quoted');
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

  test('an account manager asks for an account, the buyer asks for changes, reads the earlier revision and declines the new one', async ({
    page,
    browser,
    request,
  }) => {
    test.slow();
    const buyerApi = await ApiUser.login(request, BUYER);
    const amApi = await ApiUser.login(request, ACCOUNT_MANAGER);
    const [pick] = await inStockPicks(buyerApi, 1);
    const note = `E2E for ACME ${Date.now()}`;

    // The account manager starts a request for ACME and prices it at once.
    const am = await browser.newPage();
    await login(am, ACCOUNT_MANAGER);
    await am.goto('/quotes');
    await am.getByRole('link', { name: 'New quote request' }).click();
    await am.getByTestId('account-picker').fill('ACME');
    await am.getByRole('option', { name: /^ACME/ }).click();
    await am.getByLabel(/^Lines/).fill(`${pick.sku} ${pick.quantity}`);
    await am.getByLabel('Message (optional)').fill(note);
    await expect(am.getByText('1 line', { exact: true })).toBeVisible();
    await snap(am, 'quotes-16-am-new-request');
    await am.getByRole('button', { name: 'Create request' }).click();
    await expect(am.getByRole('table', { name: 'Lines to price' })).toBeVisible({ timeout: 20_000 });
    const quoteId = /\/quotes\/([^/]+)\/quote$/.exec(am.url())?.[1] ?? '';
    expect(quoteId, 'the new quote in the address').not.toBe('');
    await am.getByRole('button', { name: /^Send quote/ }).click();
    await expect(quoteStatus(am)).toHaveText('Quoted');
    await am.close();

    // The buyer asks for changes: the quote goes back to the account manager.
    await login(page, BUYER);
    await page.goto(`/quotes/${quoteId}`);
    await expect(quoteStatus(page)).toHaveText('Quoted');
    await expect(page.getByText(`“${note}”`)).toBeVisible();
    await page.getByRole('button', { name: 'Request changes' }).click();
    const ask = page.getByRole('dialog');
    await dialogOpened(ask);
    await ask.getByLabel(/What should change/).fill('Please quote 5 % lower');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await expect(quoteStatus(page)).toHaveText('Requested');
    await expect(page.getByRole('list', { name: 'Quote history' })).toContainText('Please quote 5 % lower');

    // The account manager revises (set-up by API): revision 2, one cent lower per unit.
    const first = await amApi.get<SalesQuote>(`/api/quotes/${quoteId}`);
    const firstPrice = first.lines[0]?.unitPrice ?? first.lines[0]?.normalPrice ?? '0';
    const revised = money(cents(firstPrice) - 1n);
    await amApi.send('POST', `/api/quotes/${quoteId}/quote`, {
      lines: first.lines.map((line) => ({ productId: line.productId, unitPrice: revised })),
    });

    // The buyer reads revision 2, then revision 1 (history), then declines.
    await page.reload();
    await expect(quoteStatus(page)).toHaveText('Quoted');
    await expect(page.getByTestId('quoted-price')).toHaveText(shownMoney(revised));
    await page.getByRole('combobox', { name: 'Revision' }).click();
    await page.getByRole('option', { name: /^Revision 1/ }).click();
    await expect(page).toHaveURL(/revision=1/);
    await expect(page.getByText('You are reading revision 1')).toBeVisible();
    await expect(page.getByTestId('quoted-price')).toHaveText(shownMoney(firstPrice));
    await expect(page.getByRole('button', { name: 'Decline' })).toHaveCount(0);
    await settled(page);
    await snap(page, 'quotes-17-earlier-revision');
    await page.getByRole('button', { name: /Show the latest/ }).click();
    await expect(page.getByTestId('quoted-price')).toHaveText(shownMoney(revised));
    await page.getByRole('button', { name: 'Decline' }).click();
    const decline = page.getByRole('dialog');
    await dialogOpened(decline);
    await decline.getByLabel('Reason').fill('Bought elsewhere');
    await decline.getByRole('button', { name: 'Decline quote' }).click();
    await expect(quoteStatus(page)).toHaveText('Declined');
    await expect(page.getByRole('link', { name: 'Accept' })).toHaveCount(0);
    await settled(page);
    await snap(page, 'quotes-18-declined');
  });
});
