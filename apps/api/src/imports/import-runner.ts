import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DatabaseOutage } from '../database/database-outage';
import type { ImportCounts } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { countDataRows, FileFailure, fileRecords } from './file-records';
import { rowValues } from './file-header';
import type { ImportKindHandler, ImportRow } from './import-kind';
import { ImportsRepository, type StoredRow } from './imports.repository';
import { FileKeys, planChunk, type PlannedRow } from './plan-chunk';
import { CHUNK_ROWS, rowChunks } from './row-chunks';
import type { StoredUpload } from './upload-file';
import type { FieldError } from '@tradecounter/contracts';

class Cancelled extends Error {}
class Interrupted extends Error {}
class ChangedSinceDryRun extends Error {}

type SourceRow = ImportRow & { refused?: FieldError };

/**
 * Runs dry runs and commits as jobs in this process, a chunk at a time,
 * writing their progress and rows to the database after every chunk (so any
 * process can report on them) and looking for a cancel between chunks.
 */
@Injectable()
export class ImportRunner implements OnModuleDestroy {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly repository: ImportsRepository,
    private readonly dataSource: DataSource,
    private readonly outage: DatabaseOutage,
  ) {}

  /** The job of a run, if this process is running it. */
  job(id: string): Promise<void> | undefined {
    return this.running.get(id);
  }

  runningIds(): string[] {
    return [...this.running.keys()];
  }

  /** Starts a job; its failures end up in the run's status, never as an unhandled rejection. */
  start(id: string, work: () => Promise<void>): Promise<void> {
    const job = work()
      .catch(async (error: unknown) => {
        const unreachable = this.outage.noticed(error);
        if (!(error instanceof FileFailure) && !unreachable) {
          this.logger.error(`Import ${id} failed: ${String((error as Error).stack ?? error)}`);
        }
        const failure =
          error instanceof FileFailure
            ? error.message
            : unreachable
              ? 'The import stopped: the database was unreachable; run it again'
              : `The import stopped: ${(error as Error).message}`;
        // While the database is away this fails too; the abandoned-run sweep marks it later.
        await this.repository.update(id, { status: 'failed', failure }).catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, job);
    return job;
  }

  /** Reads and checks the whole file, storing each row's plan; the file is removed after. */
  async dryRunFile(
    id: string,
    handler: ImportKindHandler,
    actor: AuthUser,
    upload: StoredUpload,
    header: string[],
  ): Promise<void> {
    try {
      await this.repository.update(id, { total: await countDataRows(upload.path, upload.format) });
      await this.validate(id, handler, actor, fileRows(upload, header));
    } finally {
      await upload.remove();
    }
  }

  /** Checks rows sent as JSON (an ERP sync) as a file's rows would be, storing each row's plan. */
  async dryRunRows(
    id: string,
    handler: ImportKindHandler,
    actor: AuthUser,
    rows: ImportRow[],
  ): Promise<void> {
    await this.repository.update(id, { total: rows.length });
    async function* source(): AsyncGenerator<SourceRow> {
      yield* rows;
    }
    await this.validate(id, handler, actor, source());
  }

  /**
   * Commits a validated run in one transaction: each chunk of its stored rows
   * is planned again against the data as it is now; any difference from the
   * dry run rolls everything back and the run is checked again (its new
   * result stored). Returns what happened.
   */
  async commit(
    id: string,
    handler: ImportKindHandler,
    actor: AuthUser,
  ): Promise<'committed' | 'changed' | 'cancelled'> {
    try {
      await this.dataSource.transaction(async (tx) => {
        const context = { manager: tx, actor, importId: id, state: new Map<string, unknown>() };
        const keys = new FileKeys(keyField(handler));
        const stored = new Map<number, StoredRow>();
        let done = 0;
        for await (const chunk of rowChunks(storedRows(this.repository, tx, id, stored), handler)) {
          await this.checkStop(id);
          const plans = await planChunk(chunk, handler, context, keys);
          if (!plans.every((plan) => sameAsStored(plan, stored.get(plan.row))))
            throw new ChangedSinceDryRun();
          for (const plan of plans) stored.delete(plan.row);
          await handler.apply(
            plans.filter((plan) => plan.action === 'create' || plan.action === 'update'),
            context,
          );
          done += chunk.length;
          await this.repository.update(id, { done });
        }
        await this.checkStop(id);
        await this.repository.update(id, { status: 'committed', committed: true, done }, tx);
      });
      return 'committed';
    } catch (error) {
      if (error instanceof ChangedSinceDryRun) {
        await this.repository.update(id, { status: 'validating', done: 0 });
        await this.validate(
          id,
          handler,
          actor,
          storedValues(this.repository, this.dataSource.manager, id),
          true,
        );
        return 'changed';
      }
      if (error instanceof Cancelled) {
        await this.repository.update(id, { status: 'cancelled' });
        return 'cancelled';
      }
      if (error instanceof Interrupted) {
        await this.repository.update(id, { status: 'failed', failure: 'interrupted: the API stopped' });
        return 'cancelled';
      }
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Plans every row of `rows` and stores the plans and counts; a re-check after a refused commit says so. */
  private async validate(
    id: string,
    handler: ImportKindHandler,
    actor: AuthUser,
    rows: AsyncIterable<SourceRow>,
    recheck = false,
  ): Promise<void> {
    const context = {
      manager: this.dataSource.manager,
      actor,
      importId: id,
      state: new Map<string, unknown>(),
    };
    const keys = new FileKeys(keyField(handler));
    const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
    let done = 0;
    try {
      for await (const chunk of rowChunks(rows, handler)) {
        await this.checkStop(id);
        const plans = await planChunk(chunk, handler, context, keys);
        await this.repository.storeRows(id, plans);
        for (const plan of plans) counts[plan.action]++;
        done += plans.length;
        await this.repository.update(id, { done, counts });
      }
    } catch (error) {
      if (error instanceof Cancelled)
        return this.repository.update(id, { status: 'cancelled', done, counts });
      if (error instanceof Interrupted) {
        return this.repository.update(id, { status: 'failed', failure: 'interrupted: the API stopped' });
      }
      throw error;
    }
    const failure =
      recheck && counts.error > 0
        ? `The data changed since the dry run: ${counts.error} row${counts.error > 1 ? 's' : ''} now ha${counts.error > 1 ? 've' : 's'} errors`
        : null;
    await this.repository.update(id, {
      status: failure ? 'failed' : 'validated',
      failure,
      done,
      total: done,
      counts,
    });
  }

  private async checkStop(id: string): Promise<void> {
    if (this.stopping) throw new Interrupted();
    if (await this.repository.cancelRequested(id)) throw new Cancelled();
  }
}

function keyField(handler: ImportKindHandler): string {
  return handler.info.columns.find((column) => column.key)?.name ?? '';
}

async function* fileRows(upload: StoredUpload, header: string[]): AsyncGenerator<SourceRow> {
  let first = true;
  for await (const record of fileRecords(upload.path, upload.format)) {
    if (first) {
      first = false;
      continue;
    }
    const { values, error } = rowValues(header, record, upload.format === 'csv');
    yield { row: record.row, values, ...(error ? { refused: { field: '', message: error } } : {}) };
  }
}

/** The stored rows' cells, a chunk at a time, each kept in `stored` until the commit has compared it. */
async function* storedRows(
  repository: ImportsRepository,
  manager: EntityManager,
  id: string,
  stored: Map<number, StoredRow>,
): AsyncGenerator<ImportRow> {
  let after = 0;
  for (;;) {
    const page = await repository.readRows(manager, id, after, CHUNK_ROWS);
    for (const row of page) {
      stored.set(row.row, row);
      yield { row: row.row, values: row.values };
    }
    if (page.length < CHUNK_ROWS) return;
    after = page[page.length - 1]?.row ?? after;
  }
}

async function* storedValues(
  repository: ImportsRepository,
  manager: EntityManager,
  id: string,
): AsyncGenerator<SourceRow> {
  const ignored = new Map<number, StoredRow>();
  for await (const row of storedRows(repository, manager, id, ignored)) {
    ignored.delete(row.row);
    yield row;
  }
}

/** The commit's plan of a row is the dry run's: the same action, errors and resulting record. */
function sameAsStored(plan: PlannedRow, stored: StoredRow | undefined): boolean {
  return (
    stored !== undefined &&
    stored.action === plan.action &&
    canonical(stored.errors) === canonical(plan.errors) &&
    canonical(stored.after) === canonical(plan.after)
  );
}

/** JSON with sorted keys: jsonb gives keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}
