import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { AfterCommitSubscriber } from './after-commit';
import { dataSourceOptions } from './data-source-options';
import { DatabaseOutage } from './database-outage';
import { MigrationProgress } from './migration-progress';

/**
 * PostgreSQL through TypeORM; migrations run at boot (with progress in the
 * log), never synchronize.
 * Work queued with afterCommit() runs once its transaction has committed.
 * DatabaseOutage (global) tells everyone whether the database is away.
 */
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [PinoLogger],
          useFactory: (logger: PinoLogger) => {
            logger.setContext('Migrations');
            return {
              ...dataSourceOptions(databaseUrl),
              migrationsRun: true,
              logger: new MigrationProgress(logger),
            };
          },
        }),
      ],
      providers: [AfterCommitSubscriber, DatabaseOutage],
      exports: [DatabaseOutage],
    };
  }
}
