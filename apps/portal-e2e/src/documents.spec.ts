import { readFileSync } from 'node:fs';
import type { Address, Order, Page as ListPage } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { accountOf, BUYER, inStockPicks } from './ordering-support';
import { expect, login, settled, snap, test } from './support';

test.describe('documents', () => {
  test('a buyer downloads an order confirmation as a PDF named after the order', async ({
    page,
    request,
  }) => {
    const buyer = await ApiUser.login(request, BUYER);
    const picks = await inStockPicks(buyer, 2);
    const accountId = await accountOf(buyer);
    const addresses = await buyer.get<Address[] | ListPage<Address>>(`/api/accounts/${accountId}/addresses`);
    const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
    const order = await buyer.send<Order>(
      'POST',
      '/api/orders',
      {
        lines: picks.map(({ productId, quantity }) => ({ productId, quantity })),
        shippingAddressId: address?.id,
        shipComplete: false,
        poNumber: `PDF-${Date.now()}`,
      },
      [201],
      { 'Idempotency-Key': `documents-${Date.now()}` },
    );

    await login(page, BUYER);
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByRole('heading', { name: `Order ${order.number}` })).toBeVisible();
    await settled(page);
    await snap(page, 'documents-01-order-detail');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${order.number}.pdf`);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
