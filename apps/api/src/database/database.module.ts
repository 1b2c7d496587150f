import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AfterCommitSubscriber } from './after-commit';
import { dataSourceOptions } from './data-source-options';

/**
 * PostgreSQL through TypeORM; migrations run at boot, never synchronize.
 * Work queued with afterCommit() runs once its transaction has committed.
 */
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: true })],
      providers: [AfterCommitSubscriber],
    };
  }
}
