import type { Request, Response } from 'express';
import express from 'express';
import { ProblemException } from './problem';

/**
 * Reads a binary request body, up to `limit` bytes, inside the handler: so
 * it runs after the guards, and nobody who may not upload has a byte of
 * theirs read. Over the limit is a 413 (refused from Content-Length before
 * reading, when it is sent); a body cut short, a 400; none at all, an empty
 * buffer.
 */
export function readRawBody(request: Request, response: Response, limit: number): Promise<Buffer> {
  const parser = express.raw({ type: () => true, limit });
  return new Promise((resolve, reject) => {
    parser(request, response, (error?: unknown) => {
      if (error) return reject(asProblem(error, limit));
      const body: unknown = request.body;
      resolve(Buffer.isBuffer(body) ? body : Buffer.alloc(0));
    });
  });
}

function asProblem(error: unknown, limit: number): ProblemException {
  const failure = error as { type?: string };
  if (failure.type === 'entity.too.large') {
    return new ProblemException(413, `The request body is larger than the ${limit} bytes allowed`);
  }
  return new ProblemException(400, 'The request body could not be read');
}
