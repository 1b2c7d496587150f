import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuditEntry, Page } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { AuditFilter, AuditRepository, AuditRow } from './audit.repository';

export interface AuditRecord {
  actorId: string | null;
  entity: string;
  entityId: string;
  accountId: string | null;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The one audit trail every context writes to, inside the transaction of
 * the change it records, so a change and its record commit together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const { before, after } =
      record.action === 'update' ? changedFields(record.before, record.after) : record;
    if (record.action === 'update' && Object.keys(after ?? {}).length === 0) return;
    await this.repository.insert(manager, { ...record, before, after });
  }

  async list(
    actor: AuthUser,
    filter: Omit<AuditFilter, 'managedBy'>,
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    const scoped: AuditFilter =
      actor.role === 'account_manager' ? { ...filter, managedBy: actor.id } : filter;
    const [rows, total] = await this.repository.list(scoped, page);
    return pageOf(rows.map(toAuditEntry), total, page);
  }
}

/** Keeps only the fields that changed, so each entry reads as "field: before → after". */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const old = before?.[key] ?? null;
    const now = after?.[key] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(now)) {
      changedBefore[key] = old;
      changedAfter[key] = now;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    before: row.before,
    after: row.after,
  };
}
