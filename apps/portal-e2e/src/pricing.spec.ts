import { expect, type Page } from '@playwright/test';
import { test, login, settled, snap } from './support';

const SKU = 'OFF-PEN-BLUE';
/** A break discount no recent run used, so the buyer's price visibly changes: 20–34 %. */
const DISCOUNT = 20 + (Date.now() % 15);

/** "$11.69" → 1169 (integer cents, no float money). */
function cents(shown: string): number {
  const match = /^\$([\d,]+)\.(\d{2})$/.exec(shown.trim());
  if (!match) throw new Error(`Not a price: ${shown}`);
  return Number(match[1].replace(/,/g, '')) * 100 + Number(match[2]);
}

function dollars(amount: number): string {
  return `$${Math.floor(amount / 100).toLocaleString('en-US')}.${String(amount % 100).padStart(2, '0')}`;
}

/** Gold (10 % off list), then the break: list × 0.90 × (1 − d/100), rounded half up to the cent, in integers. */
function goldWithBreak(listCents: number, discount: number): string {
  const numerator = listCents * 90 * (100 - discount); // cents × 10 000
  return dollars(Math.floor((numerator + 5_000) / 10_000));
}

async function listPriceOf(page: Page): Promise<number> {
  await page.getByLabel('Search SKU or name').fill(SKU);
  await expect(page).toHaveURL(new RegExp(`search=${SKU}`));
  await settled(page);
  const row = page.getByRole('row', { name: new RegExp(SKU) });
  await expect(row).toHaveCount(1);
  return cents(await row.locator('td.mat-column-listPrice').innerText());
}

test.describe('pricing', () => {
  test('account manager adds a product break on Gold and the ACME buyer sees the new price', async ({
    page,
  }) => {
    // Two roles, two viewports and a reload each: longer than one page's journey.
    test.slow();
    await login(page, 'am@tradecounter.test');
    await page.getByRole('link', { name: 'Catalog' }).click();
    const listCents = await listPriceOf(page);
    const expected = goldWithBreak(listCents, DISCOUNT);

    await page.getByRole('link', { name: 'Price tiers' }).click();
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Price tiers' })).toBeVisible();
    await snap(page, 'pricing-01-tiers');
    await page.getByRole('row', { name: /Open tier Gold/ }).click();
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Gold' })).toBeVisible();

    const breaks = page.getByRole('form', { name: 'Volume breaks' });
    // Earlier runs left a break for the SKU: replace it.
    const previous = breaks.locator(`[data-sku="${SKU}"]`);
    while ((await previous.count()) > 0) {
      await previous
        .first()
        .getByRole('button', { name: /Remove break/ })
        .click();
    }

    // `last()` resolves at each action: wait for the added row to be there (and the removed
    // one gone) before using it, or an action lands on the row that was last before.
    const rows = breaks.getByRole('listitem');
    const existing = await rows.count();
    const addRow = async () => {
      await breaks.getByRole('button', { name: 'Add break' }).click();
      await expect(rows).toHaveCount(existing + 1);
      return rows.last();
    };

    // Inline validation mirrors the server: two tier-wide breaks at 10.
    let row = await addRow();
    await row.getByLabel('Min qty').fill('10');
    await row.getByLabel('Discount').fill('6');
    await row.getByLabel('Discount').blur();
    await expect(row).toContainText('Another break for all products starts at 10');
    await row.getByRole('button', { name: /Remove break/ }).click();
    await expect(rows).toHaveCount(existing);

    row = await addRow();
    await row.getByRole('combobox', { name: 'Applies to' }).click();
    await page.getByRole('option', { name: 'One product' }).click();
    await row.getByRole('combobox', { name: 'Product' }).fill(SKU);
    await page.getByRole('option', { name: new RegExp(SKU) }).click();
    await row.getByLabel('Min qty').fill('1');
    await row.getByLabel('Discount').fill(String(DISCOUNT));
    await breaks.getByRole('button', { name: 'Save breaks' }).click();
    await expect(page.getByText('Gold breaks saved')).toBeVisible();
    await settled(page);
    await expect(breaks.locator(`[data-sku="${SKU}"]`)).toHaveCount(1);
    await snap(page, 'pricing-02-tier-gold');

    // ACME's pricing tab quotes the new price.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByLabel('Search code or name').fill('ACME');
    await expect(page).toHaveURL(/search=ACME/);
    await settled(page);
    await page.getByRole('row', { name: /ACME/ }).first().click();
    await settled(page);
    await page.getByRole('tab', { name: 'Pricing' }).click();
    await settled(page);
    await expect(page.getByRole('table', { name: 'Contract prices' })).toContainText('CHM-DIS-1GAL-4');
    await expect(page.getByRole('combobox', { name: 'Price tier' })).toContainText('Gold');
    await page.getByRole('combobox', { name: 'Product' }).fill(SKU);
    await page.getByRole('option', { name: new RegExp(SKU) }).click();
    await expect(page.getByTestId('quote-unit-price')).toContainText(expected);
    await expect(page.getByTestId('quote-source')).toContainText('Gold tier 10 % off');
    await expect(page.getByTestId('quote-source')).toContainText(`1+ break, ${DISCOUNT} % off`);
    await settled(page);
    await snap(page, 'pricing-03-account-pricing');

    // The buyer sees it in the catalog and on the product page.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /Sign out/ }).click();
    await login(page, 'buyer@acme.test');
    await page.goto('/catalog');
    await listPriceOf(page);
    const buyerRow = page.getByRole('row', { name: new RegExp(SKU) });
    await expect(buyerRow.getByTestId('your-price')).toHaveText(expected);
    await expect(buyerRow).toContainText(dollars(listCents));
    await snap(page, 'pricing-04-buyer-catalog');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await settled(page);
    await expect(buyerRow.getByTestId('your-price')).toHaveText(expected);
    await snap(page, 'pricing-05-buyer-catalog-768');
    await page.setViewportSize({ width: 1366, height: 900 });

    await buyerRow.click();
    await settled(page);
    await expect(page.getByRole('list', { name: 'Unit price by order quantity' })).toContainText(
      `1+ ${expected}`,
    );
    await expect(page.getByTestId('quote-unit-price')).toContainText(expected);
    // The page's one quantity (beside Add to cart) prices the line.
    await page.getByRole('spinbutton').fill('3');
    await expect(page.getByTestId('quote-line-total')).toHaveText(dollars(3 * cents(expected)));
    await settled(page);
    await snap(page, 'pricing-06-buyer-product');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await settled(page);
    await expect(page.getByTestId('quote-unit-price')).toContainText(expected);
    await snap(page, 'pricing-07-buyer-product-768');
  });
});
