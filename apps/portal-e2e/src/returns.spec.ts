import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import type { Address, Order, Page as ListPage } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { checkOrderByApi } from './fulfilment-support';
import { ACCOUNT_MANAGER, accountOf, BUYER, inStockPicks } from './ordering-support';
import { dialogOpened, expect, login, settled, snap, test } from './support';

const WAREHOUSE = 'warehouse@tradecounter.test';
/** A 1×1 PNG: the photo of the crushed box. */
const PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * A delivered Acme order of two lines, placed and delivered by API today, so
 * the journey never depends on what the demo data or earlier runs left.
 */
async function deliveredOrder(request: APIRequestContext): Promise<Order> {
  const buyer = await ApiUser.login(request, BUYER);
  const picks = await inStockPicks(buyer, 2);
  const accountId = await accountOf(buyer);
  const addresses = await buyer.get<Address[] | ListPage<Address>>(`/api/accounts/${accountId}/addresses`);
  const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
  const order = await buyer.send<Order>(
    'POST',
    '/api/orders',
    {
      lines: picks.map(({ productId, quantity }) => ({ productId, quantity: quantity * 2 })),
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `RET-${Date.now()}`,
    },
    [201],
    { 'Idempotency-Key': `returns-${Date.now()}` },
  );
  const admin = await ApiUser.login(request, 'admin@tradecounter.test');
  await admin.send<Order>('POST', `/api/orders/${order.id}/pick`, {}, [200]);
  await checkOrderByApi(admin, order.id);
  await admin.send<Order>('POST', `/api/orders/${order.id}/pack`, { packages: [{}] }, [200]);
  const shipped = await admin.send<Order>(
    'POST',
    `/api/orders/${order.id}/shipments`,
    {
      carrier: 'UPS',
      trackingNumber: `1ZRET${Date.now()}`,
      lines: order.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })),
    },
    [201],
  );
  await admin.send<Order>(
    'POST',
    `/api/shipments/${shipped.shipments.at(-1)?.id}/deliver`,
    { deliveredAt: new Date().toISOString() },
    [200],
  );
  return order;
}

/** The page at a 1024 px tablet, then back at the desktop width. */
async function snapBoth(page: Page, name: string): Promise<void> {
  await snap(page, `${name}-1280`);
  await page.setViewportSize({ width: 1024, height: 800 });
  // The side navigation folds away at this width: shoot once it has.
  await expect(page.locator('mat-sidenav')).toBeHidden();
  await settled(page);
  await snap(page, `${name}-1024`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

function returnStatus(page: Page) {
  return page.getByRole('heading', { level: 1 }).getByTestId('return-status');
}

test('a buyer returns part of a delivered order, the account manager approves, the warehouse receives, the buyer downloads the credit note', async ({
  page,
  browser,
  request,
}) => {
  test.slow();
  const order = await deliveredOrder(request);
  const [first, second] = order.lines;
  await page.setViewportSize({ width: 1280, height: 900 });

  // The buyer asks to return one unit of the first line: the fee for the reason shows before sending.
  await login(page, BUYER);
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole('heading', { name: `Order ${order.number}` })).toBeVisible();
  await settled(page);
  await page.getByRole('button', { name: 'Return items' }).click();
  const dialog = page.getByRole('dialog', { name: `Return items from ${order.number}` });
  await dialogOpened(dialog);
  const firstLine = dialog.locator(`li[data-sku="${first?.sku}"]`);
  await expect(firstLine.getByTestId('returnable-words')).toContainText('Returnable until');
  await expect(dialog.locator(`li[data-sku="${second?.sku}"]`)).toContainText(
    `returnable ${second?.quantity}`,
  );
  await firstLine.getByLabel(`Quantity to return of ${first?.sku}`).fill('1');
  await firstLine.getByLabel(`Reason for returning ${first?.sku}`).click();
  await page.getByRole('option', { name: 'Damaged' }).click();
  await firstLine.getByLabel(`Note for ${first?.sku}`).fill('Box crushed in transit');
  await expect(firstLine.getByTestId('fee-words')).toHaveText(/restocking fee/);
  await expect(dialog.getByTestId('estimated-credit')).not.toHaveText('$0.00');
  await snapBoth(page, 'returns-01-request-dialog');
  await dialog.getByRole('button', { name: 'Request return' }).click();
  // The dialog now names the return and offers photos.
  const created = page.getByRole('dialog', { name: /^Return RMA-\d+ requested/ });
  await expect(created).toBeVisible();
  await created.getByTestId('return-photo-input').setInputFiles({
    name: 'crushed-box.png',
    mimeType: 'image/png',
    buffer: Buffer.from(PIXEL_PNG, 'base64'),
  });
  await expect(created.getByText('1 photo added')).toBeVisible();
  await created.getByRole('button', { name: 'Open the return' }).click();
  await expect(page).toHaveURL(/\/returns\/[^/]+$/);
  await expect(returnStatus(page)).toHaveText('Requested');
  await expect(page.getByRole('img', { name: 'Photo 1 of the returned goods' })).toBeVisible();
  const returnUrl = page.url();
  const rma = /RMA-\d+/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[0] ?? '';
  expect(rma).not.toBe('');

  // The account manager finds it in their queue (requests first) and approves it for credit.
  const amContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const am = await amContext.newPage();
  await login(am, ACCOUNT_MANAGER);
  await am.goto('/returns');
  await settled(am);
  await am.locator(`tr[data-return="${rma}"]`).getByRole('link', { name: rma }).click();
  await expect(returnStatus(am)).toHaveText('Requested');
  await am.getByRole('button', { name: 'Approve' }).click();
  const approve = am.getByRole('dialog', { name: `Approve ${rma}` });
  await approve.getByRole('button', { name: 'Approve return' }).click();
  await expect(approve).toHaveCount(0);
  await expect(returnStatus(am)).toHaveText('Approved');
  await amContext.close();

  // The warehouse receives it from its queue (approved: on the way back) and sees the credit note issued.
  const whContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const wh = await whContext.newPage();
  await login(wh, WAREHOUSE);
  await wh.goto('/returns');
  await settled(wh);
  await wh.locator(`tr[data-return="${rma}"]`).getByRole('link', { name: rma }).click();
  await expect(returnStatus(wh)).toHaveText('Approved');
  await settled(wh);
  await snapBoth(wh, 'returns-02-return-page-approved');
  await wh.getByRole('link', { name: 'Receive' }).click();
  await expect(wh.getByRole('heading', { level: 1, name: new RegExp(`^Receive ${rma}`) })).toBeVisible();
  await expect(wh.getByTestId(`receive-${first?.sku}-restock`)).toHaveValue('1');
  await settled(wh);
  await snapBoth(wh, 'returns-03-receiving');
  await wh.getByRole('button', { name: 'Confirm receipt of 1 unit' }).click();
  const outcome = wh.getByTestId('receipt-outcome');
  await expect(outcome).toContainText(/Credit note CN-\d+ issued/);
  await whContext.close();

  // The buyer sees the return credited and downloads the credit note.
  await page.goto(returnUrl);
  await expect(returnStatus(page)).toHaveText(/Credited|Received/);
  await expect(page.getByTestId('line-outcome')).toContainText('1 received');
  await settled(page);
  await snapBoth(page, 'returns-04-return-page-credited');
  const note = page.locator('li[data-credit-note]').first();
  await note.getByRole('link', { name: /^CN-\d+$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Credit note CN-\d+/ })).toBeVisible();
  await settled(page);
  await snapBoth(page, 'returns-05-credit-note');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^CN-\d+\.pdf$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
});
