import { expect, test, login, settled, snap } from './support';

test.describe('buyer', () => {
  test('searches the catalog, narrows by category and opens a product', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Demo logins' })).toBeVisible();
    await snap(page, 'buyer-00-login');
    await login(page, 'buyer@acme.test');
    await page.goto('/catalog');
    await expect(page).toHaveURL(/\/catalog/);
    await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
    await settled(page);
    const rows = page.locator('tr.mat-mdc-row');
    await expect(rows.first()).toBeVisible();
    await snap(page, 'buyer-01-catalog');

    // Search as you type: the URL keeps the query and every row matches it.
    await page.getByLabel('Search SKU or name').fill('glove');
    await expect(page).toHaveURL(/search=glove/);
    await settled(page);
    await expect(rows.first()).toBeVisible();
    const names = await rows.locator('td.mat-column-name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.toLowerCase()).toContain('glove');
    await snap(page, 'buyer-02-search');

    // Narrow by category: every row is in it.
    await page.getByLabel('Search SKU or name').fill('');
    await expect(page).not.toHaveURL(/search=/);
    await page.getByRole('combobox', { name: 'Category' }).click();
    const option = page.getByRole('option', { name: /^Fasteners/ });
    await option.click();
    await expect(page).toHaveURL(/category=Fasteners/);
    await settled(page);
    const categories = await rows.locator('td.mat-column-category').allInnerTexts();
    expect(categories.length).toBeGreaterThan(0);
    for (const category of categories) expect(category.trim()).toBe('Fasteners');
    await snap(page, 'buyer-03-category');

    // Open a product with the keyboard; the detail shows its fields.
    const sku = (await rows.first().locator('td.mat-column-sku').innerText()).trim();
    // The row's link (a real link: new tab, middle-click) takes the keyboard.
    await rows.first().locator('a.tc-row-link').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/catalog\/[0-9a-f-]{36}/);
    await settled(page);
    await expect(page.locator('.sku')).toHaveText(sku);
    await expect(page.getByText('List price')).toBeVisible();
    await expect(page.getByText('Minimum order quantity')).toBeVisible();
    await expect(page.locator('dd', { hasText: /^\$\d[\d,]*\.\d{2}$/ }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await snap(page, 'buyer-04-product');
  });

  test('catalog at tablet width (768px) keeps table and filters usable', async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await login(page, 'buyer@acme.test');
    await page.goto('/catalog');
    await settled(page);
    await expect(page.getByRole('button', { name: 'Open navigation' })).toBeVisible();
    await expect(page.locator('tr.mat-mdc-row').first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'buyer-05-catalog-768');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await expect(page.getByRole('link', { name: 'My account' })).toBeVisible();
    await snap(page, 'buyer-06-nav-768');
    await page.getByRole('link', { name: 'My account' }).click();
    await settled(page);
    await expect(page.getByRole('heading', { name: /Acme/ })).toBeVisible();
    await snap(page, 'buyer-07-my-account-768');
  });
});
