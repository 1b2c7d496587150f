import { type ImportKind, XLSX_CONTENT_TYPE } from '@tradecounter/contracts';

/** The file formats a template or an export comes in. */
export type FileFormat = 'csv' | 'xlsx';

export const IMPORT_FILE_ACCEPT = `.csv,text/csv,.xlsx,${XLSX_CONTENT_TYPE}`;

export interface ImportFileType {
  format: FileFormat;
  contentType: string;
}

/**
 * What a chosen or dropped file is, by its name first (browsers type CSV
 * files differently: Excel's machines say application/vnd.ms-excel), else
 * its type; null for anything else.
 */
export function importFileType(file: { name: string; type: string }): ImportFileType | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return { format: 'csv', contentType: 'text/csv' };
  if (name.endsWith('.xlsx') || file.type === XLSX_CONTENT_TYPE) {
    return { format: 'xlsx', contentType: XLSX_CONTENT_TYPE };
  }
  return null;
}

/** products-template.csv */
export function templateFileName(kind: ImportKind, format: FileFormat): string {
  return `${kind}-template.${format}`;
}

/** products-2026-12-07.xlsx: the day of the export, in the browser's own time. */
export function exportFileName(kind: ImportKind, format: FileFormat, now = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  return `${kind}-${day}.${format}`;
}

/** new-products.xlsx → new-products-errors.csv (the error rows always come back as CSV). */
export function errorRowsFileName(fileName: string): string {
  const base = fileName.replace(/\.(csv|xlsx)$/i, '');
  return `${base || 'import'}-errors.csv`;
}
