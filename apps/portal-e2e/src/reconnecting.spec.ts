import type { Route } from '@playwright/test';
import { expect, login, settled, snap, test } from './support';

/** What the API answers while its database is away: 503 problem+json with Retry-After. */
function databaseAway(route: Route): Promise<void> {
  return route.fulfill({
    status: 503,
    headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
    body: JSON.stringify({
      type: 'https://tradecounter.dev/problems/database-unavailable',
      title: 'The database is unavailable',
      status: 503,
      detail: 'Try again in a moment.',
    }),
  });
}

test.describe('while the server reconnects', () => {
  test('a page waiting on the API says it is reconnecting, then shows its data once the API is back', async ({
    page,
  }) => {
    await login(page, 'buyer@acme.test');

    // The database goes away: every API call, the health check too, answers 503 with Retry-After.
    let away = true;
    const answered: string[] = [];
    await page.route(
      (url) => url.pathname.startsWith('/api/'),
      (route) => {
        answered.push(route.request().url());
        return away ? databaseAway(route) : route.continue();
      },
    );
    await page.goto('/catalog');

    const banner = page.getByText('Reconnecting to the server…');
    await expect(banner).toBeVisible();
    // No error page and no error message: the catalog waits, its heading in place.
    await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await snap(page, 'reconnecting-01-banner');
    // The read is asked again after Retry-After, not given up on.
    await expect
      .poll(() => answered.filter((url) => url.includes('/api/products')).length)
      .toBeGreaterThan(1);

    // The database is back: the retried read lands, the rows show and the banner goes.
    away = false;
    await settled(page, 30_000);
    await expect(page.locator('tr.mat-mdc-row').first()).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveCount(0, { timeout: 15_000 });
    await snap(page, 'reconnecting-02-back');
  });
});
