import 'reflect-metadata';
import './workspace-paths';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

/**
 * One fresh database for the whole run: a new database on DATABASE_URL's
 * server when it is set, else an embedded PostgreSQL in a temp directory.
 * Migrations run once here; each test file then makes its own data.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  let url: string;
  if (serverUrl) {
    const name = `tc_test_${process.pid}_${Date.now().toString(36)}`;
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    url = withDatabase(serverUrl, name);
    process.env['TEST_DATABASE_DROP'] = name;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'tc-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir });
    (globalThis as { __embedded?: { stop(): Promise<void>; dataDir: string } }).__embedded = {
      stop: () => embedded.stop(),
      dataDir,
    };
    url = embedded.url;
  }
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  process.env['TEST_DATABASE_URL'] = url;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
