import { expect, type Page } from '@playwright/test';
import { dialogOpened, login, settled, snap, test } from './support';
import type {
  Inbound,
  Page as ListPage,
  Product,
  PromiseResponse,
  StockLevel,
} from '@tradecounter/contracts';
import { ApiUser, weekdayFromToday } from './api-support';

/** Set up below: this many in stock, this many on one receipt, and a few more from the supplier. */
const IN_STOCK = 5;
const INBOUND = 10;
const ASKED = IN_STOCK + INBOUND + 5;

interface Scenario {
  product: Product;
  warehouseCode: string;
}

/**
 * A backorderable product with no receipt expected at the buyer's warehouse,
 * set to exactly IN_STOCK available, with one receipt of INBOUND units three
 * weeks out: asking for ASKED then splits into stock, incoming and supplier.
 */
async function prepare(buyer: ApiUser, warehouse: ApiUser): Promise<Scenario> {
  const catalog = await buyer.get<ListPage<Product>>('/api/products', {
    pageSize: 100,
    category: 'Fasteners',
  });
  const probe = await buyer.send<PromiseResponse>('POST', '/api/availability/promise', {
    lines: [{ productId: catalog.items[0].id, quantity: 1 }],
  });
  const warehouseCode = probe.warehouseCode;
  for (const product of catalog.items) {
    if (!product.backorderable || product.minOrderQty > IN_STOCK) continue;
    const expected = await warehouse.get<ListPage<Inbound>>('/api/inbound', {
      productId: product.id,
      warehouseCode,
      status: 'expected',
    });
    if (expected.total > 0) continue;
    const stock = await warehouse.get<ListPage<StockLevel>>('/api/stock', {
      productId: product.id,
      warehouseCode,
    });
    const reserved = stock.items[0]?.reserved ?? 0;
    await warehouse.send('PUT', `/api/stock/${product.id}/${warehouseCode}`, { onHand: reserved + IN_STOCK });
    await warehouse.send('POST', '/api/inbound', {
      productId: product.id,
      warehouseCode,
      qty: INBOUND,
      expectedDate: weekdayFromToday(21),
    });
    return { product, warehouseCode };
  }
  throw new Error('No backorderable fastener without expected inbound: the demo data changed');
}

/** Types the page's one quantity on the product page and waits for its promise. */
async function askFor(page: Page, quantity: number): Promise<void> {
  await page.getByRole('spinbutton').fill(String(quantity));
  await expect(page.getByTestId('promise-sentence')).toContainText(/^\d+ ships? /);
  await settled(page);
}

function splitsList(page: Page) {
  return page.getByRole('list', { name: 'Delivery schedule' }).getByRole('listitem');
}

test.describe('availability', () => {
  test('a buyer sees a split promise; once the warehouse receives inbound, more ships earlier', async ({
    page,
    request,
  }) => {
    // Three sign-ins and two promise round trips: a long journey.
    test.slow();
    const buyerApi = await ApiUser.login(request, 'buyer@acme.test');
    const warehouseApi = await ApiUser.login(request, 'warehouse@tradecounter.test');
    const { product, warehouseCode } = await prepare(buyerApi, warehouseApi);

    // The catalog words availability on every row.
    await login(page, 'buyer@acme.test');
    await page.goto('/catalog');
    await page.getByLabel('Search SKU or name').fill(product.sku);
    await expect(page).toHaveURL(new RegExp(`search=${product.sku}`));
    await settled(page);
    const row = page.getByRole('row', { name: new RegExp(product.sku) });
    await expect(row.getByTestId('availability')).toContainText('In stock · ships');
    await snap(page, 'availability-01-buyer-catalog');

    // (a) More than is in stock: part from stock now, the rest later.
    await row.click();
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Availability and delivery' })).toBeVisible();
    await askFor(page, ASKED);
    const sentence = page.getByTestId('promise-sentence');
    await expect(sentence).toContainText(`${IN_STOCK} ship `);
    await expect(sentence).toContainText('from stock');
    await expect(sentence).toContainText(`${INBOUND} ship `);
    await expect(sentence).toContainText('from incoming stock');
    await expect(splitsList(page)).toHaveCount(3);
    await expect(splitsList(page).filter({ hasText: 'from stock' })).toContainText(String(IN_STOCK));
    await expect(page.getByTestId('availability').first()).toContainText(`${IN_STOCK} in stock · more`);
    await expect(page.getByTestId('ship-complete')).toContainText(`All ${ASKED} ship`);
    await expect(page.getByRole('list', { name: 'Incoming stock' })).toContainText(`${INBOUND} expected`);
    await snap(page, 'availability-02-product-split');
    const before = (await splitsList(page).first().innerText()).trim();
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await settled(page);
    await askFor(page, ASKED);
    await expect(splitsList(page)).toHaveCount(3);
    await snap(page, 'availability-03-product-split-768');
    await page.setViewportSize({ width: 1366, height: 900 });

    // (b) The warehouse receives that receipt on the inbound page.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /Sign out/ }).click();
    await login(page, 'warehouse@tradecounter.test');
    await page.getByRole('link', { name: 'Inbound' }).click();
    await expect(page.getByRole('heading', { name: 'Inbound' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Warehouse' }).click();
    await page.getByRole('option', { name: new RegExp(`^${warehouseCode} `) }).click();
    await expect(page).toHaveURL(new RegExp(`warehouse=${warehouseCode}`));
    await page.getByRole('combobox', { name: 'Product' }).fill(product.sku);
    await page.getByRole('option', { name: new RegExp(product.sku) }).click();
    await expect(page).toHaveURL(new RegExp(`product=${product.id}`));
    await settled(page);
    const receipt = page.locator(`tr[data-sku="${product.sku}"]`);
    await expect(receipt).toHaveCount(1);
    await expect(receipt).toContainText(String(INBOUND));
    await snap(page, 'availability-04-inbound');
    await receipt.getByRole('button', { name: /^Receive / }).click();
    const confirm = page.getByRole('dialog');
    await dialogOpened(confirm);
    await expect(confirm).toContainText(`on hand goes up by ${INBOUND}`);
    await snap(page, 'availability-05-receive-confirm');
    await confirm.getByRole('button', { name: 'Receive' }).click();
    await expect(page.getByText(`Received ${INBOUND} × ${product.sku} at ${warehouseCode}`)).toBeVisible();
    await settled(page);
    await expect(receipt).toHaveCount(0);

    // Stock shows the received units as available.
    await page.getByRole('link', { name: 'Stock' }).click();
    await page.getByLabel('Search SKU or name').fill(product.sku);
    await expect(page).toHaveURL(new RegExp(`search=${product.sku}`));
    await settled(page);
    const stockRow = page
      .locator(`tr[data-sku="${product.sku}"]`)
      .filter({ has: page.getByRole('cell', { name: warehouseCode, exact: true }) });
    await expect(stockRow.locator('td.mat-column-available')).toContainText(String(IN_STOCK + INBOUND));

    // The buyer's promise for the same quantity improves: more ships from stock, earlier.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /Sign out/ }).click();
    await login(page, 'buyer@acme.test');
    await page.goto(`/catalog/${product.id}`);
    await settled(page);
    await askFor(page, ASKED);
    await expect(sentence).toContainText(`${IN_STOCK + INBOUND} ship `);
    await expect(sentence).not.toContainText('from incoming stock');
    await expect(splitsList(page)).toHaveCount(2);
    await expect(splitsList(page).first()).toContainText(`${IN_STOCK + INBOUND} from stock`);
    // Same first ship date (stock ships on the first dispatch day), now for three times the units.
    expect(before.replace(/\s+/g, ' ')).toContain(`${IN_STOCK} from stock`);
    await expect(page.getByRole('list', { name: 'Incoming stock' })).toHaveCount(0);
    await snap(page, 'availability-06-product-improved');
  });
});
