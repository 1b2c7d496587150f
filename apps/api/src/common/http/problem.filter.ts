import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { Problem } from '@tradecounter/contracts';
import { DatabaseOutage, RETRY_AFTER_SECONDS } from '../../database/database-outage';
import { problem, ProblemException } from './problem';

/**
 * Turns every error into application/problem+json. Unknown errors are logged
 * with the request id and answered as a bare 500: no stack reaches a client.
 * A database that cannot be reached is not a bug in the request: a 503 with
 * Retry-After, and the outage logged once (DatabaseOutage), not per request.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly outage: DatabaseOutage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const { body, headers } = this.toProblem(exception, request);
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response
      .status(body.status)
      .type('application/problem+json')
      .json({ ...body, instance: request.originalUrl });
  }

  private toProblem(
    exception: unknown,
    request: Request,
  ): { body: Problem; headers: Record<string, string> } {
    if (exception instanceof ProblemException) {
      return { body: exception.getResponse() as Problem, headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      return { body: fromHttpException(exception), headers: {} };
    }
    if (this.outage.noticed(exception)) {
      return { body: databaseUnavailable(), headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
    }
    const fromDatabase = fromQueryFailed(exception);
    if (fromDatabase) {
      // Validation should have caught these first: a trace to find the DTO that let one through.
      if (VALIDATION_GAPS.has(databaseErrorCode(exception) ?? ''))
        this.logger.warn(
          { err: exception, requestId: request.id, url: request.originalUrl },
          'A database constraint refused a value that passed validation',
        );
      return { body: fromDatabase, headers: {} };
    }
    this.logger.error(
      { err: exception, requestId: request.id, url: request.originalUrl },
      'Unhandled error while serving a request',
    );
    return { body: problem(500, 'Something went wrong on our side. It has been logged.'), headers: {} };
  }
}

function databaseUnavailable(): Problem {
  return {
    ...problem(
      503,
      `The service cannot reach its database just now; retry in ${RETRY_AFTER_SECONDS} seconds.`,
    ),
    type: 'https://tradecounter.dev/problems/database-unavailable',
    title: 'The database is unavailable',
  };
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return problem(status, response);
  const message = (response as { message?: unknown }).message;
  const detail = Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : undefined;
  return problem(status, detail);
}

/** NUL and untranslatable characters, NOT NULL, over-long text: the edge's rules, backstopped. */
const VALIDATION_GAPS = new Set(['22021', '22P05', '23502', '22001']);

function databaseErrorCode(exception: unknown): string | undefined {
  if (!(exception instanceof QueryFailedError)) return undefined;
  return (exception.driverError as { code?: string } | undefined)?.code;
}

/** Constraint violations that slip past validation are the client's conflict, not our crash. */
function fromQueryFailed(exception: unknown): Problem | undefined {
  if (!(exception instanceof QueryFailedError)) return undefined;
  const code = databaseErrorCode(exception);
  switch (code) {
    case '23505':
      return problem(409, 'A record with the same unique value already exists');
    case '23503':
      return problem(409, 'A referenced record does not exist or is still in use');
    case '23514':
      return problem(400, 'A value is outside its allowed range');
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return problem(400, 'A value has the wrong format or is out of range');
    case '22001':
      return problem(400, 'A value is longer than its field allows');
    case '22021':
    case '22P05':
      return problem(400, 'A text value holds a character that cannot be stored (such as NUL)');
    case '23502': {
      const column = (exception.driverError as { column?: string }).column;
      return problem(400, column ? `${column} must not be null` : 'A required value is missing');
    }
    case '40001':
    case '40P01':
      return problem(409, 'The change collided with another; please retry');
    default:
      return undefined;
  }
}
