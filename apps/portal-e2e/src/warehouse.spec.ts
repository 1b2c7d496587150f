import { dialogOpened, expect, login, settled, snap, test } from './support';
import type { Page as ListPage, StockLevel } from '@tradecounter/contracts';
import { ApiUser } from './api-support';

test.describe('warehouse', () => {
  test('sets on hand on the stock page: validation, and never below what is reserved', async ({
    page,
    request,
  }) => {
    const api = await ApiUser.login(request, 'warehouse@tradecounter.test');
    const rows = await api.get<ListPage<StockLevel>>('/api/stock', { pageSize: 100 });
    // A row with units reserved for orders shows the 409; any row shows the validation.
    const level = rows.items.find((l) => l.reserved > 0) ?? rows.items[0];

    await login(page, 'warehouse@tradecounter.test');
    await page.getByRole('link', { name: 'Stock' }).click();
    await expect(page.getByRole('heading', { name: 'Stock' })).toBeVisible();
    await settled(page);
    await expect(page.locator('tr.mat-mdc-row').first()).toBeVisible();
    await snap(page, 'warehouse-01-stock');

    // Filters: warehouse, search and low stock, all kept in the URL.
    await page.getByRole('combobox', { name: 'Warehouse' }).click();
    await page.getByRole('option', { name: new RegExp(`^${level.warehouseCode} `) }).click();
    await expect(page).toHaveURL(new RegExp(`warehouse=${level.warehouseCode}`));
    await page.getByRole('switch', { name: /Low stock/ }).click();
    await expect(page).toHaveURL(/low=1/);
    await settled(page);
    const lowRows = page.locator('tr.mat-mdc-row');
    if ((await lowRows.count()) > 0) {
      const available = await lowRows.locator('td.mat-column-available strong').allInnerTexts();
      for (const value of available) expect(Number(value)).toBeLessThanOrEqual(10);
    }
    await snap(page, 'warehouse-02-low-stock');
    await page.getByRole('switch', { name: /Low stock/ }).click();
    await page.getByLabel('Search SKU or name').fill(level.sku);
    await expect(page).toHaveURL(new RegExp(`search=${level.sku}`));
    await settled(page);
    const row = page.locator(`tr[data-sku="${level.sku}"]`);
    await expect(row).toHaveCount(1);

    // The edit dialog checks the number before asking the server.
    await row.getByRole('button', { name: `Edit stock of ${level.sku} at ${level.warehouseCode}` }).click();
    const dialog = page.getByRole('dialog');
    await dialogOpened(dialog);
    const field = dialog.getByRole('spinbutton', { name: 'New on hand' });
    await field.fill('-1');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toContainText('On hand must be at least 0');
    await field.fill('2.5');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toContainText('On hand must be a whole number');
    // The bin follows the API's rule; this product's bin is left as it was.
    const bin = dialog.getByRole('textbox', { name: 'Bin' });
    await bin.fill('A--1');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toContainText("Bin must be groups of letters and digits separated by '-'");
    await bin.fill(level.bin ?? '');

    if (level.reserved > 0) {
      // Below the reserved units: the server refuses (409) and the dialog says why.
      await field.fill(String(level.reserved - 1));
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(dialog.getByRole('alert').first()).toContainText(`${level.reserved} units are reserved`);
      await snap(page, 'warehouse-03-below-reserved');
    } else {
      await snap(page, 'warehouse-03-validation');
    }

    // A count at or above reserved is saved and the row shows it.
    // A count no earlier run left, so the save is a real change: 40–89 available.
    const extra = 40 + (Date.now() % 50);
    const counted = level.reserved + extra;
    await field.fill(String(counted));
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`${level.sku} at ${level.warehouseCode}: ${counted} on hand`)).toBeVisible();
    await expect(row.locator('td.mat-column-onHand')).toHaveText(String(counted));
    await expect(row.locator('td.mat-column-available')).toContainText(String(extra));

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await settled(page);
    await snap(page, 'warehouse-04-stock-768');
  });

  test('adds an inbound receipt with the product search and datepicker, changes it and cancels it', async ({
    page,
  }) => {
    await login(page, 'warehouse@tradecounter.test');
    await page.getByRole('link', { name: 'Inbound' }).click();
    await settled(page);
    await snap(page, 'warehouse-05-inbound');

    await page.getByRole('button', { name: 'Add receipt' }).click();
    const dialog = page.getByRole('dialog');
    await dialogOpened(dialog);
    await dialog.getByRole('button', { name: 'Add receipt' }).click();
    await expect(dialog).toContainText('Product is required');
    await dialog.getByRole('combobox', { name: 'Product' }).fill('GLV-NIT-M');
    await page.getByRole('option', { name: /GLV-NIT-M/ }).click();
    await dialog.getByLabel('Quantity').fill('24');
    // Pick a date with the keyboard-free calendar: next month, the 15th.
    await dialog.getByRole('button', { name: 'Open calendar' }).click();
    await page.getByRole('button', { name: 'Next month' }).click();
    await page
      .locator('.mat-calendar-body-cell:not(.mat-calendar-body-disabled)')
      .filter({ hasText: /^\s*15\s*$/ })
      .click();
    await snap(page, 'warehouse-06-add-inbound');
    await dialog.getByRole('button', { name: 'Add receipt' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(/24 × GLV-NIT-M expected/)).toBeVisible();
    // The list now shows that product's receipts, the new one among them.
    await expect(page).toHaveURL(/product=/);
    await expect(page.getByRole('combobox', { name: 'Product' })).toHaveValue(/GLV-NIT-M/);
    await settled(page);

    // Change its quantity, then cancel it.
    const receipt = page.locator('tr[data-sku="GLV-NIT-M"]').filter({ hasText: '24' }).first();
    await receipt.getByRole('button', { name: /More actions/ }).click();
    await page.getByRole('menuitem', { name: 'Change quantity or date' }).click();
    await dialog.getByLabel('Quantity').fill('30');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toHaveCount(0);
    await settled(page);
    const changed = page.locator('tr[data-sku="GLV-NIT-M"]').filter({ hasText: '30' }).first();
    await changed.getByRole('button', { name: /More actions/ }).click();
    await page.getByRole('menuitem', { name: 'Cancel receipt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel receipt' }).click();
    await expect(page.getByText('Receipt of GLV-NIT-M cancelled')).toBeVisible();

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await settled(page);
    await snap(page, 'warehouse-07-inbound-768');
  });

  test('reads warehouse settings and the holiday calendar without editing them', async ({ page }) => {
    await login(page, 'warehouse@tradecounter.test');
    await page.getByRole('link', { name: 'Warehouses' }).click();
    await settled(page);
    await expect(page.getByText('Only administrators change them.')).toBeVisible();
    const chicago = page.getByRole('row').filter({ hasText: 'America/Chicago' });
    await expect(chicago).toBeVisible();
    await expect(chicago).toContainText(/UTC[−+]\d{2}:\d{2}/);
    await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add warehouse' })).toHaveCount(0);
    await snap(page, 'warehouse-08-settings-read-only');
    await page.getByRole('link', { name: 'Holidays' }).click();
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Holiday calendar' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save calendar' })).toHaveCount(0);
    await snap(page, 'warehouse-09-holidays-read-only');
  });
});

test.describe('admin warehouse settings', () => {
  test('saves settings with If-Match and reports a stale edit', async ({ page, browser }) => {
    // Two sessions and three saves.
    test.slow();
    await login(page, 'admin@tradecounter.test');
    await page.getByRole('link', { name: 'Warehouses' }).click();
    await settled(page);
    const row = page.locator('[data-warehouse="RNO"]');
    await expect(row).toBeVisible();
    await snap(page, 'admin-wh-01-settings');

    // A second window (same sign-in) opens the same warehouse before the first saves.
    const otherContext = await browser.newContext({ storageState: await page.context().storageState() });
    const other = await otherContext.newPage();
    await other.goto('/warehouses');
    await settled(other);
    await other.getByRole('button', { name: 'Edit RNO' }).click();
    const otherDialog = other.getByRole('dialog');
    await dialogOpened(otherDialog);

    // Validation first: a bad cut-off and an unknown zone.
    await row.getByRole('button', { name: 'Edit RNO' }).click();
    const dialog = page.getByRole('dialog');
    await dialogOpened(dialog);
    const cutoff = dialog.getByLabel('Order cut-off');
    const original = await cutoff.inputValue();
    await cutoff.fill('25:00');
    await dialog.getByLabel('Time zone').fill('Mars/Olympus');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(dialog).toContainText('Enter a 24-hour time like 14:00');
    await expect(dialog).toContainText('Pick a time zone from the list');
    await dialog.getByLabel('Time zone').fill('los angeles');
    await page.getByRole('option', { name: /America\/Los_Angeles\s+UTC/ }).click();
    const changedCutoff = original === '15:30' ? '15:00' : '15:30';
    await cutoff.fill(changedCutoff);
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('RNO saved')).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await settled(page);
    await expect(row).toContainText(changedCutoff);

    // The other session still holds the old version: its save is refused (412) and the list reloads.
    await otherDialog.getByLabel('Transit days').fill('5');
    await otherDialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(otherDialog.getByRole('alert')).toContainText('Someone else changed RNO');
    await snap(other, 'admin-wh-02-stale');
    await otherDialog.getByRole('button', { name: 'Close' }).click();
    await expect(other.getByRole('alert').filter({ hasText: 'Someone else changed RNO' })).toBeVisible();
    await settled(other);
    await expect(other.locator('[data-warehouse="RNO"]')).toContainText(changedCutoff);
    await otherContext.close();

    // Put the cut-off back for the other journeys.
    await row.getByRole('button', { name: 'Edit RNO' }).click();
    await dialog.getByLabel('Order cut-off').fill(original);
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('RNO saved')).toBeVisible();

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await settled(page);
    await snap(page, 'admin-wh-03-settings-768');
  });

  test('adds and removes a holiday, saving the whole list', async ({ page }) => {
    await login(page, 'admin@tradecounter.test');
    await page.getByRole('link', { name: 'Holidays' }).click();
    await settled(page);
    await snap(page, 'admin-hol-01-calendar');

    // A weekday far ahead, so no promise of the other journeys moves.
    const year = new Date().getFullYear() + 3;
    const date = new Date(year, 6, 14);
    while (date.getDay() === 0 || date.getDay() === 6) date.setDate(date.getDate() + 1);
    const typed = `${date.getMonth() + 1}/${date.getDate()}/${year}`;
    await page.getByLabel('Holiday to add').fill(typed);
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await expect(page.getByRole('combobox', { name: 'Year' })).toContainText(String(year));
    const list = page.getByRole('list', { name: `Holidays in ${year}` });
    await expect(list).toContainText('Not saved yet');
    await expect(page.getByText('Unsaved: 1 added, 0 removed')).toBeVisible();
    await snap(page, 'admin-hol-02-added');
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await expect(page.getByText('Holiday calendar saved (1 added, 0 removed)')).toBeVisible();
    await settled(page);
    await expect(list.getByRole('listitem')).toHaveCount(1);

    // A weekend is refused before it reaches the list.
    const saturday = new Date(year, 6, 14);
    while (saturday.getDay() !== 6) saturday.setDate(saturday.getDate() + 1);
    await page.getByLabel('Holiday to add').fill(`${saturday.getMonth() + 1}/${saturday.getDate()}/${year}`);
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await expect(page.getByText('Weekends are never business days')).toBeVisible();

    await list.getByRole('button', { name: /^Remove / }).click();
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await expect(page.getByText('Holiday calendar saved (0 added, 1 removed)')).toBeVisible();
    await expect(page.getByText(`No holidays in ${year}`)).toBeVisible();

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await settled(page);
    await snap(page, 'admin-hol-03-calendar-768');
  });
});
