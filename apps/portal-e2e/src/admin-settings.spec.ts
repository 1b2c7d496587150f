import type { CreatedWebhookSubscription, NamedHoliday, Warehouse } from '@tradecounter/contracts';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiUser } from './api-support';
import { dialogOpened, expect, login, settled, snap, test } from './support';

const ADMIN = 'admin@tradecounter.test';

async function eventually(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  await expect.poll(check, { message: what, timeout: 15_000, intervals: [100, 250, 500] }).toBe(true);
}

test.describe('admin settings', () => {
  test("edits a warehouse's time zone with the searchable picker, which shows UTC offsets", async ({
    page,
    request,
  }) => {
    const admin = await ApiUser.login(request, ADMIN);
    const before = await admin.get<Warehouse>('/api/warehouses/CHI');
    try {
      await login(page, ADMIN);
      await page.getByRole('link', { name: 'Warehouses' }).click();
      await settled(page);
      const row = page.locator('[data-warehouse="CHI"]');
      await expect(row).toContainText('America/Chicago');
      await expect(row).toContainText(/UTC−0[56]:00/);
      await snap(page, 'admin-settings-01-warehouses');

      await row.getByRole('button', { name: 'Edit CHI' }).click();
      const dialog = page.getByRole('dialog');
      await dialogOpened(dialog);
      await expect(dialog.getByRole('heading')).toHaveText(/Edit CHI/);
      const zone = dialog.getByLabel('Time zone');
      await zone.fill('new york');
      const option = page.getByRole('option', { name: /America\/New_York\s*UTC−0[45]:00/ });
      await expect(option).toBeVisible();
      await snap(page, 'admin-settings-02-zone-picker');
      await option.click();
      await expect(zone).toHaveValue('America/New_York');
      await expect(dialog).toContainText(/UTC−0[45]:00 · local time there now/);
      await dialog.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('CHI saved')).toBeVisible();
      await settled(page);
      await expect(row).toContainText('America/New_York');
      const after = await admin.get<Warehouse>('/api/warehouses/CHI');
      expect(after).toMatchObject({ timeZone: 'America/New_York', version: before.version + 1 });
      await snap(page, 'admin-settings-03-zone-saved');

      // At phone width the list scrolls inside its card, the dialog fits.
      await page.setViewportSize({ width: 390, height: 844 });
      await row.getByRole('button', { name: 'Edit CHI' }).click();
      await expect(dialog.getByLabel('Time zone')).toBeVisible();
      await snap(page, 'admin-settings-04-dialog-390');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      const now = await admin.get<Warehouse>('/api/warehouses/CHI');
      await admin.send('PATCH', '/api/warehouses/CHI', { timeZone: before.timeZone }, [200], {
        'If-Match': `"${now.version}"`,
      });
    }
  });

  test("warns that next year has no holidays, and loads that year's public holidays with their names", async ({
    page,
    request,
  }) => {
    test.slow();
    const admin = await ApiUser.login(request, ADMIN);
    const original = await admin.get<NamedHoliday[]>('/api/calendar/holidays/named');
    const next = new Date().getFullYear() + 1;
    // Next year's holidays forgotten: its Christmas would be promised.
    await admin.send(
      'PUT',
      '/api/calendar/holidays',
      original.filter((holiday) => !holiday.date.startsWith(`${next}-`)),
    );
    try {
      await login(page, ADMIN);
      await page.getByRole('link', { name: 'Warehouses' }).click();
      await settled(page);
      const warning = page.locator(`[data-missing-year="${next}"]`);
      await expect(warning).toContainText(`No holidays for ${next}. Christmas ${next} can be promised`);
      await snap(page, 'admin-settings-05-no-holidays-warning');
      await warning.getByRole('link', { name: `Load ${next}'s holidays` }).click();

      await expect(page).toHaveURL(new RegExp(`/calendar\\?load=${next}`));
      const dialog = page.getByRole('dialog');
      await dialogOpened(dialog);
      await expect(dialog.getByRole('heading')).toHaveText(`Public holidays for ${next}`);
      await expect(dialog).toContainText('United States of America (US)');
      const choices = dialog.getByRole('list', { name: `Public holidays for ${next}` });
      await expect(choices).toContainText('Thanksgiving Day');
      await expect(choices.getByRole('checkbox', { name: /Columbus Day/ })).toBeChecked();
      await snap(page, 'admin-settings-06-public-holidays-preview');
      // Columbus Day is not a closing day here.
      await choices.getByRole('checkbox', { name: /Columbus Day/ }).uncheck();
      const count = await choices.getByRole('checkbox', { checked: true }).count();
      expect(count).toBeGreaterThan(8);
      await dialog.getByRole('button', { name: `Add ${count} holidays` }).click();

      const list = page.getByRole('list', { name: `Holidays in ${next}` });
      await expect(list.getByRole('listitem')).toHaveCount(count);
      await expect(list).toContainText('Thanksgiving Day');
      await expect(list).not.toContainText('Columbus Day');
      await expect(page.getByText(`Unsaved: ${count} added, 0 removed`)).toBeVisible();
      await snap(page, 'admin-settings-07-loaded-unsaved');
      await page.getByRole('button', { name: 'Save calendar' }).click();
      await expect(page.getByText(`Holiday calendar saved (${count} added, 0 removed)`)).toBeVisible();
      await settled(page);
      await expect(page.locator(`[data-missing-year="${next}"]`)).toHaveCount(0);
      const saved = await admin.get<NamedHoliday[]>('/api/calendar/holidays/named');
      expect(saved.filter((holiday) => holiday.date.startsWith(`${next}-`))).toHaveLength(count);
      expect(
        saved.some(
          (holiday) => holiday.date.startsWith(`${next}-11-`) && holiday.name === 'Thanksgiving Day',
        ),
      ).toBe(true);
      await snap(page, 'admin-settings-08-holidays-saved');

      await page.getByRole('link', { name: 'Warehouses' }).click();
      await settled(page);
      await expect(page.locator('[data-missing-year]')).toHaveCount(0);
    } finally {
      await admin.send('PUT', '/api/calendar/holidays', original);
    }
  });

  test('sends a test event to a webhook and shows how it went; the receiver gets it signed', async ({
    page,
    request,
  }) => {
    const hits: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/e2e-test-event`;
    const admin = await ApiUser.login(request, ADMIN);
    const created = await admin.send<CreatedWebhookSubscription>('POST', '/api/webhooks', {
      url,
      events: ['shipment.delivered'],
    });
    try {
      await login(page, ADMIN);
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await settled(page);
      const row = page.getByRole('row').filter({ hasText: url });
      await row.getByRole('button', { name: `Send test event to ${url}` }).click();
      const result = row.getByRole('status');
      await expect(result).toHaveText('Test event delivered: the endpoint answered 204');
      await snap(page, 'admin-settings-09-test-event-delivered');

      await eventually('the test event', () => hits.length > 0);
      const [hit] = hits;
      expect(hit?.headers['x-event-type']).toBe('webhook.test');
      expect(hit?.headers['x-signature']).toBe(
        `sha256=${createHmac('sha256', created.secret)
          .update(hit?.body ?? '')
          .digest('hex')}`,
      );
      expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({
        type: 'webhook.test',
        data: { subscriptionId: created.id },
      });

      await row.getByRole('link', { name: 'Log' }).click();
      const delivery = page.getByRole('row').filter({ hasText: 'webhook.test' });
      await expect(delivery.getByTestId('delivery-status')).toHaveText('Delivered');
      await settled(page);
      await snap(page, 'admin-settings-10-test-event-in-log');
    } finally {
      await admin.send('PATCH', `/api/webhooks/${created.id}`, { active: false });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
