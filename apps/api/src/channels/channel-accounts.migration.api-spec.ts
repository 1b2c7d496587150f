import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { MIGRATIONS } from '../database/migrations';
import { ChannelAccounts1765152000000 } from '../database/migrations/1765152000000-channel-accounts';

const BINDING_MIGRATION = 1765152000000;
const timestampOf = (migration: { name: string }) => Number(/(\d{13})$/.exec(migration.name)?.[1]);

/**
 * The upgrade keeps live integrations working: channels that existed before
 * keys were bound keep every account and inline addresses (as they could
 * before), while channels made afterwards start bound to nothing.
 */
describe('migration 1765152000000: channels bound to accounts', () => {
  const server = process.env['TEST_DATABASE_URL'] ?? '';
  const name = `tc_mig_channels_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  let dataSource: DataSource;
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    dataSource = new DataSource(
      dataSourceOptions(url.toString(), {
        migrations: MIGRATIONS.filter((migration) => timestampOf(migration) < BINDING_MIGRATION),
        extra: { max: 2 },
      }),
    );
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('opens existing channels to all accounts and addresses, and new ones to nothing', async () => {
    await dataSource.query(
      `INSERT INTO channels (name, key_prefix, key_hash) VALUES ('old-erp', 'OLDPREFIX1', repeat('a', 64))`,
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new ChannelAccounts1765152000000().up(runner);
    } finally {
      await runner.release();
    }
    await dataSource.query(
      `INSERT INTO channels (name, key_prefix, key_hash) VALUES ('new-erp', 'NEWPREFIX1', repeat('b', 64))`,
    );
    const rows = (await dataSource.query(
      `SELECT name, all_accounts AS "allAccounts", allow_addresses AS "allowAddresses" FROM channels ORDER BY name`,
    )) as { name: string; allAccounts: boolean; allowAddresses: boolean }[];
    expect(rows).toEqual([
      { name: 'new-erp', allAccounts: false, allowAddresses: false },
      { name: 'old-erp', allAccounts: true, allowAddresses: true },
    ]);
  });
});
