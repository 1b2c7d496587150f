import type { FieldError } from '@tradecounter/contracts';
import type { ImportContext, ImportKindHandler, RowPlan } from './import-kind';
import type { EngineRow } from './row-chunks';

/** A row's plan with the cells it was planned from (stored, so the commit can plan them again). */
export interface PlannedRow extends RowPlan {
  values: Record<string, string>;
}

/**
 * Keys seen so far in the file: a key again in another group (not the same
 * parent's rows) is an error on the later row, naming the first.
 */
export class FileKeys {
  /**
   * A key's first row, and its parent group when it has one: a row alone is
   * kept as its number (the map holds every key of the file, so entries stay small).
   */
  private readonly seen = new Map<string, number | { row: number; group: string }>();

  constructor(private readonly keyField: string) {}

  check(plan: PlannedRow, group: string): PlannedRow {
    if (plan.key === '') return plan;
    const first = this.seen.get(plan.key);
    if (first === undefined) {
      this.seen.set(plan.key, group === `row:${plan.row}` ? plan.row : { row: plan.row, group });
      return plan;
    }
    const firstRow = typeof first === 'number' ? first : first.row;
    const firstGroup = typeof first === 'number' ? `row:${first}` : first.group;
    if (firstGroup === group) return plan;
    return refuse(plan, { field: this.keyField, message: `${plan.key} is also at row ${firstRow}` });
  }
}

/** The handler's plans for a chunk, the engine's own refusals merged in, in file order. */
export async function planChunk(
  chunk: readonly EngineRow[],
  handler: ImportKindHandler,
  context: ImportContext,
  keys: FileKeys,
): Promise<PlannedRow[]> {
  const accepted = chunk.filter((row) => !row.refused);
  const plans = accepted.length > 0 ? await handler.plan(accepted, context) : [];
  const byRow = new Map(plans.map((plan) => [plan.row, plan]));
  const keyColumns = handler.info.columns.filter((column) => column.key).map((column) => column.name);
  return chunk.map((row) => {
    const plan = row.refused
      ? refuse(
          {
            row: row.row,
            key: keyOf(row.values, keyColumns),
            action: 'error',
            errors: [],
            before: null,
            after: null,
          },
          row.refused,
        )
      : byRow.get(row.row);
    if (!plan) throw new Error(`The ${handler.info.kind} handler gave no plan for row ${row.row}`);
    return keys.check({ ...plan, values: row.values }, row.group);
  });
}

function keyOf(values: Record<string, string>, keyColumns: readonly string[]): string {
  return keyColumns.map((name) => values[name] ?? '').join('/');
}

function refuse<T extends RowPlan>(plan: T, error: FieldError): T {
  return { ...plan, action: 'error', errors: [...plan.errors, error], after: null };
}
