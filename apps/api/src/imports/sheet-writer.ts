import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './cell-text';

export type SheetFormat = 'csv' | 'xlsx';

/**
 * Writes a header and rows of text to `out` as CSV (RFC 4180, CRLF) or as an
 * XLSX workbook of text cells (so "12.00" and "0012345678905" stay as
 * written), streamed: rows are never all in memory. In both, a text a
 * spreadsheet would run as a formula is guarded with an apostrophe, which an
 * import takes off again (cell-text.ts).
 */
export async function writeSheet(
  out: Writable,
  format: SheetFormat,
  name: string,
  header: readonly string[],
  rows: AsyncIterable<readonly string[]>,
): Promise<void> {
  if (format === 'csv') {
    const csv = stringify({
      record_delimiter: 'windows',
      // A newline in a cell must be quoted whatever the record delimiter is.
      quoted_match: /[\r\n]/,
      cast: { string: neutraliseFormula },
    });
    await pipeline(Readable.from(withHeader(header, rows)), csv, out);
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  // The same guard as the CSV's, so a file saved from either format imports back the same.
  for await (const row of withHeader(header, rows)) sheet.addRow(row.map(neutraliseFormula)).commit();
  sheet.commit();
  await workbook.commit();
}

async function* withHeader(
  header: readonly string[],
  rows: AsyncIterable<readonly string[]>,
): AsyncGenerator<string[]> {
  yield [...header];
  for await (const row of rows) yield [...row];
}

export const SHEET_CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
