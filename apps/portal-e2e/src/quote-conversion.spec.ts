import type { Page as ListPage, Product, SalesQuote } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { ACCOUNT_MANAGER, BUYER } from './ordering-support';
import { DEMO_PASSWORD, expect, login, settled, snap, test } from './support';

const MANAGER = 'manager@tradecounter.test';

test.describe('quote conversion', () => {
  test('a quoted quote shows on the account manager’s and the manager’s dashboards, and downloads as a PDF', async ({
    page,
    request,
  }) => {
    test.slow();
    const buyer = await ApiUser.login(request, BUYER);
    const am = await ApiUser.login(request, ACCOUNT_MANAGER);
    const catalog = await buyer.get<ListPage<Product>>('/api/products', { pageSize: 5 });
    const product = catalog.items.find((item) => item.active);
    expect(product, 'an active demo product').toBeTruthy();
    const quantity = Math.max(product?.minOrderQty ?? 1, product?.orderMultiple ?? 1);
    const requested = await buyer.send<SalesQuote>(
      'POST',
      '/api/quotes',
      { lines: [{ productId: product?.id, quantity }] },
      [201],
      { 'Idempotency-Key': `conversion-${Date.now()}` },
    );
    const quoted = await am.send<SalesQuote>('POST', `/api/quotes/${requested.id}/quote`, {
      lines: [{ productId: product?.id, unitPrice: '9.99' }],
    });
    expect(quoted.status).toBe('quoted');

    // The quote page's "Download PDF" fetches this: the buyer may, another account may not.
    const pdf = await request.get(`/api/documents/quotes/${quoted.id}.pdf`, {
      headers: { Authorization: `Bearer ${await token(request, BUYER)}` },
    });
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="${quoted.number}.pdf"`);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await login(page, ACCOUNT_MANAGER);
    await page.goto('/reports/my-accounts');
    const panel = page.getByRole('region', { name: 'Quote conversion by account' });
    await expect(panel).toBeVisible();
    await settled(page);
    await expect(panel).toContainText(/\d+ quotes?, [\d.]+% accepted/);
    await panel.getByRole('radio', { name: 'Table' }).click();
    const row = panel.getByRole('row').filter({ hasText: 'Acme' });
    await expect(row).toBeVisible();
    await snap(page, 'quote-conversion-01-my-accounts');

    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /sign out/i }).click();
    await login(page, MANAGER);
    await page.goto('/reports/dashboard');
    const managerPanel = page.getByRole('region', { name: 'Quote conversion by account manager' });
    await expect(managerPanel).toBeVisible();
    await settled(page);
    await managerPanel.getByRole('radio', { name: 'Table' }).click();
    await expect(managerPanel.getByRole('row').nth(1)).toBeVisible();
    await managerPanel.scrollIntoViewIfNeeded();
    await snap(page, 'quote-conversion-02-dashboard');
  });
});

async function token(request: Parameters<typeof ApiUser.login>[0], email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  return ((await response.json()) as { accessToken: string }).accessToken;
}
