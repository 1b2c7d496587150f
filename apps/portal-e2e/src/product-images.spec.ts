import { type Browser, type Locator, type Page } from '@playwright/test';
import type { Page as ListPage, Product } from '@tradecounter/contracts';
import sharp from 'sharp';
import { ApiUser } from './api-support';
import { buyerOrder } from './dashboard-support';
import { accountOf, BUYER, emptyCart, inStockPicks } from './ordering-support';
import { dialogOpened, expect, login, settled, snap, test } from './support';

const ADMIN = 'admin@tradecounter.test';

/** A product photo stand-in: an orange box on a pale blue ground, 640 × 480. */
function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="#dbe9f6"/>
    <rect x="170" y="90" width="300" height="300" rx="24" fill="#e8742a"/>
    <rect x="230" y="150" width="180" height="40" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The image has loaded and was drawn at its natural size (not a broken-image icon). */
async function expectLoaded(image: Locator, naturalWidth: number): Promise<void> {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBe(naturalWidth);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await login(page, email);
  return page;
}

test.describe('product images and catalog filters', () => {
  test('an admin uploads an image; the buyer sees its thumbnail in the catalog and the cart', async ({
    page,
    request,
    browser,
  }) => {
    const buyerApi = await ApiUser.login(request, BUYER);
    const [pick] = await inStockPicks(buyerApi, 1);
    if (!pick) throw new Error('no product to picture');
    await emptyCart(request, BUYER);

    // The admin picks a file in the product form: a preview first, uploaded on save.
    await login(page, ADMIN);
    await page.goto(`/catalog/${pick.productId}`);
    await settled(page);
    await expect(page.locator('tc-product-image .placeholder')).toBeVisible();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialogOpened(dialog);
    await expect(dialog.getByRole('button', { name: 'Choose image' })).toBeVisible();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'product.png',
      mimeType: 'image/png',
      buffer: await photo(),
    });
    await expectLoaded(dialog.getByRole('img', { name: `New image for ${pick.name}` }), 640);
    await expect(dialog.getByText('The new image will be uploaded when you save.')).toBeVisible();
    await snap(page, 'images-01-admin-preview');

    // A file that is not an image is refused before anything is sent.
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await expect(dialog.getByRole('alert')).toHaveText(
      'notes.txt cannot be used: the image must be a JPEG, PNG or WebP image.',
    );
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    const large = page.locator('.picture').getByRole('img', { name: pick.name });
    await expectLoaded(large, 480);
    await expect(large).toHaveAttribute('width', '240');
    await snap(page, 'images-02-admin-product-page');

    // The buyer finds it in the catalog: a lazy 48 px thumbnail, alt text the product's name.
    const buyer = await signedIn(browser, BUYER);
    await buyer.goto(`/catalog?search=${encodeURIComponent(pick.sku)}`);
    await settled(buyer);
    const row = buyer.locator('tr.mat-mdc-row', { hasText: pick.sku });
    const thumbnail = row.getByRole('img', { name: pick.name });
    await expectLoaded(thumbnail, 96);
    await expect(thumbnail).toHaveAttribute('loading', 'lazy');
    await expect(thumbnail).toHaveAttribute('height', '48');
    await buyer.getByLabel('Search SKU or name').fill('');
    await expect(buyer).not.toHaveURL(/search=/);
    await settled(buyer);
    await expect(buyer.locator('tr.mat-mdc-row tc-product-image .placeholder').first()).toBeVisible();
    await snap(buyer, 'images-03-buyer-catalog');

    // …and in the cart.
    await buyerApi.send('PUT', `/api/cart/lines/${pick.productId}`, { quantity: pick.quantity });
    await buyer.goto('/cart');
    await settled(buyer);
    await expectLoaded(
      buyer.locator('tr.mat-mdc-row', { hasText: pick.sku }).getByRole('img', { name: pick.name }),
      96,
    );
    await snap(buyer, 'images-04-buyer-cart');
    await emptyCart(request, BUYER);

    // The admin removes it: the placeholder is back.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await dialog.getByRole('button', { name: 'Remove image' }).click();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.picture .placeholder')).toBeVisible();
  });

  test('the buyer narrows the catalog to what is in stock and what they bought before', async ({
    page,
    request,
  }) => {
    const buyerApi = await ApiUser.login(request, BUYER);
    const [pick] = await inStockPicks(buyerApi, 1);
    if (!pick) throw new Error('no product to order');
    await buyerOrder(buyerApi, await accountOf(buyerApi), pick);
    const skus = async (query: Record<string, string>) =>
      (await buyerApi.get<ListPage<Product>>('/api/products', { ...query, pageSize: 25 })).items.map(
        (p) => p.sku,
      );
    const shown = async () => (await page.locator('td.mat-column-sku').allInnerTexts()).map((s) => s.trim());

    await login(page, BUYER);
    await page.goto('/catalog');
    await settled(page);
    const filters = page.getByRole('listbox', { name: 'Show only' });
    await filters.getByRole('option', { name: 'In stock' }).click();
    await expect(page).toHaveURL(/inStock=1/);
    await settled(page);
    const inStock = await skus({ inStock: 'true' });
    expect(inStock.length).toBeGreaterThan(0);
    await expect.poll(shown).toEqual(inStock);
    await expect(page.locator('td.mat-column-availability', { hasText: /backorder/i })).toHaveCount(0);
    await snap(page, 'images-05-filter-in-stock');

    await filters.getByRole('option', { name: 'In stock' }).click();
    await filters.getByRole('option', { name: 'Bought before' }).click();
    await expect(page).toHaveURL(/boughtBefore=1/);
    await expect(page).not.toHaveURL(/inStock/);
    await settled(page);
    const bought = await skus({ boughtBefore: 'true' });
    expect(bought).toContain(pick.sku);
    await expect.poll(shown).toEqual(bought);
    await snap(page, 'images-06-filter-bought-before');

    // The filter is in the URL: a reload (or a shared link) keeps it.
    await page.reload();
    await settled(page);
    await expect(filters.getByRole('option', { name: 'Bought before' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect.poll(shown).toEqual(bought);
  });
});
