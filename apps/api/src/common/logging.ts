import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
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
 * One line per request, each carrying a request id (X-Request-Id in and
 * out): JSON lines for a collector, readable ones at a terminal (LOG_FORMAT).
 */
export function loggerOptions(config: AppConfig): Params {
  const transport = prettyTransport(config);
  return {
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      ...(transport ? { transport } : {}),
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      customLogLevel: (_request, response, error) =>
        (error || response.statusCode >= 500) && !isUnavailable(response)
          ? 'error'
          : response.statusCode >= 400
            ? 'info'
            : 'debug',
      // pino-http makes an Error (with its stack) for every 5xx; a 503 is no bug to trace.
      customErrorObject: (_request, response, _error, fields: Record<string, unknown>) =>
        isUnavailable(response) ? { ...fields, err: undefined } : fields,
      customErrorMessage: (_request, response) =>
        isUnavailable(response) ? 'request answered 503 (unavailable)' : 'request errored',
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
