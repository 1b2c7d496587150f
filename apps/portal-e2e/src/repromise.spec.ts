import { type APIRequestContext, expect } from '@playwright/test';
import { test, DEMO_PASSWORD, login, settled, snap } from './support';
import type {
  Address,
  Inbound,
  Page as ListPage,
  Order,
  Product,
  PromiseResponse,
  StockLevel,
  User,
} from '@tradecounter/contracts';
import { ApiUser, weekdayFromToday } from './api-support';

const ORDERED = 4;

/**
 * A buyer's order waiting for a receipt: a backorderable fastener with none
 * available and no receipt expected, given one receipt three weeks out, and
 * an order for ORDERED units placed by API (the journey is what follows).
 */
async function orderWaitingForReceipt(request: APIRequestContext, buyer: ApiUser, warehouse: ApiUser) {
  const catalog = await buyer.get<ListPage<Product>>('/api/products', {
    pageSize: 100,
    category: 'Fasteners',
  });
  const probe = await buyer.send<PromiseResponse>('POST', '/api/availability/promise', {
    lines: [{ productId: catalog.items[0].id, quantity: 1 }],
  });
  const warehouseCode = probe.warehouseCode;
  for (const product of catalog.items) {
    if (!product.backorderable || ORDERED % product.orderMultiple !== 0 || product.minOrderQty > ORDERED)
      continue;
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
    await warehouse.send('PUT', `/api/stock/${product.id}/${warehouseCode}`, {
      onHand: stock.items[0]?.reserved ?? 0,
    });
    await warehouse.send<Inbound>('POST', '/api/inbound', {
      productId: product.id,
      warehouseCode,
      qty: 10,
      expectedDate: weekdayFromToday(21),
    });
    const me = await buyer.get<User>('/api/me');
    const addresses = await buyer.get<Address[] | ListPage<Address>>(
      `/api/accounts/${me.accountId}/addresses`,
    );
    const address = Array.isArray(addresses) ? addresses[0] : addresses.items[0];
    const login = await request.post('/api/auth/login', {
      data: { email: 'buyer@acme.test', password: DEMO_PASSWORD },
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const placed = await request.post('/api/orders', {
      headers: { Authorization: `Bearer ${accessToken}`, 'Idempotency-Key': `repromise-${Date.now()}` },
      data: {
        lines: [{ productId: product.id, quantity: ORDERED }],
        shippingAddressId: address?.id,
        shipComplete: false,
        poNumber: `RP-${Date.now().toString(36)}`,
      },
    });
    expect(placed.status(), await placed.text()).toBe(201);
    return { product, warehouseCode, order: (await placed.json()) as Order };
  }
  throw new Error('No backorderable fastener without expected inbound: the demo data changed');
}

test('the warehouse moves a receipt; the buyer sees the order’s delivery date change, and why', async ({
  page,
  request,
}) => {
  test.slow();
  const buyerApi = await ApiUser.login(request, 'buyer@acme.test');
  const warehouseApi = await ApiUser.login(request, 'warehouse@tradecounter.test');
  const { product, warehouseCode, order } = await orderWaitingForReceipt(request, buyerApi, warehouseApi);
  const firstPromised = order.lines[0]?.firstPromisedDate;

  // The warehouse hears the supplier is two weeks late and changes the receipt's date.
  await login(page, 'warehouse@tradecounter.test');
  await page.goto(`/inventory/inbound?warehouse=${warehouseCode}&product=${product.id}`);
  await settled(page);
  const row = page.locator(`tr[data-sku="${product.sku}"]`);
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^More actions for / }).click();
  await page.getByRole('menuitem', { name: 'Change quantity or date' }).click();
  const dialog = page.getByRole('dialog');
  // The dialog focuses its first field once it has opened: typing before that went into Quantity.
  await expect(dialog.getByLabel('Quantity')).toBeFocused();
  const later = weekdayFromToday(35);
  const [y, m, d] = later.split('-').map(Number);
  await dialog.getByLabel('Expected date').fill(`${m}/${d}/${y}`);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toHaveCount(0);
  await settled(page);

  // The buyer opens the order: the first promise stands, the current one moved, and the history says why.
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: /Sign out/ }).click();
  await login(page, 'buyer@acme.test');
  await page.goto(`/orders/${order.id}`);
  await settled(page);
  const history = page.getByRole('list', { name: 'Order history' });
  await expect(history).toContainText('Delivery date changed');
  const changes = history.getByRole('list', { name: 'Lines whose delivery date changed' });
  await expect(changes).toContainText(`Line 1 · ${product.sku}`);
  await expect(history).toContainText(`Supplier delivery to warehouse ${warehouseCode} now expected`);
  await expect(history).toContainText('Warehouse');
  const read = await buyerApi.get<Order>(`/api/orders/${order.id}`);
  expect(read.lines[0]?.firstPromisedDate).toBe(firstPromised);
  expect((read.lines[0]?.currentPromisedDate ?? '') > (firstPromised ?? '')).toBe(true);
  await history.scrollIntoViewIfNeeded();
  await snap(page, 'repromise-01-order-history');
});
