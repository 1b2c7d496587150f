import { expect, test, login, settled, snap } from './support';

/** A credit limit no earlier run used: whole dollars from the clock, plus cents. */
function uniqueCreditLimit(): { raw: string; shown: string } {
  const dollars = 50_000 + (Date.now() % 40_000);
  const cents = String(Date.now() % 100).padStart(2, '0');
  return { raw: `${dollars}.${cents}`, shown: `$${dollars.toLocaleString('en-US')}.${cents}` };
}

test.describe('account manager', () => {
  test('edits ACME credit limit and sees it in the history', async ({ page }) => {
    await login(page, 'am@tradecounter.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts', exact: true })).toBeVisible();
    await page.getByLabel('Search code or name').fill('ACME');
    await expect(page).toHaveURL(/search=ACME/);
    await settled(page);
    await snap(page, 'am-01-accounts');
    await page.getByRole('row', { name: /ACME/ }).first().click();
    await settled(page);
    await expect(page.locator('.code').first()).toHaveText('ACME');
    const before = (await page.getByTestId('credit-limit').innerText()).trim();
    await snap(page, 'am-02-account-overview');

    const limit = uniqueCreditLimit();
    await page.getByRole('tab', { name: 'Edit' }).click();
    const field = page.getByLabel('Credit limit (USD)');
    await field.fill(limit.raw);
    await snap(page, 'am-03-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('ACME saved')).toBeVisible();

    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('credit-limit')).toHaveText(limit.shown);

    await page.getByRole('tab', { name: 'History' }).click();
    await settled(page);
    const entry = page.locator('li.entry').filter({ hasText: limit.shown }).first();
    await expect(entry).toBeVisible();
    await expect(entry.locator('.actor')).toHaveText('Alex Account-Manager');
    await expect(entry).toContainText(`Credit limit: ${before} → ${limit.shown}`);
    await snap(page, 'am-04-history');
  });
});
