import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test as base,
} from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  accessibilityIdle,
  allViolations,
  failingViolations,
  type PageReport,
  watchAccessibility,
} from './accessibility';

export { expect };

export const DEMO_PASSWORD = 'demo1234';
const SCREENSHOTS = join(__dirname, '../artifacts/screenshots');
const ACCESSIBILITY = join(__dirname, '../artifacts/accessibility');

/**
 * Every journey's `test`: axe-core checks each page the test visits, in its
 * own context and in any context or page it opens from `browser`, and the test
 * fails on serious or critical violations (see accessibility.ts).
 */
export const test = base.extend<{ accessibility: void }>({
  accessibility: [
    async ({ context, browser }, use, testInfo) => {
      const reports: PageReport[] = [];
      const contexts: BrowserContext[] = [context];
      await watchAccessibility(context, reports);
      const patched = browser as Browser & { newContext: Browser['newContext'] };
      const newContext = browser.newContext.bind(browser);
      // browser.newPage() opens its page through newContext(), so this covers both.
      patched.newContext = async (options) => {
        const created = await newContext(options);
        await watchAccessibility(created, reports);
        contexts.push(created);
        return created;
      };
      try {
        await use();
      } finally {
        delete (patched as Partial<Browser>).newContext;
      }
      for (const each of contexts) await accessibilityIdle(each.pages());
      mkdirSync(ACCESSIBILITY, { recursive: true });
      const name = testInfo.titlePath
        .slice(1)
        .join(' - ')
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 150);
      writeFileSync(join(ACCESSIBILITY, `${name}.txt`), allViolations(reports) || 'no violations\n');
      const failing = failingViolations(reports);
      if (failing) throw new Error(`Accessibility (axe-core): serious or critical violations\n${failing}`);
    },
    { auto: true },
  ],
});

/** Signs in through the login form, as a person would. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in loads the shell and the landing page's code: on a busy machine that outlasts 10 s.
  await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 30_000 });
}

/** A full-page screenshot kept under artifacts/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until no progress bar is shown (lists and details finished loading). */
export async function settled(page: Page, timeout?: number): Promise<void> {
  await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout });
}

/**
 * Waits for a Material dialog to finish opening: it moves the focus into
 * itself (its first field) when the opening animation ends, so text typed
 * into a later field before then can land in the field that takes the focus.
 */
export async function dialogOpened(dialog: Locator): Promise<void> {
  await expect(dialog.locator(':focus')).toHaveCount(1);
}
