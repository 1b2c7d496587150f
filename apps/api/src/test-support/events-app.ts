import { startTestApp, TestApp } from './test-app';

/**
 * An app that runs the outbox dispatcher and the webhook sender, with
 * retries fast enough for a test: 100 ms, 300 ms, 900 ms …
 */
export function startEventsWorker(env: Record<string, string> = {}, databaseUrl?: string): Promise<TestApp> {
  return startTestApp(
    {
      EVENTS_WORKER: 'true',
      EVENTS_POLL_MS: '250',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_TIMEOUT_MS: '2000',
      LOG_LEVEL: process.env['EVENTS_LOG_LEVEL'] ?? 'silent',
      ...env,
    },
    databaseUrl,
  );
}
