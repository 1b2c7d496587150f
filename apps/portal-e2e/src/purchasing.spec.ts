import type { APIRequestContext, Page } from '@playwright/test';
import type {
  Address,
  Order,
  Page as ListPage,
  Product,
  ProductSupply,
  PromiseResponse,
  Supplier,
  User,
} from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import { checkOrderInPortal } from './fulfilment-support';
import { dialogOpened, expect, login, settled, snap, test } from './support';

const ORDERED = 6;
const PACK = 5;

/**
 * A product only this run knows, bought from a supplier only this run
 * knows, with nothing on hand: a buyer's order for it is promised from the
 * supplier, which is the shortfall the journey starts from.
 */
async function orderBeyondStock(request: APIRequestContext) {
  const run = Date.now().toString(36).toUpperCase();
  const admin = await ApiUser.login(request, 'admin@tradecounter.test');
  const buyer = await ApiUser.login(request, 'buyer@acme.test');
  const supplier = await admin.send<Supplier>('POST', '/api/suppliers', {
    code: `S${run}`.slice(0, 12),
    name: `Purchase journey supplier ${run}`,
    email: `orders-${run.toLowerCase()}@supplier.test`,
    leadTimeDays: 3,
  });
  const product = await admin.send<Product>('POST', '/api/products', {
    sku: `PUR-${run}`,
    name: `Purchase journey hinge ${run}`,
    category: 'Fasteners',
    unit: 'each',
    listPrice: '4.20',
    backorderable: true,
  });
  await admin.send<ProductSupply>('PUT', `/api/products/${product.id}/supply`, {
    supplierCode: supplier.code,
    supplierSku: `SUP-${run}`,
    unitCost: '2.10',
    packSize: PACK,
  });
  const probe = await buyer.send<PromiseResponse>('POST', '/api/availability/promise', {
    lines: [{ productId: product.id, quantity: ORDERED }],
  });
  const me = await buyer.get<User>('/api/me');
  const addresses = await buyer.get<Address[] | ListPage<Address>>(`/api/accounts/${me.accountId}/addresses`);
  const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
  const order = await buyer.send<Order>(
    'POST',
    '/api/orders',
    {
      lines: [{ productId: product.id, quantity: ORDERED }],
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `PJ-${run}`,
    },
    [201],
    { 'Idempotency-Key': `purchasing-${run}` },
  );
  return { run, supplier, product, order, buyer, warehouseCode: probe.warehouseCode };
}

/** Scans a code into the receiving form, as a scanner does: the code, then Enter; a quantity first when given. */
async function scan(page: Page, code: string, quantity?: number): Promise<void> {
  const codeField = page.getByTestId('scan-code');
  await expect(codeField).toBeFocused();
  await page.keyboard.type(code);
  if (quantity !== undefined) {
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('scan-quantity')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(quantity));
  }
  await page.keyboard.press('Enter');
  await expect(codeField).toBeFocused();
}

test.describe('purchasing', () => {
  test('the warehouse drafts a purchase order for a shortfall, sends it and receives it in two parts by scanning; the backorder ships', async ({
    page,
    request,
  }) => {
    const { product, order, buyer, warehouseCode, supplier } = await orderBeyondStock(request);

    await login(page, 'warehouse@tradecounter.test');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Purchasing', exact: true })
      .click();
    await expect(page.getByRole('heading', { name: 'Purchasing' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Purchasing' })
      .getByRole('link', { name: 'Shortfall' })
      .click();
    await settled(page);
    await snap(page, 'purchasing-00-shortfall-all');
    // This run's supplier only: other journeys' shortfall may fill the first page.
    await page.getByRole('combobox', { name: 'Supplier' }).click();
    await page.getByRole('option', { name: supplier.name }).click();
    await settled(page);

    // The shortfall: the order's units, rounded up to the supplier's pack.
    const row = page.locator(`tr[data-sku="${product.sku}"]`);
    await expect(row).toContainText(warehouseCode);
    await expect(row.locator('td.mat-column-shortfall')).toHaveText(String(ORDERED));
    await expect(row.locator('td.mat-column-draftQuantity')).toHaveText(String(2 * PACK));
    await snap(page, 'purchasing-01-shortfall');
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: /Draft purchase orders/ }).click();
    const result = page.getByTestId('draft-result');
    await expect(result).toContainText('1 draft purchase order');
    await snap(page, 'purchasing-02-drafted');
    await result.getByRole('link', { name: /^PO-/ }).click();

    // The draft: send it to the supplier.
    await expect(page.getByTestId('po-status')).toHaveText('Draft');
    const line = page.locator(`tr[data-sku="${product.sku}"]`);
    await expect(line.locator('td.mat-column-quantity')).toHaveText(String(2 * PACK));
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('po-status')).toHaveText('Sent');
    await expect(line.locator('td.mat-column-allocated')).toHaveText(String(ORDERED));
    await snap(page, 'purchasing-03-sent');

    // The buyer's order is now promised from the purchase order: a repromised event.
    await expect
      .poll(async () => (await buyer.get<Order>(`/api/orders/${order.id}`)).events.map((e) => e.kind))
      .toContain('repromised');

    // First part: 4 units, scanned by SKU (one, then three).
    await page.getByRole('link', { name: 'Receive', exact: true }).click();
    await settled(page);
    await scan(page, product.sku);
    await expect(page.getByTestId('scan-message')).toContainText(`1 × ${product.sku} counted`);
    await scan(page, 'NOT-ON-THIS-PO');
    await expect(page.getByTestId('scan-message')).toContainText('not on this purchase order');
    await scan(page, product.sku.toLowerCase(), 3);
    await expect(page.getByTestId(`now-${product.sku}`)).toHaveValue('4');
    await snap(page, 'purchasing-04-receiving');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'purchasing-04b-receiving-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'Confirm receipt of 4 units' }).click();
    await expect(page.getByTestId('po-status')).toHaveText('Partly received');
    await expect(line.locator('td.mat-column-received')).toHaveText('4');
    await expect(line.locator('td.mat-column-open')).toHaveText(String(2 * PACK - 4));

    // Second part: the rest, by the supplier's SKU.
    await page.getByRole('link', { name: 'Receive', exact: true }).click();
    await settled(page);
    await scan(page, `SUP-${product.sku.slice(4)}`, 2 * PACK - 4);
    await page.getByRole('button', { name: `Confirm receipt of ${2 * PACK - 4} units` }).click();
    await expect(page.getByTestId('po-status')).toHaveText('Received');
    await expect(line.locator('td.mat-column-received')).toHaveText(String(2 * PACK));
    await expect(page.getByRole('list', { name: 'Purchase order history' })).toContainText('Received');
    await snap(page, 'purchasing-05-received');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'purchasing-05b-received-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The backorder is filled: on the board, every unit of the order is ready to ship.
    await page.goto(`/fulfilment?warehouse=${warehouseCode}&queue=confirmed&sort=placedAt&dir=desc`);
    await settled(page);
    const boardRow = page.getByRole('row').filter({ hasText: order.number });
    await expect(boardRow).toContainText(`${ORDERED} ready`);
    await snap(page, 'purchasing-06-board');

    // And it ships: picking, the check by SKU, one parcel, one shipment.
    await page.goto(`/fulfilment/orders/${order.id}`);
    await settled(page);
    await page.getByRole('button', { name: 'Start picking' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start picking' }).click();
    await expect(page.getByTestId('order-status')).toHaveText('Picking');
    await checkOrderInPortal(page, [{ sku: product.sku, quantity: ORDERED }]);
    await page.getByRole('button', { name: 'Pack', exact: true }).click();
    const pack = page.getByRole('dialog');
    await dialogOpened(pack);
    await pack.getByLabel('Parcel 1 weight (kg)').fill('3');
    await pack.getByRole('button', { name: /^Pack in/ }).click();
    await expect(page.getByTestId('order-status')).toHaveText('Packed');
    await page.getByRole('button', { name: 'Ship', exact: true }).click();
    const ship = page.getByRole('dialog');
    await dialogOpened(ship);
    await ship.getByRole('combobox', { name: 'Carrier' }).click();
    await page.getByRole('option', { name: 'UPS' }).click();
    await ship.getByLabel('Tracking number').fill(`1ZPO${order.number.replace(/\D/g, '')}`);
    await ship.getByRole('button', { name: `Ship ${ORDERED} units` }).click();
    await expect(ship).toHaveCount(0);
    await expect(page.getByTestId('order-status')).toHaveText('Shipped');
    await snap(page, 'purchasing-07-shipped');
  });

  test('suppliers, suggestions, the purchase order list and the supplier panel, for the warehouse, an admin and a manager', async ({
    page,
    request,
  }) => {
    const { run, supplier, product } = await orderBeyondStock(request);

    // The warehouse adds a supplier through the dialog.
    await login(page, 'warehouse@tradecounter.test');
    await page.goto('/purchasing/suppliers');
    await settled(page);
    await page.getByRole('button', { name: 'Add supplier' }).click();
    const dialog = page.getByRole('dialog');
    // Once failed in CI: '7' meant for the lead time landed in Code, focused as the dialog finished opening.
    await dialogOpened(dialog);
    await dialog.getByLabel('Code').fill(`N${run}`.slice(0, 12));
    await dialog.getByLabel('Name').fill(`New supplier ${run}`);
    await dialog.getByLabel('E-mail').fill(`new-${run.toLowerCase()}@supplier.test`);
    await dialog.getByLabel('Lead time (business days)').fill('7');
    await dialog.getByRole('button', { name: 'Add supplier' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(`tr[data-supplier="${`N${run}`.slice(0, 12)}"]`)).toContainText(
      '7 business days',
    );
    await expect(page.locator(`tr[data-supplier="${supplier.code}"]`)).toContainText(supplier.name);
    await snap(page, 'purchasing-10-suppliers');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'purchasing-10b-suppliers-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });

    await page
      .getByRole('navigation', { name: 'Purchasing' })
      .getByRole('link', { name: 'Suggestions' })
      .click();
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Purchasing' })).toBeVisible();
    await snap(page, 'purchasing-11-suggestions');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'purchasing-11b-suggestions-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });

    // A draft made by hand: the unit cost comes from the product's purchasing facts.
    await page
      .getByRole('navigation', { name: 'Purchasing' })
      .getByRole('link', { name: 'Purchase orders' })
      .click();
    await page.getByRole('link', { name: 'New purchase order' }).click();
    await expect(page.getByRole('heading', { name: 'New purchase order' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Supplier' }).click();
    await page.getByRole('option', { name: new RegExp(supplier.name) }).click();
    await page.getByLabel('Product, line 1').fill(product.sku);
    await page.getByRole('option', { name: new RegExp(product.sku) }).click();
    await expect(page.getByLabel('Unit cost')).toHaveValue('2.10');
    await page.getByLabel('Quantity').fill('5');
    await snap(page, 'purchasing-12-new-draft');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.getByTestId('po-status')).toHaveText('Draft');
    await expect(page.getByTestId('po-total')).toContainText('10.50');
    const number = (await page.getByRole('heading', { level: 1 }).textContent())?.match(/PO-\d+/)?.[0] ?? '';
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'purchasing-12b-draft-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The list finds it by search.
    await page.getByRole('link', { name: 'Purchase orders' }).first().click();
    await page.getByLabel('Search number, supplier or SKU').fill(number);
    await expect(page.locator(`tr[data-po="${number}"]`)).toContainText('Draft');
    await snap(page, 'purchasing-13-list');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'purchasing-13b-list-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });

    // An admin sets the receiving tolerance (a percent on screen) and sees the product's purchasing card.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /Sign out/ }).click();
    await login(page, 'admin@tradecounter.test');
    await page.goto('/purchasing/suppliers');
    await settled(page);
    const tolerance = page.getByTestId('receipt-tolerance');
    await expect(tolerance).toHaveValue(/^\d/);
    await tolerance.fill('10');
    await expect(page.getByRole('button', { name: 'Save tolerance' })).toBeEnabled();
    await page.getByRole('button', { name: 'Save tolerance' }).click();
    await expect(page.getByText('Receiving tolerance saved')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('receipt-tolerance')).toHaveValue('10');
    await page.getByTestId('receipt-tolerance').fill('0');
    await expect(page.getByRole('button', { name: 'Save tolerance' })).toBeEnabled();
    await page.getByRole('button', { name: 'Save tolerance' }).click();
    await expect(page.getByText('Receiving tolerance saved')).toBeVisible();
    await page.goto(`/catalog/${product.id}`);
    await expect(page.getByTestId('product-supply')).toContainText(`SUP-${run}`);
    await snap(page, 'purchasing-14-product-card');

    // A manager reads purchasing (no write buttons) and sees the supplier panel on the dashboard.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /Sign out/ }).click();
    await login(page, 'manager@tradecounter.test');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Purchasing', exact: true })
      .click();
    await settled(page);
    await expect(page.getByRole('link', { name: 'New purchase order' })).toHaveCount(0);
    await expect(
      page.getByRole('navigation', { name: 'Purchasing' }).getByRole('link', { name: 'Shortfall' }),
    ).toHaveCount(0);
    await page.goto('/reports/dashboard');
    await settled(page, 30_000);
    const panel = page.getByRole('region', { name: 'Supplier performance' });
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toBeVisible();
    await snap(page, 'purchasing-15-dashboard');
  });
});
