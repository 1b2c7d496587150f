import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Request } from 'express';
import { XLSX_CONTENT_TYPE } from '@tradecounter/contracts';
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
  const contentType = (request.headers['content-type'] ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  if (contentType.startsWith('multipart/')) {
    throw new ProblemException(415, 'Send the file itself as the body, with its Content-Type (not a form)');
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

function formatOf(contentType: string, head: Buffer): FileFormat | null {
  const zip = head.length >= 4 && head.readUInt32BE(0) === 0x504b0304;
  if (contentType === XLSX_CONTENT_TYPE || zip) return zip ? 'xlsx' : null;
  if (contentType === 'text/csv' || contentType === 'text/plain' || contentType === 'application/csv')
    return 'csv';
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
