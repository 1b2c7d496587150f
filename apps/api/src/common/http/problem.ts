import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError, Problem } from '@tradecounter/contracts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  428: 'Precondition Required',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemTitle(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function problem(status: number, detail?: string, errors?: FieldError[], type?: string): Problem {
  return {
    type:
      type ?? `https://tradecounter.dev/problems/${problemTitle(status).toLowerCase().replace(/\s+/g, '-')}`,
    title: problemTitle(status),
    status,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** An HTTP error whose body is already a problem document (with `extensions`: members of its own). */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail?: string,
    errors?: FieldError[],
    headers?: Record<string, string>,
    extensions?: Record<string, unknown>,
  ) {
    super({ ...extensions, ...problem(status, detail, errors) }, status);
    this.headers = headers ?? {};
  }
  readonly headers: Record<string, string>;
}

export const notFound = (what = 'Resource') =>
  new ProblemException(HttpStatus.NOT_FOUND, `${what} not found`);
export const forbidden = (detail = 'Your role may not do this') =>
  new ProblemException(HttpStatus.FORBIDDEN, detail);
export const conflict = (detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.CONFLICT, detail, errors);
/** A 409 with a type and title of its own, for a refusal a client tells apart from other conflicts. */
export function namedConflict(
  slug: string,
  title: string,
  detail: string,
  errors?: FieldError[],
): ProblemException {
  const exception = new ProblemException(HttpStatus.CONFLICT, detail, errors);
  Object.assign(exception.getResponse() as Problem, {
    type: `https://tradecounter.dev/problems/${slug}`,
    title,
  });
  return exception;
}
export const badRequest = (detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.BAD_REQUEST, detail, errors);
