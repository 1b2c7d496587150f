import { restoreFormula } from './cell-text';
import { csvRecords } from './csv-records';
import type { FileFormat } from './upload-file';
import { xlsxRecords } from './xlsx-records';

/** One record of a file: the header (row 1) or a data row, as text cells. */
export interface FileRecord {
  row: number;
  cells: string[];
}

/** The file as a whole cannot be read: the run fails with this message. */
export class FileFailure extends Error {}

/** The file's records, the header first, with any exported formula guard taken off each cell. */
export async function* fileRecords(path: string, format: FileFormat): AsyncGenerator<FileRecord> {
  const records = format === 'xlsx' ? xlsxRecords(path) : csvRecords(path);
  for await (const record of records) yield { row: record.row, cells: record.cells.map(restoreFormula) };
}

/** How many data rows the file has (one streamed pass), so progress has a total. */
export async function countDataRows(path: string, format: FileFormat): Promise<number> {
  let count = -1;
  for await (const _record of fileRecords(path, format)) count++;
  return Math.max(count, 0);
}
