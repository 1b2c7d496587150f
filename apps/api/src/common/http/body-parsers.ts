import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { problem } from './problem';

/**
 * JSON and CSV body parsers whose failures (malformed JSON, a body over the
 * limit) answer as problem documents instead of reaching Nest as a 500.
 */
export function bodyParsers(limit: string): RequestHandler[] {
  return [
    guarded(express.json({ limit, strict: true }), limit),
    guarded(express.text({ limit, type: ['text/csv', 'text/plain'] }), limit),
  ];
}

function guarded(parser: RequestHandler, limit: string): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    parser(request, response, (error?: unknown) => {
      if (!error) return next();
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
    });
  };
}
