import type { Type } from '@nestjs/common';
import type { FieldError } from '@tradecounter/contracts';
import { validateAs } from '../common/http/validate-as';
import type { EntityManager } from 'typeorm';
import { errorsInColumns, sameRecord } from './import-cells';
import type { ExportRecord, ImportRow, RowPlan } from './import-kind';

/**
 * Small helpers the kinds share to turn a row's cells (strings) into the
 * JSON body the API route takes, and their answers back into row results.
 */

/** The cell of a column, or undefined when the file has no such column. */
export function cellOf(row: ImportRow, column: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(row.values, column) ? row.values[column] : undefined;
}

/**
 * A whole-number cell as JSON would carry it, for the DTO's own range checks;
 * undefined when the cell is not strictly a whole number (`12.0`, `1,200`),
 * which the caller refuses as "must be a whole number" like every kind.
 */
export function wholeNumber(cell: string): number | undefined {
  return /^-?\d{1,9}$/.test(cell) ? Number(cell) : undefined;
}

export const notWhole = (field: string): FieldError => ({ field, message: 'must be a whole number' });

/** The DTO's field names as the file's columns (`minQty` → `break.minQty`). */
export function renameFields(errors: FieldError[], columns: Record<string, string>): FieldError[] {
  return errorsInColumns(errors, (field) => columns[field] ?? field);
}

export const required = (field: string): FieldError => ({ field, message: 'is required' });

/** A numeric(5,2) percentage as the API shows it: "10", "12.5". */
export function trimPercent(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** A plan: `error` when there are errors, else create/update/unchanged by before and after. */
export function planOf(
  row: number,
  key: string,
  errors: FieldError[],
  before: ExportRecord | null,
  after: ExportRecord | null,
): RowPlan {
  if (errors.length > 0) return { row, key, action: 'error', errors, before, after: null };
  const action = before === null ? 'create' : sameRecord(before, after) ? 'unchanged' : 'update';
  return { row, key, action, errors: [], before, after };
}

/** While committing, the plan runs in the commit's transaction and may lock what it read. */
export function inTransaction(manager: EntityManager): boolean {
  return manager.queryRunner?.isTransactionActive === true;
}

/** Product ids by (upper-cased) SKU, for the SKUs of a chunk, in one query. */
export async function productIdsBySku(
  manager: EntityManager,
  skus: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(skus)].filter((sku) => sku !== '');
  if (wanted.length === 0) return new Map();
  // One index probe per SKU (LATERAL): with a thousand SKUs, `sku = ANY(...)` may hash all products, per chunk.
  const rows = (await manager.query(
    `SELECT p.id, p.sku FROM unnest($1::text[]) AS w(sku)
      CROSS JOIN LATERAL (SELECT id, sku FROM products WHERE sku = w.sku LIMIT 1) p`,
    [wanted],
  )) as { id: string; sku: string }[];
  return new Map(rows.map((row) => [row.sku, row.id]));
}

export const normaliseSku = (raw: string | undefined): string => (raw ?? '').trim().toUpperCase();

/** Reads a query page by page in key order (keyset paging), yielding one record at a time. */
export async function* pagedRecords<T>(
  read: (after: T | undefined, limit: number) => Promise<T[]>,
  pageSize = 1_000,
): AsyncIterable<T> {
  let last: T | undefined;
  for (;;) {
    const page = await read(last, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}

/**
 * validateAs for the rows of one chunk, each distinct body checked once: the
 * check is a pure function of the body, and files repeat bodies (the same
 * window and price for many SKUs) far more often than not.
 */
export function chunkValidator<T extends object>(dto: Type<T>) {
  const answers = new Map<string, ReturnType<typeof validateAs<T>>>();
  return (body: Record<string, unknown>): ReturnType<typeof validateAs<T>> => {
    const key = JSON.stringify(body);
    let answer = answers.get(key);
    if (!answer) {
      answer = validateAs(dto, body);
      answers.set(key, answer);
    }
    return answer;
  };
}
