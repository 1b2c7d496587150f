import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import type { ExportRecord, ImportKindHandler, ImportRow, RowPlan } from '../imports/import-kind';
import type { TestUser } from './fixtures';
import type { TestApp } from './test-app';

/**
 * A kind's handler driven as the engine drives it, without files: a dry run
 * plans with a plain manager; a commit plans again in one transaction and
 * applies (refusing, as the engine does, when any row is an error).
 */

export function actorOf(user: TestUser): AuthUser {
  return { id: user.id, role: user.role, accountId: user.accountId, email: user.email, name: user.email };
}

/** Rows of cells as a file would give them: row 2 is the first under the header. */
export function rowsOf(records: Record<string, string>[]): ImportRow[] {
  return records.map((values, index) => ({ row: index + 2, values }));
}

export function dryRun(
  t: TestApp,
  handler: ImportKindHandler,
  admin: TestUser,
  records: Record<string, string>[],
) {
  return handler.plan(rowsOf(records), {
    manager: t.dataSource.manager,
    actor: actorOf(admin),
    importId: randomUUID(),
  });
}

export async function commit(
  t: TestApp,
  handler: ImportKindHandler,
  admin: TestUser,
  records: Record<string, string>[],
): Promise<{ importId: string; plans: RowPlan[] }> {
  const importId = randomUUID();
  const plans = await t.dataSource.transaction(async (manager) => {
    const context = { manager, actor: actorOf(admin), importId };
    const planned = await handler.plan(rowsOf(records), context);
    const errors = planned.filter((plan) => plan.action === 'error');
    if (errors.length > 0) throw new Error(`Rows with errors: ${JSON.stringify(errors)}`);
    await handler.apply(planned, context);
    return planned;
  });
  return { importId, plans };
}

/** As the engine commits a large file: chunk after chunk, planned and applied in one transaction. */
export async function commitInChunks(
  t: TestApp,
  handler: ImportKindHandler,
  admin: TestUser,
  records: Record<string, string>[],
  size = 1_000,
): Promise<void> {
  const rows = rowsOf(records);
  await t.dataSource.transaction(async (manager) => {
    const context = {
      manager,
      actor: actorOf(admin),
      importId: randomUUID(),
      state: new Map<string, unknown>(),
    };
    for (let offset = 0; offset < rows.length; offset += size) {
      const planned = await handler.plan(rows.slice(offset, offset + size), context);
      const error = planned.find((plan) => plan.action === 'error');
      if (error) throw new Error(`Row ${error.row}: ${JSON.stringify(error.errors)}`);
      await handler.apply(planned, context);
    }
  });
}

export const actions = (plans: RowPlan[]) => plans.map((plan) => plan.action);

/** The export's records whose key column starts with `prefix` (each test works in data of its own). */
export async function exported(handler: ImportKindHandler, t: TestApp, column: string, prefix: string) {
  const records: ExportRecord[] = [];
  for await (const record of handler.exportRecords(t.dataSource.manager)) {
    if ((record[column] ?? '').startsWith(prefix)) records.push(record);
  }
  return records;
}

/** The audit entries of one change set, oldest first. */
export async function changeSet(t: TestApp, importId: string): Promise<AuditEntry[]> {
  return (await t.dataSource.query(
    `SELECT entity, entity_id AS "entityId", action, before, after, actor_id AS "actorId"
       FROM audit_entries WHERE change_set_id = $1 ORDER BY id`,
    [importId],
  )) as AuditEntry[];
}
