import { Client, ClientConfig } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { preparedName, preparedStatementsEnabled } from './prepared-statements';

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

/**
 * …that also runs the statements marked `prepared` by name: `query(sql,
 * values)` becomes `query({ name, text: sql, values })`, which pg parses
 * once per connection (it tracks the names each connection has prepared).
 * Everything else, errors included, is pg's as before.
 */
class PreparingClient extends BoundedConnectClient {
  constructor(config?: string | ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (text: unknown, values?: unknown, callback?: unknown) => unknown;
    this.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof text === 'string' && Array.isArray(values) ? preparedName(text) : undefined;
      return name ? query({ name, text, values }, callback) : query(text, values, callback);
    }) as Client['query'];
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
      Client: preparedStatementsEnabled() ? PreparingClient : BoundedConnectClient,
    },
    ...overrides,
  } as DataSourceOptions;
}
