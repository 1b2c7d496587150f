import type { IsoInstant } from './common';

export interface AuditEntry {
  id: string;
  at: IsoInstant;
  actorId: string | null;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  /** Every change concerning one account. */
  accountId?: string;
  page?: number;
  pageSize?: number;
}
