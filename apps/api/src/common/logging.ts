import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A 503: the database (or a dependency) away, an outage DatabaseOutage logs once. */
function isUnavailable(response: ServerResponse): boolean {
  return response.statusCode === 503;
}

/** JSON logs, one line per request, each carrying a request id (X-Request-Id in and out). */
export function loggerOptions(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
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
