import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { DemoSeed } from './database/seed/demo-seed';

interface Database {
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise a real PostgreSQL embedded under the data directory. */
async function openDatabase(config: AppConfig, logger: Logger): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  logger.log(`No DATABASE_URL: starting embedded PostgreSQL in ${join(config.dataDir, 'postgres')}`);
  return startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
}

async function main(): Promise<void> {
  const logger = new Logger('Boot');
  const config = loadConfig();
  const database = await openDatabase(config, logger);
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app?.close().catch((error: unknown) => logger.error(error));
    await database.stop().catch((error: unknown) => logger.error(error));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    app = await createApp(config, database.url);
    if (config.seedDemo) await app.get(DemoSeed).runIfEmpty();
    await app.listen(config.port);
    logger.log(`Tradecounter is up: http://localhost:${config.port} (API docs at /api/docs)`);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Tradecounter could not start:', error);
  }
  process.exit(1);
});
