import type { ImportRowDetail } from '@tradecounter/contracts';

export interface CellChange {
  field: string;
  /** '' for an empty cell (cleared, or not set before). */
  before: string;
  after: string;
}

/** What an update row changes, column by column in the file's order: "listPrice 12.00 → 12.50". */
export function rowChanges(row: ImportRowDetail): CellChange[] {
  if (row.action !== 'update' || !row.before || !row.after) return [];
  const before = row.before;
  const after = row.after;
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields
    .filter((field) => (before[field] ?? '') !== (after[field] ?? ''))
    .map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' }));
}
