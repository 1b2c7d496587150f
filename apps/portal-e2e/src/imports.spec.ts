import type { Page } from '@playwright/test';
import { ApiUser } from './api-support';
import { dialogOpened, expect, login, settled, snap, test } from './support';

const ADMIN = 'admin@tradecounter.test';
const HEADER = 'sku,name,category,unit,listPrice';

/** Three new products; with `badPrice` the second has a negative list price. */
function productsCsv(run: string, badPrice: boolean): Buffer {
  const rows = [
    HEADER,
    `IMP-${run}-A,Imported gloves ${run},Gloves & PPE,box,12.50`,
    `IMP-${run}-B,Imported tape ${run},Packaging,roll,${badPrice ? '-3.00' : '3.00'}`,
    `IMP-${run}-C,Imported bolts ${run},Fasteners,box,8.75`,
  ];
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
  // The dry run opens as its own page: /imports/<id>, its rows once checked.
  await expect(page).toHaveURL(/\/imports\/[^/?]+/);
  await expect(page.getByTestId('import-status')).toHaveText(/Checked|Failed/, { timeout: 30_000 });
  await settled(page);
}

/** The page at 1280 px, then at a 768 px tablet (the navigation folds away), and back. */
async function snapBoth(page: Page, name: string): Promise<void> {
  await snap(page, `${name}-1280`);
  await page.setViewportSize({ width: 768, height: 1000 });
  await expect(page.locator('mat-sidenav')).toBeHidden();
  await settled(page);
  await snap(page, `${name}-768`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an admin imports new products: the dry run names the bad row, the fixed file commits, the catalog has them', async ({
  page,
}) => {
  test.slow();
  // SKUs of this run only: the demo database is shared by every journey.
  const run = Date.now().toString(36).toUpperCase();
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, ADMIN);

  // Import / Export from the admin navigation; Products shows its key and columns.
  await page.getByRole('link', { name: 'Import / Export' }).click();
  await expect(page.getByRole('heading', { name: 'Import / Export', level: 1 })).toBeVisible();
  await settled(page);
  await page.getByRole('option', { name: /^Products/ }).click();
  await expect(page.getByRole('heading', { name: 'Products', level: 2, exact: true })).toBeVisible();
  const columns = page.getByRole('table', { name: 'Products columns' });
  await expect(columns.getByRole('cell', { name: 'listPrice', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Template CSV' })).toBeVisible();
  await snapBoth(page, 'imports-01-products');

  // The file with a negative price for the second product.
  await upload(page, `new-products-${run}.csv`, productsCsv(run, true));
  await expect(page.getByTestId('import-status')).toHaveText('Checked');
  // The dry run opens on its error row, naming the field.
  const rows = page.getByRole('table', { name: 'Rows of the file' }).locator('tbody tr');
  await expect(page.getByRole('option', { name: 'Error 1' })).toHaveAttribute('aria-selected', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-action', 'error');
  await expect(rows.first()).toHaveAttribute('data-row', '3');
  await expect(rows.first()).toContainText(`IMP-${run}-B`);
  await expect(rows.first()).toContainText('listPrice');
  await expect(page.getByRole('option', { name: 'Create 2' })).toBeVisible();
  // Nothing can be committed while a row has an error; the error rows can be downloaded to fix.
  await expect(page.getByRole('button', { name: 'Commit' })).toBeDisabled();
  await expect(page.getByTestId('commit-blocker')).toContainText('1 row has an error');
  await expect(page.getByRole('button', { name: 'Download error rows' })).toBeVisible();
  // Every row, in file order, by the All chip.
  await page.getByRole('option', { name: 'All 3' }).click();
  await expect(page).toHaveURL(/action=all/);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toHaveAttribute('data-action', 'error');
  await expect(rows.first()).toHaveAttribute('data-action', 'create');
  await page.getByRole('option', { name: 'Error 1' }).click();
  await expect(rows).toHaveCount(1);
  await snapBoth(page, 'imports-02-dry-run-errors');

  // The fixed file, uploaded again from the dry run: three creates, and Commit is offered.
  await upload(page, `new-products-${run}.csv`, productsCsv(run, false));
  await expect(page.getByTestId('import-status')).toHaveText('Checked');
  await expect(page).not.toHaveURL(/action=/);
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toHaveAttribute('data-action', 'create');
  await expect(page.getByRole('option', { name: 'Error 0' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download error rows' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Commit' }).click();
  const confirm = page.getByRole('dialog', { name: `Commit new-products-${run}.csv?` });
  await dialogOpened(confirm);
  await expect(confirm).toContainText('3 will be created.');
  await confirm.getByRole('button', { name: 'Commit' }).click();
  await expect(confirm).toHaveCount(0);

  // Committed: the success state links to the change set and the catalog.
  const done = page.getByTestId('import-committed');
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done).toContainText('3 created');
  await expect(page.getByTestId('import-status')).toHaveText('Committed');
  await settled(page);
  await snapBoth(page, 'imports-03-committed');

  // The change set on the audit trail: the import's entries together, before → after.
  await done.getByRole('link', { name: 'View the change set' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await expect(page.getByTestId('change-set-chip')).toContainText(`Import new-products-${run}.csv`);
  await settled(page);
  const entries = page.getByRole('list', { name: 'Changes, newest first' }).locator(':scope > li');
  for (const letter of ['A', 'B', 'C']) {
    await expect(entries.filter({ hasText: `IMP-${run}-${letter}` })).toContainText('created');
  }
  await snap(page, 'imports-04-change-set-1280');
  await page.getByRole('button', { name: /^Show all changes, not only/ }).click();
  await expect(page.getByTestId('change-set-chip')).toHaveCount(0);
  await expect(page).not.toHaveURL(/changeSetId/);

  // The catalog finds one of them by its SKU.
  await page.goto('/catalog');
  await page.getByLabel('Search SKU or name').fill(`IMP-${run}-C`);
  await expect(page.getByRole('link', { name: `Imported bolts ${run}` })).toBeVisible();

  // The history lists the committed import.
  await page.goto('/imports?tab=history');
  await settled(page);
  const past = page.locator(`tr[data-import="new-products-${run}.csv"]`);
  await expect(past.first()).toBeVisible();
  await expect(past.getByTestId('import-status')).toContainText(['Committed', 'Checked']);
  await snap(page, 'imports-05-history-1280');
});

test('a commit after the data changed since the dry run shows the new check, and commits it', async ({
  page,
  request,
}) => {
  test.slow();
  const run = `${Date.now().toString(36).toUpperCase()}X`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, ADMIN);
  await page.goto('/imports?kind=products');
  await expect(page.getByRole('heading', { name: 'Products', level: 2, exact: true })).toBeVisible();
  await upload(page, `changing-${run}.csv`, productsCsv(run, false));
  await expect(page.getByRole('option', { name: 'Create 3' })).toBeVisible();

  // Someone adds one of the file's products by hand before the commit.
  const admin = await ApiUser.login(request, ADMIN);
  await admin.send(
    'POST',
    '/api/products',
    { sku: `IMP-${run}-A`, name: 'Added by hand', category: 'Gloves & PPE', unit: 'box', listPrice: '11.00' },
    [201],
  );

  await page.getByRole('button', { name: 'Commit' }).click();
  const confirm = page.getByRole('dialog', { name: `Commit changing-${run}.csv?` });
  await dialogOpened(confirm);
  await confirm.getByRole('button', { name: 'Commit' }).click();
  await expect(confirm).toHaveCount(0);
  // Nothing written; the rows checked again: that product is now an update.
  await expect(page.getByTestId('changed-since-dry-run')).toContainText(
    'Something changed since the dry run: check the rows again',
  );
  await expect(page.getByTestId('import-status')).toHaveText('Checked');
  await expect(page.getByRole('option', { name: 'Update 1' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Create 2' })).toBeVisible();
  const updated = page.locator(`tr[data-action="update"]`);
  await expect(updated).toContainText(`IMP-${run}-A`);
  await expect(updated).toContainText('11.00');
  await snap(page, 'imports-06-changed-since-1280');

  // The new check commits.
  await page.getByRole('button', { name: 'Commit' }).click();
  const again = page.getByRole('dialog', { name: `Commit changing-${run}.csv?` });
  await dialogOpened(again);
  await expect(again).toContainText('2 will be created and 1 updated');
  await again.getByRole('button', { name: 'Commit' }).click();
  await expect(page.getByTestId('import-committed')).toContainText('2 created, 1 updated', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('changed-since-dry-run')).toHaveCount(0);
});
