import { HttpStatus, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Request } from 'express';
import type {
  ImportAction,
  ImportJob,
  ImportKindInfo,
  ImportResult,
  ImportRowDetail,
  Page,
} from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { notFound, ProblemException } from '../common/http/problem';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { checkHeader } from './file-header';
import { FileFailure, fileRecords } from './file-records';
import type { ImportKindHandler } from './import-kind';
import { ImportRegistry } from './import-registry';
import { ImportRunner } from './import-runner';
import { ImportsRepository, toJob } from './imports.repository';
import { storeUpload, type StoredUpload } from './upload-file';

/** How long a request waits for its job before answering 202 with the job to poll. */
const SYNC_WAIT_MS = 1_500;
/** Rows an ImportResult carries; the rest are paged by GET /api/imports/:id/rows. */
const RESULT_ROWS = 200;
/** A running job touches its run after every chunk; quieter than this, its process is gone. */
const ABANDONED_AFTER_S = 120;
/** Dry runs nobody committed (and failed or cancelled runs) are deleted with their rows after this. */
const KEEP_UNCOMMITTED_DAYS = 30;

/** An answer to a request that started or commits a run: 200 when it finished in time, else 202. */
export interface RunAnswer {
  status: 200 | 202;
  body: ImportResult | ImportJob;
  location?: string;
}

/**
 * The use cases of imports: upload a file for a dry run (and commit it),
 * commit or cancel a run, read runs and their rows. Files are read and
 * checked by ImportRunner jobs; the handlers know the records.
 */
@Injectable()
export class ImportsService implements OnApplicationBootstrap {
  constructor(
    private readonly registry: ImportRegistry,
    private readonly runner: ImportRunner,
    private readonly runs: ImportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runs.failAbandoned(ABANDONED_AFTER_S);
    await this.runs.pruneDryRuns(KEEP_UNCOMMITTED_DAYS);
  }

  kinds(): ImportKindInfo[] {
    return this.registry.kinds();
  }

  handler(kind: string): ImportKindHandler {
    return this.registry.handler(kind);
  }

  /**
   * A file for a kind: the header is checked at once (a bad one fails the
   * run: 400), then the rows in a job; without `dryRun` the job commits
   * when no row has an error.
   */
  async upload(
    actor: AuthUser,
    kind: string,
    request: Request,
    options: { dryRun: boolean; fileName?: string },
  ): Promise<RunAnswer> {
    const handler = this.registry.handler(kind);
    const upload = await storeUpload(request, this.config.importMaxBytes);
    const fileName = options.fileName?.trim() || `${kind}.${upload.format}`;
    const id = await this.runs.createRun({
      kind: handler.info.kind,
      fileName,
      format: upload.format,
      createdBy: actor.id,
    });
    let header: string[];
    try {
      header = await readHeader(upload, handler);
    } catch (error) {
      await upload.remove();
      if (!(error instanceof FileFailure)) throw error;
      await this.runs.update(id, { status: 'failed', failure: error.message });
      throw new ProblemException(HttpStatus.BAD_REQUEST, error.message, undefined, undefined, {
        importId: id,
      });
    }
    await this.runs.update(id, { columns: header });
    let outcome: string | undefined;
    const job = this.runner.start(id, async () => {
      await this.runner.dryRunFile(id, handler, actor, upload, header);
      if (!options.dryRun) outcome = await this.commitChecked(id, handler, actor);
    });
    return this.answer(id, job, () => {
      if (!options.dryRun && outcome !== 'committed' && outcome !== 'cancelled')
        return conflictAbout(outcome);
      return null;
    });
  }

  async commit(actor: AuthUser, id: string): Promise<RunAnswer> {
    const run = await this.runs.find(id);
    if (!run) throw notFound('Import');
    const handler = this.registry.handler(run.kind);
    if (run.status === 'committed') throw new ProblemException(409, 'This import is already committed');
    if (run.status === 'validating' || run.status === 'committing') {
      throw new ProblemException(409, 'This import is still running: wait for it to finish');
    }
    if (run.counts.error > 0) {
      throw new ProblemException(409, conflictAbout('errors'), undefined, undefined, {
        result: await this.result(id),
      });
    }
    if (run.status !== 'validated') throw new ProblemException(409, `This import is ${run.status}`);
    if (!(await this.runs.claimForCommit(id))) {
      throw new ProblemException(409, 'This import is being committed or has changed: look at it again');
    }
    let outcome: string | undefined;
    const job = this.runner.start(id, async () => {
      outcome = await this.runner.commit(id, handler, actor);
    });
    return this.answer(id, job, () => (outcome === 'changed' ? conflictAbout(outcome) : null));
  }

  async cancel(id: string): Promise<ImportJob> {
    const run = await this.runs.find(id);
    if (!run) throw notFound('Import');
    if (run.status !== 'validating' && run.status !== 'committing') {
      throw new ProblemException(409, `This import is ${run.status}: there is nothing to cancel`);
    }
    await this.runs.requestCancel(id);
    return toJob(run);
  }

  async list(page: PageRequest): Promise<Page<ImportJob>> {
    const [runs, total] = await this.runs.list(page);
    return pageOf(runs.map(toJob), total, page);
  }

  async result(id: string): Promise<ImportResult> {
    let run = await this.runs.find(id);
    if (!run) throw notFound('Import');
    if ((run.status === 'validating' || run.status === 'committing') && !this.runner.job(id)) {
      await this.runs.failAbandoned(ABANDONED_AFTER_S, this.runner.runningIds());
      run = (await this.runs.find(id)) ?? run;
    }
    const rows =
      run.status === 'validating' ? [] : await this.runs.firstResults(id, RESULT_ROWS, run.counts.error);
    return { ...toJob(run), rows };
  }

  async rows(
    id: string,
    action: ImportAction | undefined,
    page: PageRequest,
  ): Promise<Page<ImportRowDetail>> {
    if (!(await this.runs.find(id))) throw notFound('Import');
    const [rows, total] = await this.runs.rowDetails(id, action, page);
    return pageOf(rows, total, page);
  }

  /** The header and the error rows, a page at a time, for the errors file. */
  async errorsFile(
    id: string,
  ): Promise<{ header: string[]; rows: AsyncIterable<string[]>; fileName: string }> {
    const run = await this.runs.find(id);
    if (!run) throw notFound('Import');
    const runs = this.runs;
    const columns = run.columns;
    async function* rows(): AsyncGenerator<string[]> {
      let after = 0;
      for (;;) {
        const page = await runs.errorRows(id, after, 1_000);
        for (const row of page) {
          const message = row.errors.map((error) =>
            error.field ? `${error.field}: ${error.message}` : error.message,
          );
          yield [...columns.map((name) => row.values[name] ?? ''), message.join('; ')];
        }
        if (page.length < 1_000) return;
        after = page[page.length - 1]?.row ?? after;
      }
    }
    const base = run.fileName.replace(/\.[^.]+$/, '');
    return { header: [...run.columns, 'error'], rows: rows(), fileName: `${base}-errors.csv` };
  }

  /** The commit of a freshly checked run, or why not (its errors). */
  private async commitChecked(id: string, handler: ImportKindHandler, actor: AuthUser): Promise<string> {
    const run = await this.runs.find(id);
    if (!run || run.status !== 'validated') return run?.status ?? 'missing';
    if (run.counts.error > 0) {
      await this.runs.update(id, { status: 'failed', failure: conflictAbout('errors') });
      return 'errors';
    }
    if (!(await this.runs.claimForCommit(id))) return 'changed';
    return this.runner.commit(id, handler, actor);
  }

  /** 200 with the result when the job ends within SYNC_WAIT_MS (or 409 when `refusal` says), else 202. */
  private async answer(id: string, job: Promise<void>, refusal: () => string | null): Promise<RunAnswer> {
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      job.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), SYNC_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      const run = await this.runs.find(id);
      if (!run) throw notFound('Import');
      return { status: 202, body: toJob(run), location: `/api/imports/${id}` };
    }
    const result = await this.result(id);
    const refused = refusal();
    if (refused) throw new ProblemException(409, refused, undefined, undefined, { result });
    // The file itself could not be read (a quote never closed, a broken workbook): as a bad header, a 400.
    if (result.status === 'failed') {
      throw new ProblemException(400, result.failure ?? 'The file could not be read', undefined, undefined, {
        importId: id,
      });
    }
    return { status: 200, body: result };
  }
}

async function readHeader(upload: StoredUpload, handler: ImportKindHandler): Promise<string[]> {
  const records = fileRecords(upload.path, upload.format);
  try {
    const first = await records.next();
    return checkHeader(first.done ? undefined : first.value, handler.info);
  } finally {
    await records.return(undefined);
  }
}

function conflictAbout(outcome: string | undefined): string {
  if (outcome === 'errors') return 'Some rows have errors: nothing was written (see the result)';
  if (outcome === 'changed') {
    return 'The data changed since the dry run: nothing was written; this is the new result';
  }
  return `The import was not committed (${outcome ?? 'unknown'})`;
}
