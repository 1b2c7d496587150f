import type { ImportKindInfo } from '@tradecounter/contracts';
import { FileFailure, type FileRecord } from './file-records';

/**
 * The header of a kind's file: every name a column of the kind, none twice,
 * none empty, and the key columns present. Anything else fails the whole
 * file (a misspelt column would otherwise be silently left out).
 */
export function checkHeader(record: FileRecord | undefined, info: ImportKindInfo): string[] {
  if (!record) throw new FileFailure('The file is empty: the first row must name the columns');
  const names = record.cells.map((cell) => cell.trim());
  const blank = names.findIndex((name) => name === '');
  if (blank !== -1) throw new FileFailure(`Column ${blank + 1} of the header has no name`);
  const known = new Set(info.columns.map((column) => column.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new FileFailure(`Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  }
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) throw new FileFailure(`Duplicate column: ${twice}`);
  const missing = info.columns.filter((column) => column.key && !names.includes(column.name));
  if (missing.length > 0) {
    throw new FileFailure(`Missing key column: ${missing.map((column) => column.name).join(', ')}`);
  }
  return names;
}

/** A data row's cells by column name, or why they do not fit the header. */
export function rowValues(
  header: readonly string[],
  record: FileRecord,
  strictCount: boolean,
): { values: Record<string, string>; error: string | null } {
  const cells = [...record.cells];
  const extra = cells.slice(header.length).some((cell) => cell !== '');
  const error =
    (strictCount && cells.length !== header.length) || extra
      ? `The row has ${cells.length} cells; the header has ${header.length}`
      : null;
  const values: Record<string, string> = {};
  header.forEach((name, index) => (values[name] = cells[index] ?? ''));
  return { values, error };
}
