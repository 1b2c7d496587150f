import { ApiUser } from './api-support';
import { BUYER, emptyCart, inStockPicks, quickOrder } from './ordering-support';
import { login, settled, snap, expect, test } from './support';

test('an invalid cart quantity blocks checkout until it is fixed, and a huge one suggests a valid quantity', async ({
  page,
  request,
}) => {
  const buyer = await ApiUser.login(request, BUYER);
  const [pick] = await inStockPicks(buyer, 1);
  if (!pick) throw new Error('no pick');
  await emptyCart(request, BUYER);
  await login(page, BUYER);
  await quickOrder(page, [pick]);

  await page.goto('/cart');
  await settled(page);
  const checkout = page.getByRole('link', { name: 'Checkout' });
  await expect(checkout).not.toHaveAttribute('aria-disabled', 'true');
  const quantity = page.getByLabel(`Quantity of ${pick.sku}`);
  await quantity.fill('10000000');
  await quantity.press('Enter');
  const row = page.locator(`tr[data-sku="${pick.sku}"]`);
  await expect(row.getByRole('alert')).toContainText('Quantity must be at most 1000000');
  // The suggestion is a quantity that can be ordered: never past the maximum.
  const suggestion = row.getByRole('button', { name: /^Use \d+$/ });
  const suggested = Number((await suggestion.textContent())?.replace(/\D/g, ''));
  expect(suggested).toBeGreaterThan(0);
  expect(suggested).toBeLessThanOrEqual(1_000_000);
  // Checkout waits: the last saved quantity is not what the buyer sees typed.
  await expect(checkout).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('checkout-blocked')).toHaveText(
    'Fix or remove the lines marked above before checking out.',
  );
  await checkout.click({ force: true });
  await expect(page).toHaveURL(/\/cart$/);
  await snap(page, 'quantities-01-cart-blocked');

  // Fixed: checkout opens again, with the quantity shown.
  await quantity.fill(String(pick.quantity));
  await quantity.press('Enter');
  await expect(row.getByRole('alert')).toHaveCount(0);
  await expect(checkout).not.toHaveAttribute('aria-disabled', 'true');
  await checkout.click();
  await expect(page).toHaveURL(/\/cart\/checkout$/);
});

test('the product page has one quantity that the price, the promise and add-to-cart all follow', async ({
  page,
  request,
}) => {
  const buyer = await ApiUser.login(request, BUYER);
  const [pick] = await inStockPicks(buyer, 1);
  if (!pick) throw new Error('no pick');
  await emptyCart(request, BUYER);
  await login(page, BUYER);
  await page.goto(`/catalog/${pick.productId}`);
  await settled(page);

  // One quantity box on the page.
  await expect(page.getByRole('spinbutton')).toHaveCount(1);
  const quantity = page.getByLabel(`Units of ${pick.sku} to add`);
  const wanted = pick.quantity * 2;
  await quantity.fill(String(wanted));
  await expect(page.getByTestId('price-quantity')).toContainText(`For ${wanted} `);
  await expect(page.getByTestId('promise-quantity')).toContainText(`For ${wanted} `);
  await expect(page.getByTestId('promise-sentence')).toContainText(String(wanted));
  await snap(page, 'quantities-02-product-one-quantity');
  await page.getByRole('button', { name: `Add to cart: ${pick.sku}` }).click();
  await expect(page.getByText(`${wanted} × ${pick.sku} added to your cart`)).toBeVisible();
  const cart = await buyer.get<{ lines: { sku: string; quantity: number }[] }>('/api/cart');
  expect(cart.lines).toEqual([expect.objectContaining({ sku: pick.sku, quantity: wanted })]);
});
