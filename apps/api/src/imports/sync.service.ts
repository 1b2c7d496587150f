import { HttpStatus, Injectable } from '@nestjs/common';
import type { FieldError, SyncResult } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import type { Caller } from '../auth/decorators';
import { badRequest, forbidden, ProblemException } from '../common/http/problem';
import { UsersService } from '../users/users.service';
import { ImportsService } from './imports.service';

/**
 * ERP sync: the import kinds' upserts with JSON rows instead of a file, for
 * an admin or an integration whose key has the data-sync scope (it acts for
 * the admin who created it, so its changes are audited as theirs and named
 * by the channel in the import history).
 */
@Injectable()
export class SyncService {
  constructor(
    private readonly imports: ImportsService,
    private readonly users: UsersService,
  ) {}

  async sync(caller: Caller, kind: string, rows: readonly unknown[]): Promise<SyncResult> {
    const { actor, source } = await this.actorOf(caller);
    const { outcome, result } = await this.imports.sync(actor, kind, rows.map(cellsOf), source);
    if (outcome === 'errors') {
      const errors: FieldError[] = result.rows.flatMap((row) =>
        row.errors.map((error) => ({
          field: error.field ? `rows[${row.row - 1}].${error.field}` : `rows[${row.row - 1}]`,
          message: error.message,
        })),
      );
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        `${result.counts.error} row${result.counts.error === 1 ? ' has' : 's have'} errors: nothing was written`,
        errors,
        undefined,
        { importId: result.id },
      );
    }
    if (outcome !== 'committed') {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'The data changed while syncing: nothing was written; send it again',
        undefined,
        undefined,
        {
          importId: result.id,
        },
      );
    }
    return { importId: result.id, counts: result.counts, rows: result.rows };
  }

  /** The admin a sync acts as: the signed-in admin, or the active admin who created the integration. */
  private async actorOf(caller: Caller): Promise<{ actor: AuthUser; source: string }> {
    if (caller.user) return { actor: caller.user, source: 'sync (API)' };
    const integration = caller.integration;
    if (!integration.dataSync)
      throw forbidden('This integration’s key may not sync data: an admin can allow it');
    const owner = integration.ownerId ? await this.users.findById(integration.ownerId) : null;
    if (!owner || !owner.active || owner.role !== 'admin') {
      throw forbidden(
        'The admin who created this integration is no longer an active admin: create a new key',
      );
    }
    return {
      actor: {
        id: owner.id,
        role: owner.role,
        accountId: owner.accountId,
        email: owner.email,
        name: owner.name,
      },
      source: `sync via ${integration.name}`,
    };
  }
}

/** A JSON row as a file's cells: text as is, numbers and true/false as written, null as an empty cell. */
function cellsOf(row: unknown, index: number): Record<string, string> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw badRequest('Each row must be an object', [
      { field: `rows[${index}]`, message: 'must be an object' },
    ]);
  }
  const cells: Record<string, string> = {};
  for (const [field, value] of Object.entries(row)) {
    if (typeof value === 'string') cells[field] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') cells[field] = String(value);
    else if (value === null) cells[field] = '';
    else {
      throw badRequest('The request has invalid fields', [
        { field: `rows[${index}].${field}`, message: 'must be text, a number, true/false or null' },
      ]);
    }
  }
  return cells;
}
