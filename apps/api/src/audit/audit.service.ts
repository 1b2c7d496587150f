import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuditedEntity, AuditEntry, Page } from '@tradecounter/contracts';
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
  /**
   * Fields an update keeps on both sides even when they did not change,
   * because they say which thing changed (a contract price's product and window).
   */
  keep?: readonly string[];
  /** The import run that made this change, so the change set reads as one. */
  changeSetId?: string | null;
}

/**
 * Records no account owns that every account manager works with: they may
 * read these entries besides their own accounts'. Any of them may put an
 * account on any tier, so each needs to see how a tier came to be.
 */
const SHARED_WITH_ACCOUNT_MANAGERS: readonly AuditedEntity[] = ['price_tier'];

/**
 * The one audit trail every context writes to, inside the transaction of
 * the change it records, so a change and its record commit together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const entry = entryOf(record);
    if (entry) await this.repository.insert(manager, entry);
  }

  /** Many records in one statement (an import's chunk); entries with no change are skipped as in record(). */
  async recordMany(manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    const entries = records.map(entryOf).filter((entry) => entry !== null);
    if (entries.length > 0) await this.repository.insertMany(manager, entries);
  }

  async list(
    actor: AuthUser,
    filter: Omit<AuditFilter, 'managedBy' | 'sharedEntities'>,
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    const scoped: AuditFilter =
      actor.role === 'account_manager'
        ? { ...filter, managedBy: actor.id, sharedEntities: SHARED_WITH_ACCOUNT_MANAGERS }
        : filter;
    const [rows, total] = await this.repository.list(scoped, page);
    return pageOf(rows.map(toAuditEntry), total, page);
  }
}

/**
 * The entry a change makes: an update keeps only the fields that changed
 * (and those it must `keep`), and makes none when nothing changed.
 */
export function entryOf({ keep = [], ...record }: AuditRecord): Omit<AuditRecord, 'keep'> | null {
  if (record.action !== 'update') return record;
  const changed = changedFields(record.before, record.after);
  if (Object.keys(changed.after).length === 0) return null;
  return {
    ...record,
    before: { ...pick(record.before, keep), ...changed.before },
    after: { ...pick(record.after, keep), ...changed.after },
  };
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

function pick(value: Record<string, unknown> | null, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => value && key in value).map((key) => [key, value?.[key]]));
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
    changeSetId: row.changeSetId,
  };
}
