import { expect, type Page } from '@playwright/test';
import type { OrderCheck } from '@tradecounter/contracts';
import type { ApiUser } from './api-support';
import { settled } from './support';

/**
 * The check step before packing (packing answers 409 until every line is
 * confirmed), for journeys whose subject is what comes after it.
 */

/** Confirms every line still open by SKU, through the API. */
export async function checkOrderByApi(staff: ApiUser, orderId: string): Promise<OrderCheck> {
  const check = await staff.get<OrderCheck>(`/api/orders/${orderId}/check`);
  const lines = check.lines
    .filter((line) => !line.done)
    .map((line) => ({ sku: line.sku, quantity: line.expected - line.confirmed }));
  if (!lines.length) return check;
  const done = await staff.send<OrderCheck>('POST', `/api/orders/${orderId}/check`, { lines }, [200, 201]);
  expect(done.complete, `order ${check.orderNumber} checked`).toBe(true);
  return done;
}

/**
 * From the warehouse's order page: opens the check step, types each SKU and
 * quantity as a scanner would (the field keeps focus, Enter submits), and
 * returns to the order page once every line is checked.
 */
export async function checkOrderInPortal(
  page: Page,
  lines: { sku: string; quantity: number }[],
): Promise<void> {
  await page.getByRole('link', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Check/ })).toBeVisible();
  const scan = page.getByRole('textbox', { name: 'SKU or barcode' });
  await expect(scan).toBeFocused();
  for (const { sku, quantity } of lines) await scanLine(page, sku, quantity);
  await expect(page.getByRole('heading', { name: /^Check/ })).toContainText('Checked');
  await page.getByRole('link', { name: 'Back to the order' }).click();
  await settled(page);
}

/** One scan on the check page: the code, the quantity, Enter; waits for the page to take it. */
export async function scanLine(page: Page, code: string, quantity = 1): Promise<void> {
  const scan = page.getByRole('textbox', { name: 'SKU or barcode' });
  await expect(scan).toBeFocused();
  await scan.fill(code);
  if (quantity !== 1) {
    await page.keyboard.press('Tab');
    await page.getByRole('spinbutton', { name: 'Quantity' }).fill(String(quantity));
  }
  await page.keyboard.press('Enter');
  // Taken (confirmed or refused): the field is cleared and has the focus back for the next scan.
  await expect(scan).toHaveValue('');
  await expect(scan).toBeFocused();
}
