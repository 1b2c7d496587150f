import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A 503: the database (or a dependency) away, an outage DatabaseOutage logs once. */
function isUnavailable(response: ServerResponse): boolean {
  return response.statusCode === 503;
}

/**
 * Readable lines for a person at a terminal (LOG_FORMAT=pretty, the default
 * there) through pino-pretty, in pino's worker thread; without the package,
 * JSON lines as before, and a note on stderr saying so.
 */
function prettyTransport(
  config: AppConfig,
): { target: string; options: Record<string, unknown> } | undefined {
  if (config.logFormat !== 'pretty') return undefined;
  try {
    createRequire(join(process.cwd(), 'package.json')).resolve('pino-pretty');
  } catch {
    process.stderr.write('LOG_FORMAT=pretty needs the pino-pretty package; logging JSON lines instead\n');
    return undefined;
  }
  return {
    target: 'pino-pretty',
    options: {
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
      singleLine: true,
    },
  };
}

/**
 * The process's one logger: JSON lines for a collector, readable ones at a
 * terminal (LOG_FORMAT). The authorization header, cookies and API keys are
 * redacted wherever a line would carry them.
 */
export function rootLogger(config: AppConfig): pino.Logger {
  const transport = prettyTransport(config);
  return pino({
    level: config.logLevel,
    ...(transport ? { transport } : {}),
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      'req.headers["x-api-key"]',
      'headers.authorization',
    ],
  });
}

/**
 * nestjs-pino over the root logger: Nest's own log lines, and those written
 * while a request is served carry the request (the logger `requestLog` gives it).
 */
export function loggerOptions(root: pino.Logger): Params {
  return {
    pinoHttp: { logger: root },
    useExisting: true,
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  };
}

/** The level of a request's line: a 500 is a bug to report, a 4xx or a 503 worth a look, the rest detail. */
export function requestLogLevel(statusCode: number): 'error' | 'info' | 'debug' {
  if (statusCode >= 500 && statusCode !== 503) return 'error';
  return statusCode >= 400 ? 'info' : 'debug';
}

/** pino-http's typings (which nestjs-pino brings) give every request its `id` and `log`. */
type LoggedRequest = IncomingMessage & { originalUrl?: string };

/**
 * One line per request when it is answered, with its id (X-Request-Id in,
 * if it is a plain token, and always out), method, URL, status and time.
 * Built for the hot path: one small child logger per request and one
 * listener; the line's fields are only put together when its level is on.
 * (pino-http, which this replaces, serialised each request twice and cost
 * `GET /api/me` a tenth of its CPU.) The unhandled error behind a 500 is
 * logged, with its stack, by the problem filter.
 */
export function requestLog(root: pino.Logger) {
  return (request: LoggedRequest, response: ServerResponse, next: () => void): void => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    response.setHeader('X-Request-Id', id);
    const started = performance.now();
    const url = request.originalUrl ?? request.url ?? '';
    const log = root.child({ req: { id, method: request.method, url } });
    request.id = id;
    request.log = log;
    response.once('close', () => {
      const level = requestLogLevel(response.statusCode);
      if (!root.isLevelEnabled(level)) return;
      const fields = {
        res: { statusCode: response.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      log[level](fields, requestLine(response));
    });
    next();
  };
}

function requestLine(response: ServerResponse): string {
  if (!response.writableFinished) return 'request aborted before its answer was sent';
  if (isUnavailable(response)) return 'request answered 503 (unavailable)';
  return response.statusCode >= 500 ? 'request errored' : 'request completed';
}
