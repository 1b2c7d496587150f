import { Client, ClientConfig } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * How long opening a connection may take. A stopped server refuses at once;
 * one behind a dead network link would otherwise leave requests (and the
 * health check a load balancer polls) hanging for the TCP timeout, minutes.
 */
export const CONNECT_TIMEOUT_MS = 3_000;

/**
 * The pool's connections, each with a bounded connect. Set on the client,
 * not the pool: the pool's own connectionTimeoutMillis would also bound the
 * wait for a free connection, which a busy but healthy database may need.
 */
class BoundedConnectClient extends Client {
  constructor(config?: string | ClientConfig) {
    const options = typeof config === 'string' ? { connectionString: config } : config;
    super({ ...options, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

export function dataSourceOptions(
  url: string,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: {
      max: Number(process.env['DB_POOL_SIZE'] ?? 20),
      application_name: 'tradecounter-api',
      Client: BoundedConnectClient,
    },
    ...overrides,
  } as DataSourceOptions;
}
