import { defineConfig, devices } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Browser journeys against a running Tradecounter (API + built portal on one
 * origin, demo data loaded). Who starts it is up to the caller; set
 * E2E_START_SERVER=1 to have Playwright run `npm start` itself.
 */
const here = __dirname;
const baseURL = process.env['E2E_BASE_URL'] ?? 'http://localhost:3000';
/** Debian's Chromium in a container, quiet: also how tools/bench/wire.mjs launches it. */
const chromiumArgs = JSON.parse(readFileSync(join(here, 'chromium-args.json'), 'utf8')) as string[];

export default defineConfig({
  testDir: join(here, 'src'),
  outputDir: join(here, 'artifacts/test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // npm test also asks for a JSON report, to name failed journeys in its summary.
  reporter: process.env['E2E_JSON_REPORT']
    ? [['list'], ['json', { outputFile: process.env['E2E_JSON_REPORT'] }]]
    : [['list']],
  use: {
    baseURL,
    // A screenshot of every journey's last screen is for reading locally; CI keeps none, so it takes only failures'.
    screenshot: process.env['CI'] ? 'only-on-failure' : 'on',
    // Recording a trace slows every journey; CI keeps no artifacts to open one, so only local runs record.
    trace: process.env['CI'] ? 'off' : 'retain-on-failure',
    viewport: { width: 1366, height: 900 },
    actionTimeout: 10_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 900 },
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: process.env['E2E_START_SERVER']
    ? {
        command: 'npm start',
        url: `${baseURL}/api/health`,
        reuseExistingServer: true,
        timeout: 300_000,
        cwd: join(here, '../..'),
        // The webhook journey's receiver listens on 127.0.0.1 (notifications.spec.ts).
        env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
      }
    : undefined,
});
