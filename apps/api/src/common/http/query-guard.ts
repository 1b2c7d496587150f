import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FieldError } from '@tradecounter/contracts';
import {
  hasLineControlCharacter,
  hasLoneSurrogate,
  LINE_BREAK_MESSAGE,
  LONE_SURROGATE_MESSAGE,
} from './control-characters';
import { problem } from './problem';

/** More parameters than any of our routes takes, by far; repeated keys (dates=…&dates=…) count each. */
export const MAX_QUERY_PARAMETERS = 100;

/**
 * Query strings are parsed flat (Express's "simple" parser: `a[b]=1` is the
 * key "a[b]", never a nested object), so they cannot nest. This refuses, as a
 * 400 before validation, too many parameters and control characters in any
 * key or value: every query value is a single line (a search, a code, a date).
 */
export function queryGuard(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const fault = inspectQuery(request);
    if (!fault) return next();
    response
      .status(400)
      .type('application/problem+json')
      .json({
        ...problem(400, 'The request has invalid query parameters', [fault]),
        instance: request.originalUrl,
      });
  };
}

function inspectQuery(request: Request): FieldError | undefined {
  const start = request.url.indexOf('?');
  if (start < 0) return undefined;
  const count = request.url
    .slice(start + 1)
    .split('&')
    .filter((part) => part.length > 0).length;
  if (count > MAX_QUERY_PARAMETERS) {
    return { field: '(query)', message: `has more than the ${MAX_QUERY_PARAMETERS} parameters allowed` };
  }
  for (const [key, value] of Object.entries(request.query as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (hasLineControlCharacter(key)) return { field: JSON.stringify(key), message: LINE_BREAK_MESSAGE };
    if (values.some((item) => typeof item === 'string' && hasLineControlCharacter(item))) {
      return { field: key, message: LINE_BREAK_MESSAGE };
    }
    if (values.some((item) => typeof item === 'string' && hasLoneSurrogate(item))) {
      return { field: key, message: LONE_SURROGATE_MESSAGE };
    }
  }
  return undefined;
}
