import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  FieldError,
  ImportAction,
  ImportCounts,
  ImportFormat,
  ImportJob,
  ImportKind,
  ImportRowDetail,
  ImportRowResult,
  ImportStatus,
} from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import type { PlannedRow } from './plan-chunk';

export interface RunRecord {
  id: string;
  kind: ImportKind;
  fileName: string;
  format: ImportFormat;
  columns: string[];
  status: ImportStatus;
  done: number;
  total: number | null;
  counts: ImportCounts;
  failure: string | null;
  createdAt: Date;
  createdById: string;
  createdByName: string;
  committedAt: Date | null;
  cancelRequested: boolean;
  heartbeatAt: Date;
}

/** A stored row as the commit reads it back. */
export interface StoredRow {
  row: number;
  key: string;
  action: ImportAction;
  errors: FieldError[];
  values: Record<string, string>;
  after: Record<string, string> | null;
}

const RUN_COLUMNS = `r.id, r.kind, r.file_name AS "fileName", r.format, r.columns, r.status, r.done, r.total,
  json_build_object('create', r.create_count, 'update', r.update_count, 'unchanged', r.unchanged_count,
                    'error', r.error_count) AS counts,
  r.failure, r.created_at AS "createdAt", r.created_by AS "createdById", u.name AS "createdByName",
  r.committed_at AS "committedAt", r.cancel_requested AS "cancelRequested", r.heartbeat_at AS "heartbeatAt"`;

/** Import runs and their rows: plain SQL, rows written a chunk per statement. */
@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createRun(run: {
    kind: ImportKind;
    fileName: string;
    format: ImportFormat;
    createdBy: string;
  }): Promise<string> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO import_runs (kind, file_name, format, status, created_by)
       VALUES ($1, $2, $3, 'validating', $4) RETURNING id`,
      [run.kind, run.fileName, run.format, run.createdBy],
    )) as { id: string }[];
    if (!row) throw new Error('No import run was created');
    return row.id;
  }

  async find(id: string): Promise<RunRecord | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM import_runs r JOIN users u ON u.id = r.created_by WHERE r.id = $1`,
      [id],
    )) as RunRecord[];
    return row ?? null;
  }

  async list(page: PageRequest): Promise<[RunRecord[], number]> {
    const rows = (await this.dataSource.query(
      `SELECT ${RUN_COLUMNS}, count(*) OVER () AS "fullCount"
         FROM import_runs r JOIN users u ON u.id = r.created_by
        ORDER BY r.created_at DESC, r.id DESC OFFSET $1 LIMIT $2`,
      [page.offset, page.pageSize],
    )) as (RunRecord & { fullCount: string })[];
    const total = rows[0]
      ? Number(rows[0].fullCount)
      : Number(
          ((await this.dataSource.query('SELECT count(*) AS n FROM import_runs')) as { n: string }[])[0]?.n,
        );
    return [rows, total];
  }

  async update(
    id: string,
    fields: {
      status?: ImportStatus;
      columns?: string[];
      done?: number;
      total?: number | null;
      counts?: ImportCounts;
      failure?: string | null;
      committed?: boolean;
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const sets: string[] = ['heartbeat_at = now()'];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (fields.status !== undefined) set('status', fields.status);
    if (fields.columns !== undefined) set('columns', JSON.stringify(fields.columns), '::jsonb');
    if (fields.done !== undefined) set('done', fields.done);
    if (fields.total !== undefined) set('total', fields.total);
    if (fields.failure !== undefined) set('failure', fields.failure);
    if (fields.counts) {
      set('create_count', fields.counts.create);
      set('update_count', fields.counts.update);
      set('unchanged_count', fields.counts.unchanged);
      set('error_count', fields.counts.error);
    }
    if (fields.committed) sets.push('committed_at = now()');
    await manager.query(`UPDATE import_runs SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** Takes a validated run without errors for committing; false when it is not one (any more). */
  async claimForCommit(id: string): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE import_runs SET status = 'committing', done = 0, cancel_requested = false, heartbeat_at = now()
        WHERE id = $1 AND status = 'validated' AND error_count = 0 RETURNING id`,
      [id],
    )) as unknown[];
    // TypeORM answers an UPDATE with [rows, count].
    const rows = Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
    return rows.length > 0;
  }

  async requestCancel(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE import_runs SET cancel_requested = true WHERE id = $1`, [id]);
  }

  async cancelRequested(id: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT cancel_requested AS c FROM import_runs WHERE id = $1`,
      [id],
    )) as { c: boolean }[];
    return row?.c ?? true;
  }

  /**
   * Runs whose process died (their job stopped touching them): failed, so
   * nobody waits for them. Only runs quiet for `staleSeconds`, as other API
   * processes may be running theirs right now.
   */
  async failAbandoned(staleSeconds: number, exceptIds: readonly string[] = []): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_runs SET status = 'failed', failure = 'interrupted: the API process running it stopped'
        WHERE status IN ('validating', 'committing') AND heartbeat_at < now() - make_interval(secs => $1)
          AND NOT (id = ANY($2::uuid[]))`,
      [staleSeconds, exceptIds],
    );
  }

  /** One chunk's rows in one statement (again on a re-check: the new plan replaces the old). */
  async storeRows(importId: string, rows: readonly PlannedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    await this.dataSource.query(
      `INSERT INTO import_rows (import_id, row, key, action, errors, "values", before, after)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::jsonb[], $8::jsonb[])
       ON CONFLICT (import_id, row) DO UPDATE SET key = excluded.key, action = excluded.action,
         errors = excluded.errors, "values" = excluded."values", before = excluded.before, after = excluded.after`,
      [
        importId,
        rows.map((row) => row.row),
        rows.map((row) => row.key),
        rows.map((row) => row.action),
        rows.map((row) => json(row.errors)),
        rows.map((row) => json(row.values)),
        rows.map((row) => json(row.before)),
        rows.map((row) => json(row.after)),
      ],
    );
  }

  /** Stored rows after `afterRow`, in file order (keyset paging: the commit reads them back a chunk at a time). */
  readRows(manager: EntityManager, importId: string, afterRow: number, limit: number): Promise<StoredRow[]> {
    return manager.query(
      `SELECT row, key, action, errors, "values", after FROM import_rows
        WHERE import_id = $1 AND row > $2 ORDER BY row LIMIT $3`,
      [importId, afterRow, limit],
    ) as Promise<StoredRow[]>;
  }

  /** The rows a result shows: errors first, then the rest, each in file order (the PK's order). */
  async firstResults(importId: string, limit: number, errors: number): Promise<ImportRowResult[]> {
    const query = (where: string, count: number) =>
      this.dataSource.query(
        `SELECT row, key, action, errors FROM import_rows WHERE import_id = $1 AND ${where}
          ORDER BY row LIMIT $2`,
        [importId, count],
      ) as Promise<ImportRowResult[]>;
    // Without errors (most runs) the first rows come straight off the primary key.
    const failed = errors > 0 ? await query(`action = 'error'`, limit) : [];
    const rest = failed.length < limit ? await query(`action <> 'error'`, limit - failed.length) : [];
    return [...failed, ...rest];
  }

  async rowDetails(
    importId: string,
    action: ImportAction | undefined,
    page: PageRequest,
  ): Promise<[ImportRowDetail[], number]> {
    const rows = (await this.dataSource.query(
      `SELECT row, key, action, errors, "values", before, after FROM import_rows
        WHERE import_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY row OFFSET $3 LIMIT $4`,
      [importId, action ?? null, page.offset, page.pageSize],
    )) as ImportRowDetail[];
    const [count] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1 AND ($2::text IS NULL OR action = $2)`,
      [importId, action ?? null],
    )) as { n: number }[];
    return [rows, count?.n ?? 0];
  }

  /** Error rows after `afterRow`, in file order, for the errors file. */
  errorRows(importId: string, afterRow: number, limit: number): Promise<StoredRow[]> {
    return this.dataSource.query(
      `SELECT row, key, action, errors, "values", after FROM import_rows
        WHERE import_id = $1 AND action = 'error' AND row > $2 ORDER BY row LIMIT $3`,
      [importId, afterRow, limit],
    ) as Promise<StoredRow[]>;
  }

  /** Dry runs nobody committed, older than `days`: their rows are the bulk of the table. */
  async pruneDryRuns(days: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM import_runs WHERE status IN ('validated', 'failed', 'cancelled')
          AND created_at < now() - make_interval(days => $1)`,
      [days],
    );
  }
}

export function toJob(run: RunRecord): ImportJob {
  return {
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    format: run.format,
    status: run.status,
    progress: { done: run.done, total: run.total },
    counts: run.counts,
    failure: run.failure,
    createdAt: new Date(run.createdAt).toISOString(),
    createdBy: { id: run.createdById, name: run.createdByName },
    committedAt: run.committedAt ? new Date(run.committedAt).toISOString() : null,
  };
}
