import { expect, test, login, settled, snap } from './support';

test.describe('admin', () => {
  test('sees the staff users page', async ({ page }) => {
    await login(page, 'admin@tradecounter.test');
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(/\/admin\/users/);
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await settled(page);
    await expect(page.getByRole('cell', { name: 'am@tradecounter.test' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New user' })).toBeVisible();
    await snap(page, 'admin-01-users');

    await page.goto('/catalog');
    await settled(page);
    await expect(page.getByRole('button', { name: 'New product' })).toBeVisible();
    await snap(page, 'admin-02-catalog');
  });

  test('a buyer is shown the friendly 403 page for admin pages', async ({ page }) => {
    await login(page, 'buyer@acme.test');
    await page.goto('/admin/users');
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
    await snap(page, 'admin-03-forbidden-for-buyer');
  });
});
