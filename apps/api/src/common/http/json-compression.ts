import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { ContentCoding, preferredCoding } from './accept-encoding';

/** Below this a JSON answer goes as is: the saving is smaller than the compressed framing and the work. */
export const JSON_COMPRESSION_MIN_BYTES = 1024;
/** application/json, application/problem+json and other +json types. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\b/i;
/** Fast levels: a 40 kB catalog page in about half a millisecond, to a twentieth of its size. */
const COMPRESS: Record<
  ContentCoding,
  (body: Buffer, done: (error: Error | null, result: Buffer) => void) => void
> = {
  br: (body, done) =>
    brotliCompress(
      body,
      {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      },
      done,
    ),
  gzip: (body, done) => gzip(body, { level: 6 }, done),
};

/**
 * Compresses whole JSON answers of at least `minBytes` (`res.json`/`res.send`,
 * which is how Nest and the problem filter answer) with brotli or gzip, as the
 * client's Accept-Encoding prefers. Everything written as a stream (CSV and
 * XLSX exports, PDFs, images) passes untouched, so nothing is buffered and no
 * compressed format is compressed again. On a thread-pool thread, so a large
 * report does not hold up the event loop.
 */
export function compressJson(minBytes = JSON_COMPRESSION_MIN_BYTES): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const send = response.send;
    response.send = function sendCompressed(this: Response, body?: unknown): Response {
      if (!compressibleJson(this, body, minBytes)) return send.call(this, body);
      this.vary('Accept-Encoding');
      const coding = preferredCoding(request.headers['accept-encoding']);
      if (!coding) return send.call(this, body);
      // Made only now: a client that takes no compression does not pay for a copy of the answer.
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      // One answer per response: a later call (there is none in Nest) goes out as it is.
      this.send = send;
      const type = String(this.getHeader('Content-Type'));
      COMPRESS[coding](bytes, (error, compressed) => {
        if (error) {
          send.call(this, body);
          return;
        }
        this.setHeader('Content-Encoding', coding);
        // Express adds the charset only to string bodies; the bytes are UTF-8 JSON as before.
        if (!/charset=/i.test(type)) this.setHeader('Content-Type', `${type}; charset=utf-8`);
        send.call(this, compressed);
      });
      return this;
    };
    next();
  };
}

/** Whether `body` is a JSON answer worth compressing (at least `minBytes` of UTF-8). */
function compressibleJson(response: Response, body: unknown, minBytes: number): body is string | Buffer {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return false;
  if (response.statusCode === 204 || response.statusCode === 304) return false;
  if (response.getHeader('Content-Encoding')) return false;
  if (!JSON_TYPE.test(String(response.getHeader('Content-Type') ?? ''))) return false;
  if (Buffer.isBuffer(body)) return body.length >= minBytes;
  // A string's UTF-8 is at least as long as its UTF-16 units: count bytes only when that is not enough.
  return body.length >= minBytes || Buffer.byteLength(body) >= minBytes;
}
