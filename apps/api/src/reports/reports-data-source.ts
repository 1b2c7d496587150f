import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from '../database/data-source-options';

/**
 * Where report reads go: a read replica when REPORTS_DATABASE_URL is set,
 * else the primary's own DataSource. Only the report read paths inject it;
 * anything that writes (the rollups' time-zone rebuild) keeps the primary.
 */
export const REPORTS_DATA_SOURCE = Symbol('REPORTS_DATA_SOURCE');

/**
 * The replica's pool: every transaction read-only (so a report that wrote
 * would fail even where the URL names a server that accepts writes), no
 * migrations, no entities (reports read with SQL) and so no extensions to
 * install. A replica that cannot be reached at start-up stops the start,
 * as the primary does: the setting names it, so it is meant to be there.
 */
export function replicaDataSource(url: string): DataSource {
  const options = dataSourceOptions(url, { entities: [], migrations: [] }) as PostgresConnectionOptions;
  return new DataSource({
    ...options,
    installExtensions: false,
    extra: {
      ...(options.extra as Record<string, unknown>),
      application_name: 'tradecounter-api-reports',
      options: '-c default_transaction_read_only=on',
    },
  });
}

export const reportsDataSourceProvider: Provider = {
  provide: REPORTS_DATA_SOURCE,
  inject: [APP_CONFIG, DataSource],
  useFactory: async (config: AppConfig, primary: DataSource): Promise<DataSource> =>
    config.reportsDatabaseUrl ? replicaDataSource(config.reportsDatabaseUrl).initialize() : primary,
};

/** Closes the replica's pool with the application; the primary's is TypeORM's module's to close. */
@Injectable()
export class ReportsDataSourceLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(REPORTS_DATA_SOURCE) private readonly reports: DataSource,
    private readonly primary: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.reports !== this.primary && this.reports.isInitialized) await this.reports.destroy();
  }
}
