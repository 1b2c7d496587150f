import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { FileRecord } from './file-records';
import { FileFailure } from './file-records';

/**
 * The records of a CSV file, streamed: UTF-8 with or without a BOM, comma or
 * semicolon separated (whichever the header line uses outside quotes),
 * quoted fields with newlines and doubled quotes, CRLF or LF. A record's row
 * number is its index + 1 (the header is row 1), however many lines a
 * quoted newline made it span; blank lines are skipped but keep their number.
 */
export async function* csvRecords(path: string): AsyncGenerator<FileRecord> {
  const delimiter = await detectDelimiter(path);
  const parser = createReadStream(path).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }),
  );
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      index++;
      if (record.length === 1 && record[0] === '') continue;
      yield { row: index, cells: record };
    }
  } catch (error) {
    const failure = error as { code?: string; message?: string; lines?: number };
    if (failure.code?.startsWith('CSV_')) {
      throw new FileFailure(
        `The file is not valid CSV (near line ${failure.lines ?? '?'}): ${failure.message}`,
      );
    }
    throw error;
  } finally {
    parser.destroy();
  }
}

/** The header's separator: a semicolon when it has more of them than commas outside quotes. */
async function detectDelimiter(path: string): Promise<',' | ';'> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    let quoted = false;
    let commas = 0;
    let semicolons = 0;
    for (const char of text) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && (char === '\n' || char === '\r')) break;
      else if (!quoted && char === ',') commas++;
      else if (!quoted && char === ';') semicolons++;
    }
    return semicolons > commas ? ';' : ',';
  } finally {
    await file.close();
  }
}
