import type { Response } from 'express';

/** A rendered document, the name it downloads under, and the ETag of its content. */
export interface PdfFile {
  filename: string;
  bytes: Buffer;
  /** A strong validator: the same for the same content under the same letterhead. */
  etag: string;
}

/**
 * The download: application/pdf, saved (not shown inline) under the
 * document's own name. Kept privately and asked about again each time
 * (`no-cache`): an unchanged document answers 304 to its ETag.
 */
export function sendPdf(response: Response, file: PdfFile, ifNoneMatch: string | undefined): void {
  response.set({
    'Cache-Control': 'private, no-cache',
    ETag: file.etag,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
  });
  if (matches(ifNoneMatch, file.etag)) {
    response.status(304).end();
    return;
  }
  response.status(200).type('application/pdf').end(file.bytes);
}

/** If-None-Match: a list of ETags (weak ones compare equal too), or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
