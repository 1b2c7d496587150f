import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { bodyParsers } from './common/http/body-parsers';
import { answerClientErrorsAsProblems } from './common/http/client-errors';
import { compressJson } from './common/http/json-compression';
import { requestLog, rootLogger } from './common/logging';
import { ProblemFilter } from './common/http/problem.filter';
import { queryGuard } from './common/http/query-guard';
import { applyServerTimeouts } from './common/http/server-timeouts';
import { servePortal } from './common/http/static-portal';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';
import { DatabaseOutage } from './database/database-outage';
import { setUpOpenApi } from './openapi';

/** Builds the whole HTTP application; main.ts and the API tests both use it. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const logger = rootLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl, logger),
    { bodyParser: false, bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  // First, so every answer carries its X-Request-Id and is logged, those of helmet and the body parsers too.
  app.use(requestLog(logger));
  // On the server itself, so main.ts, the API tests and serve-api all listen with the same timeouts.
  applyServerTimeouts(app.getHttpServer(), config.http);
  // Whose X-Forwarded-For counts for request.ip (TRUST_PROXY); sign-in throttling keys on it.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Flat query strings (Express 5's default, stated so it stays): `a[b]=1` never nests.
  app.set('query parser', 'simple');
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy() } }));
  app.use(...bodyParsers(config.bodyLimit));
  app.use(queryGuard());
  app.use('/api', compressJson());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter(app.get(DatabaseOutage)));
  setUpOpenApi(app);
  const portal = servePortal(config.portalDir);
  if (portal) app.use(...portal);
  await app.init();
  answerClientErrorsAsProblems(app.getHttpServer());
  return app;
}

function contentSecurityPolicy(): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    // blob: the product form previews a chosen image before uploading it.
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
  };
}
