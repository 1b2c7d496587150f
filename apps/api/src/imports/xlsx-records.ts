import ExcelJS from 'exceljs';
import type { FileRecord } from './file-records';
import { FileFailure } from './file-records';

/**
 * The rows of a workbook's first worksheet, streamed (exceljs's reader), as
 * text: numbers without float artefacts (12.5 → "12.5"), dates as
 * YYYY-MM-DD, booleans as "true"/"false", formulas as their result, empty
 * cells as "". Row numbers are the sheet's own; empty rows are skipped.
 */
export async function* xlsxRecords(path: string): AsyncGenerator<FileRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0) yield { row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof FileFailure) throw error;
    throw new FileFailure(`The workbook could not be read: ${(error as Error).message}`);
  }
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      error?: string;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if (cell.formula !== undefined || cell.sharedFormula !== undefined) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error !== undefined) return cell.error;
  }
  return String(value as string);
}

/** The shortest decimal that names the same double, at Excel's 15 significant digits (0.1+0.2 → "0.3"). */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = String(Number(value.toPrecision(15)));
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

/** Excel keeps dates without a zone; exceljs hands them over as UTC. */
function dateText(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
