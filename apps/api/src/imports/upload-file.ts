import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Request } from 'express';
import { XLSX_CONTENT_TYPE } from '@tradecounter/contracts';
import { multipartBoundary } from '../common/http/multipart-file';
import { ProblemException } from '../common/http/problem';

export type FileFormat = 'csv' | 'xlsx';

/** An uploaded file on disk: never held in memory whole. */
export interface StoredUpload {
  path: string;
  format: FileFormat;
  bytes: number;
  remove(): Promise<void>;
}

const UPLOAD_DIR = join(tmpdir(), 'tc-imports');

/**
 * Streams the request body to a temporary file, up to `limit` bytes (413
 * beyond; refused from Content-Length before reading when it is sent), and
 * tells CSV from XLSX by the Content-Type or, failing that, the zip magic.
 */
export async function storeUpload(request: Request, limit: number): Promise<StoredUpload> {
  const header = request.headers['content-type'] ?? '';
  const contentType = header.toLowerCase().split(';')[0]?.trim() ?? '';
  const boundary = multipartBoundary(header);
  if (contentType.startsWith('multipart/') && !boundary) {
    throw new ProblemException(415, 'Send the file itself as the body, with its Content-Type, or as a form');
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  await mkdir(UPLOAD_DIR, { recursive: true });
  const path = join(UPLOAD_DIR, `${randomUUID()}.upload`);
  const remove = () => rm(path, { force: true });
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) return done(tooLarge(limit));
      done(null, chunk);
    },
  });
  try {
    await pipeline(request, counter, createWriteStream(path));
  } catch (error) {
    await remove();
    if (error instanceof ProblemException) {
      request.unpipe();
      request.resume(); // let the rest arrive and be dropped, so the 413 can be answered
      throw error;
    }
    throw new ProblemException(400, 'The file could not be read');
  }
  if (boundary) {
    const part = await filePart(path, boundary).finally(remove);
    return withFormat(part.path, part.contentType, part.bytes);
  }
  return withFormat(path, contentType, bytes);
}

async function withFormat(path: string, contentType: string, bytes: number): Promise<StoredUpload> {
  const remove = () => rm(path, { force: true });
  if (bytes === 0) {
    await remove();
    throw new ProblemException(400, 'The file is empty');
  }
  const format = formatOf(contentType, await firstBytes(path));
  if (!format) {
    await remove();
    throw new ProblemException(415, 'Send a CSV file (text/csv) or an Excel workbook (.xlsx)');
  }
  return { path, format, bytes, remove };
}

/**
 * The file of a multipart/form-data body with one file field, copied out to
 * a file of its own: its part's headers are in the first bytes and the
 * closing delimiter in the last, so the body is never read into memory.
 */
async function filePart(
  path: string,
  boundary: string,
): Promise<{ path: string; contentType: string; bytes: number }> {
  const file = await open(path, 'r');
  let start: number;
  let end: number;
  let contentType: string;
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, 16 * 1024));
    await file.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 1024));
    await file.read(tail, 0, tail.length, size - tail.length);
    const delimiter = Buffer.from(`--${boundary}`);
    let at = head.indexOf(delimiter);
    let found: { start: number; type: string } | null = null;
    while (at !== -1 && !found) {
      const headersEnd = head.indexOf('\r\n\r\n', at);
      if (headersEnd === -1) break;
      const headers = head.subarray(at, headersEnd).toString('utf8');
      if (/content-disposition:[^\r\n]*filename=/i.test(headers)) {
        const type = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim().toLowerCase() ?? '';
        found = { start: headersEnd + 4, type };
      }
      at = head.indexOf(delimiter, headersEnd);
    }
    const closing = tail.lastIndexOf(Buffer.from(`\r\n--${boundary}`));
    if (!found || closing === -1)
      throw new ProblemException(400, 'The form has no file: send the file as a file field');
    start = found.start;
    end = size - tail.length + closing;
    contentType = found.type;
  } finally {
    await file.close();
  }
  if (end <= start) throw new ProblemException(400, 'The file is empty');
  const partPath = join(UPLOAD_DIR, `${randomUUID()}.upload`);
  await pipeline(createReadStream(path, { start, end: end - 1 }), createWriteStream(partPath));
  return { path: partPath, contentType, bytes: Math.max(end - start, 0) };
}

function formatOf(contentType: string, head: Buffer): FileFormat | null {
  const zip = head.length >= 4 && head.readUInt32BE(0) === 0x504b0304;
  if (contentType === XLSX_CONTENT_TYPE || zip) return zip ? 'xlsx' : null;
  // Windows browsers label a .csv file as Excel's.
  const csvTypes = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];
  if (csvTypes.includes(contentType)) return 'csv';
  if (contentType === '' || contentType === 'application/octet-stream') return 'csv';
  return null;
}

async function firstBytes(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await file.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function tooLarge(limit: number): ProblemException {
  return new ProblemException(
    413,
    `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB allowed`,
  );
}
