import type { FieldError } from '@tradecounter/contracts';
import type { ImportKindHandler, ImportRow } from './import-kind';

/** A row on its way to the handler, or already refused by the engine (bad cell count, a scattered parent). */
export interface EngineRow extends ImportRow {
  refused?: FieldError;
  /** Rows of one group (one parent's consecutive rows; else the row alone) may share a key. */
  group: string;
}

export const CHUNK_ROWS = 1_000;

/**
 * Rows in chunks of about `size`, never splitting a parent's rows. A
 * parent's rows must be consecutive: a row of a parent whose rows ended
 * earlier is refused, naming where they started.
 */
export async function* rowChunks(
  rows: AsyncIterable<ImportRow & { refused?: FieldError }>,
  handler: ImportKindHandler,
  size = CHUNK_ROWS,
): AsyncGenerator<EngineRow[]> {
  const parentStart = new Map<string, number>();
  let chunk: EngineRow[] = [];
  let currentParent: string | null = null;
  for await (const row of rows) {
    const parent = handler.parentKey && !row.refused ? handler.parentKey(row.values) : null;
    let engineRow: EngineRow = { ...row, group: `row:${row.row}` };
    if (parent !== null) {
      const first = parentStart.get(parent);
      if (parent !== currentParent && first !== undefined) {
        engineRow = {
          ...engineRow,
          refused: { field: '', message: `rows of ${parent} must be together; first at row ${first}` },
        };
      } else {
        if (first === undefined) parentStart.set(parent, row.row);
        engineRow.group = `parent:${parent}`;
      }
    }
    const startsGroup = parent === null || parent !== currentParent;
    if (!engineRow.refused) currentParent = parent;
    if (chunk.length >= size && startsGroup) {
      yield chunk;
      chunk = [];
    }
    chunk.push(engineRow);
  }
  if (chunk.length > 0) yield chunk;
}
