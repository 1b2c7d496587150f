import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { bearer, type TestUser } from './fixtures';
import type { TestApp } from './test-app';

/*
 * Reading back what a generated PDF says, for tests: pdf-lib counts the
 * pages; the text is taken from the page content streams (inflated when
 * compressed), one string per text-showing operator, its glyph codes
 * decoded as Windows-1252 (the standard fonts' encoding).
 */

const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeHex(hex: string): string {
  let text = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    text += code >= 0x80 && code <= 0x9f ? WIN_ANSI_HIGH[code - 0x80] : String.fromCharCode(code);
  }
  return text;
}

/** The content of every stream in the file, inflated where it is Flate-compressed. */
function streams(pdf: Buffer): string[] {
  const found: string[] = [];
  const text = pdf.toString('latin1');
  const pattern = /<<([^]*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      found.push((/FlateDecode/.test(match[1] ?? '') ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // not a stream of ours (fonts, images): nothing to read
    }
    pattern.lastIndex = end;
  }
  return found;
}

/** Each piece of text the PDF draws, in drawing order. */
export function pdfTexts(pdf: Buffer): string[] {
  const texts: string[] = [];
  for (const content of streams(pdf)) {
    for (const operation of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const pieces = [...(operation[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((piece) =>
        decodeHex(piece[1] ?? ''),
      );
      texts.push(pieces.join(''));
    }
  }
  return texts;
}

export async function pdfPageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

/** GET a document route as `user`, the body kept as bytes whatever its type (a problem's JSON too). */
export function fetchDocument(t: TestApp, user: TestUser, path: string) {
  return t.http
    .get(path)
    .set(bearer(user))
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
}
