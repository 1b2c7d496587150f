import type { FieldError } from '@tradecounter/contracts';
import type { ExportRecord } from './import-kind';

/**
 * How a file's text cell becomes the JSON value of the API body it stands
 * for, so the API's own DTO judges it. A cell that does not read as its type
 * is passed on as text, and the DTO answers what the API would ("must be an
 * integer"). An empty cell is `null` for a nullable field (clearing it),
 * left out for a field whose absence means its default, and otherwise passed
 * on as '' so the DTO refuses it like any other wrong value.
 */
export type CellType = 'text' | 'int' | 'bool' | 'money';

/** As the products kind reads them: any case. */
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export interface CellSpec {
  type: CellType;
  /** An empty cell clears the field (null). */
  nullable?: boolean;
  /** An empty cell leaves the field out of the body (the API's default applies). */
  emptyMeansDefault?: boolean;
}

export function cellValue(cell: string, spec: CellSpec): unknown {
  const trimmed = spec.type === 'text' ? cell : cell.trim();
  if (trimmed === '') {
    if (spec.nullable) return null;
    if (spec.emptyMeansDefault) return undefined;
    return '';
  }
  switch (spec.type) {
    case 'int':
      return /^-?\d{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed;
    case 'bool':
      if (TRUE.has(trimmed.toLowerCase())) return true;
      if (FALSE.has(trimmed.toLowerCase())) return false;
      return trimmed;
    default:
      return trimmed;
  }
}

/**
 * The body of the API call a row stands for: for each field the file has a
 * column for, its cell as the field's type; fields without a column are left
 * out (an import leaves them unchanged).
 */
export function bodyOf(
  values: Record<string, string>,
  fields: Record<string, CellSpec>,
  columnOf: (field: string) => string = (field) => field,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(fields)) {
    const cell = values[columnOf(field)];
    if (cell === undefined) continue;
    const value = cellValue(cell, spec);
    if (value !== undefined) body[field] = value;
  }
  return body;
}

/** A stored value as an export cell: '' for null, "true"/"false", numbers and money as written. */
export function exportCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value as string | number);
}

/** Renames the API's field errors to the file's columns (`line1` → `address.line1`). */
export function errorsInColumns(errors: FieldError[], columnOf: (field: string) => string): FieldError[] {
  return errors.map((error) => ({ ...error, field: columnOf(error.field) }));
}

export function sameRecord(a: ExportRecord | null, b: ExportRecord | null): boolean {
  if (!a || !b) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
}
