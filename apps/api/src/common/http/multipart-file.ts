import { ProblemException } from './problem';

/** A file sent as one part of a multipart/form-data body. */
export interface MultipartFile {
  contentType: string;
  bytes: Buffer;
}

/** The boundary of a multipart/form-data Content-Type, or null for any other type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  const type = (contentType ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) return null;
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2]?.trim() ?? null;
}

/**
 * The first part of a multipart/form-data body that carries a file (a
 * `filename` in its Content-Disposition), with its declared Content-Type.
 * Enough for a browser's FormData upload of one file; 400 when there is none.
 */
export function firstMultipartFile(body: Buffer, boundary: string): MultipartFile {
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const headersStart = start + delimiter.length + 2; // past the delimiter and its CRLF
    const next = body.indexOf(delimiter, headersStart);
    if (next === -1) break;
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd !== -1 && headersEnd < next) {
      const headers = body.subarray(headersStart, headersEnd).toString('utf8');
      if (/content-disposition:[^\r\n]*filename=/i.test(headers)) {
        const type = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim().toLowerCase() ?? '';
        // The part's bytes end before the CRLF that precedes the next delimiter.
        return { contentType: type, bytes: body.subarray(headersEnd + 4, next - 2) };
      }
    }
    start = next;
  }
  throw new ProblemException(400, 'The form has no file: send the photo as a file field');
}
