import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { AppConfig, loadConfig } from '../config/app-config';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * One data key for every app of a run, as the processes of one deployment
 * share theirs; and webhooks allowed to the suites' receivers on 127.0.0.1
 * (webhook-targets.api-spec.ts turns that off to test the refusals).
 */
export const TEST_WEBHOOK_ENV = {
  DATA_KEY: '7465737420646174612d6b6579206f6620746865206170692073756974657321',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
};

/** The real application over HTTP against the run's PostgreSQL database. */
export async function startTestApp(
  env: Record<string, string> = {},
  url = process.env['TEST_DATABASE_URL'],
): Promise<TestApp> {
  if (!url) throw new Error('TEST_DATABASE_URL is unset: run the API tests through jest (global setup)');
  const dataDir = mkdtempSync(join(tmpdir(), 'tc-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-to-be-valid-0123456789',
    LOG_LEVEL: 'silent',
    PORTAL_DIR: join(tmpdir(), 'tc-no-portal'),
    DB_POOL_SIZE: '5',
    ...TEST_WEBHOOK_ENV,
    ...env,
  });
  const app = await createApp(config, url);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
