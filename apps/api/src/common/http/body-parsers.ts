import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import type { FieldError } from '@tradecounter/contracts';
import { textFault } from './control-characters';
import { inspectJson } from './json-inspection';
import { problem } from './problem';

/**
 * JSON and CSV body parsers whose failures (malformed JSON, a body over the
 * limit, nesting too deep, prototype keys, control characters) answer as
 * problem documents before validation runs, instead of reaching Nest as a 500.
 */
export function bodyParsers(limit: string): RequestHandler[] {
  return [
    guarded(express.json({ limit, strict: true }), limit, inspectJson),
    guarded(express.text({ limit, type: ['text/csv', 'text/plain'] }), limit, inspectText),
  ].map(exceptImportFiles);
}

/** Import files (up to IMPORT_MAX_MB) are streamed to disk by the imports module, after its guards. */
function exceptImportFiles(parser: RequestHandler): RequestHandler {
  return (request, response, next) =>
    request.method === 'POST' && /^\/api\/imports\/[^/]+\/?$/.test(request.path)
      ? next()
      : parser(request, response, next);
}

type Inspection = (body: unknown) => FieldError | undefined;

function guarded(parser: RequestHandler, limit: string, inspect: Inspection): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    parser(request, response, (error?: unknown) => {
      if (error) return answerParseFailure(request, response, error, limit);
      const fault = inspect(request.body);
      if (!fault) return next();
      response
        .status(400)
        .type('application/problem+json')
        .json({ ...problem(400, 'The request has invalid fields', [fault]), instance: request.originalUrl });
    });
  };
}

/** A CSV upload: its cells go to text columns, so the same characters are refused. */
function inspectText(body: unknown): FieldError | undefined {
  const fault = typeof body === 'string' ? textFault(body) : undefined;
  return fault ? { field: '(body)', message: fault } : undefined;
}

function answerParseFailure(request: Request, response: Response, error: unknown, limit: string): void {
  const failure = error as { type?: string; status?: number };
  const reported = failure.type === 'entity.too.large' ? 413 : (failure.status ?? 400);
  const status = reported >= 400 && reported < 500 ? reported : 400;
  const detail =
    failure.type === 'entity.too.large'
      ? `The request body is larger than the ${limit} allowed`
      : failure.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : 'The request body could not be read';
  response
    .status(status)
    .type('application/problem+json')
    .json({ ...problem(status, detail), instance: request.originalUrl });
}
