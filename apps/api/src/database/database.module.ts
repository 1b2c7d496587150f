import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AfterCommitSubscriber } from './after-commit';
import { dataSourceOptions } from './data-source-options';
import { DatabaseOutage } from './database-outage';

/**
 * PostgreSQL through TypeORM; migrations run at boot, never synchronize.
 * Work queued with afterCommit() runs once its transaction has committed.
 * DatabaseOutage (global) tells everyone whether the database is away.
 */
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: true })],
      providers: [AfterCommitSubscriber, DatabaseOutage],
      exports: [DatabaseOutage],
    };
  }
}
