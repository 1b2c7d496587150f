import { randomUUID } from 'node:crypto';
import type { ImportAction } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import type { ExportRecord, ImportKindHandler, ImportRow, RowPlan } from '../imports/import-kind';
import { createUser } from './fixtures';
import type { TestApp } from './test-app';

/**
 * Drives one import kind's handler directly, as the engine does: a dry run
 * plans outside a transaction; a commit plans again inside one and applies.
 */
export async function importAdmin(t: TestApp): Promise<AuthUser> {
  const admin = await createUser(t, 'admin');
  return { id: admin.id, role: 'admin', accountId: null, email: admin.email, name: 'Import admin' };
}

/** File rows from records: row 2 is the first under the header. */
export function rowsOf(records: Record<string, string>[]): ImportRow[] {
  return records.map((values, index) => ({ row: index + 2, values }));
}

export function dryRun(
  t: TestApp,
  handler: ImportKindHandler,
  actor: AuthUser,
  records: Record<string, string>[],
): Promise<RowPlan[]> {
  return handler.plan(rowsOf(records), { manager: t.dataSource.manager, actor, importId: randomUUID() });
}

/** Commits the rows (refusing any error, as the engine does); returns the plans and the change set id. */
export async function commit(
  t: TestApp,
  handler: ImportKindHandler,
  actor: AuthUser,
  records: Record<string, string>[],
): Promise<{ plans: RowPlan[]; importId: string }> {
  const importId = randomUUID();
  const plans = await t.dataSource.transaction(async (manager) => {
    const context = { manager, actor, importId };
    const planned = await handler.plan(rowsOf(records), context);
    const errors = planned.filter((plan) => plan.action === 'error');
    if (errors.length > 0) throw new Error(`rows with errors: ${JSON.stringify(errors)}`);
    await handler.apply(planned, context);
    return planned;
  });
  return { plans, importId };
}

export function actions(plans: RowPlan[]): ImportAction[] {
  return plans.map((plan) => plan.action);
}

/** The exported records whose key column passes `keep` (other tests' data shares the tables). */
export async function exported(
  t: TestApp,
  handler: ImportKindHandler,
  keep: (record: ExportRecord) => boolean,
): Promise<ExportRecord[]> {
  const records: ExportRecord[] = [];
  for await (const record of handler.exportRecords(t.dataSource.manager))
    if (keep(record)) records.push(record);
  return records;
}

/** The audit entries of one change set. */
export function changeSet(
  t: TestApp,
  importId: string,
): Promise<{ entity: string; entityId: string; action: string; before: unknown; after: unknown }[]> {
  return t.dataSource.query(
    `SELECT entity, entity_id AS "entityId", action, before, after FROM audit_entries
      WHERE change_set_id = $1 ORDER BY id`,
    [importId],
  );
}
