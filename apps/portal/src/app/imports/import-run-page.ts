import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { ImportJob } from '@tradecounter/contracts';
import { catchError, map, of, skip, type Subscription, throwError } from 'rxjs';
import { confirmAction } from '../shared/confirm-dialog';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { humanize } from '../shared/labels';
import { problemMessage, toProblem } from '../shared/problem';
import { FileDownloads } from './file-downloads';
import { ImportStatusChip } from './import-chips';
import { conflictResult } from './import-conflict';
import { errorRowsFileName } from './import-file';
import { followJob } from './import-polling';
import { ImportRowsTable } from './import-rows-table';
import { ImportSender } from './import-sender';
import {
  canCommit,
  changeSummary,
  commitBlocker,
  commitMessage,
  isRunning,
  progressPercent,
  progressText,
} from './import-words';
import { ImportsApi } from './imports-api';

type CommitAnswer = { job: ImportJob } | { conflict: ImportJob | undefined };

/**
 * One import run: its progress while the server reads or writes it (with
 * Cancel), its dry run's rows (errors first), the error rows to download,
 * Commit when no row has an error, and what the commit changed.
 */
@Component({
  selector: 'tc-import-run-page',
  imports: [
    DisplayDateTimePipe,
    ErrorState,
    ImportRowsTable,
    ImportSender,
    ImportStatusChip,
    LoadingState,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-run-page.html',
  styleUrl: './import-run-page.scss',
})
export class ImportRunPage {
  private readonly api = inject(ImportsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly downloads = inject(FileDownloads);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.get(id),
    ),
  );
  private readonly kinds = toSignal(this.api.kinds().pipe(catchError(() => of([]))), { initialValue: [] });

  /** The run as last heard of: loaded, then followed while it runs, then replaced by each action's answer. */
  readonly job = signal<ImportJob | undefined>(undefined);
  readonly loading = computed(() => !this.job() && (this.loaded()?.loading ?? true));
  readonly problem = computed(() => (this.job() ? undefined : this.loaded()?.problem));
  /** Following the run failed (the connection dropped): Retry follows it again. */
  readonly lostTrack = signal('');
  /** The commit found changes since the dry run: the rows shown are the new check's. */
  readonly changedSinceDryRun = signal(false);
  readonly working = signal(false);
  readonly downloading = signal(false);
  /** Bumped when the run's rows changed, so the table fetches its page again. */
  readonly rowsVersion = signal(0);

  readonly info = computed(() => this.kinds().find((k) => k.kind === this.job()?.kind));
  readonly kindLabel = computed(() => this.info()?.label ?? humanize(this.job()?.kind ?? ''));
  readonly running = computed(() => {
    const job = this.job();
    return !!job && isRunning(job.status);
  });
  readonly percent = computed(() => {
    const job = this.job();
    return job ? progressPercent(job.progress) : null;
  });
  readonly progress = computed(() => {
    const job = this.job();
    return job ? progressText(job.progress, job.status) : '';
  });
  readonly blocker = computed(() => {
    const job = this.job();
    return job ? commitBlocker(job) : '';
  });
  readonly committable = computed(() => {
    const job = this.job();
    return !!job && canCommit(job);
  });
  /** A dry run that ended without writing anything: a corrected file may follow it. */
  readonly mayResend = computed(() => {
    const job = this.job();
    return !!job && (job.status === 'failed' || job.status === 'cancelled' || job.counts.error > 0);
  });
  readonly summary = computed(() => {
    const job = this.job();
    return job ? changeSummary(job.counts) : '';
  });

  private following: Subscription | undefined;
  private commitPending = false;

  constructor() {
    effect(() => {
      const job = this.loaded()?.value;
      if (!job) return;
      untracked(() => {
        // Another run (a corrected file's): the last one's conflict is not its.
        if (job.id !== this.job()?.id) this.changedSinceDryRun.set(false);
        this.follow(job);
      });
    });
    inject(DestroyRef).onDestroy(() => this.following?.unsubscribe());
  }

  /** Follows the run again (after losing track of it), or loads it again (after failing to). */
  retry(): void {
    const job = this.job();
    if (job) this.follow(job);
    else this.reloads.update((n) => n + 1);
  }

  cancel(job: ImportJob): void {
    this.working.set(true);
    this.api.cancel(job.id).subscribe({
      next: (next) => {
        this.working.set(false);
        this.follow(next);
      },
      error: (error: unknown) => {
        this.working.set(false);
        this.snackBar.open(`Not cancelled. ${problemMessage(toProblem(error))}`, 'Dismiss');
      },
    });
  }

  commit(job: ImportJob): void {
    confirmAction<CommitAnswer>(this.dialog, {
      title: `Commit ${job.fileName}?`,
      message: commitMessage(job.counts, this.kindLabel()),
      confirmLabel: 'Commit',
      action: () =>
        this.api.commit(job.id).pipe(
          map((next): CommitAnswer => ({ job: next })),
          // A 409 is an answer, not a failure: the dialog closes and the page shows the new check.
          catchError((error: unknown) => {
            const refused = conflictResult(error);
            return refused.conflict ? of<CommitAnswer>({ conflict: refused.job }) : throwError(() => error);
          }),
        ),
    }).subscribe((answer) => {
      if (!answer) return;
      if ('job' in answer) {
        this.changedSinceDryRun.set(false);
        // Still committing (202): a commit that ends checked again, not committed, found changes.
        this.commitPending = isRunning(answer.job.status);
        this.follow(answer.job);
      } else {
        if (answer.conflict) {
          this.changedSinceDryRun.set(true);
          this.follow(answer.conflict);
        } else {
          // No new result: committed meanwhile (another tab), or running; the run says which.
          this.api.get(job.id).subscribe((fresh) => {
            this.changedSinceDryRun.set(fresh.status !== 'committed' && !isRunning(fresh.status));
            this.follow(fresh);
          });
        }
      }
    });
  }

  downloadErrors(job: ImportJob): void {
    this.downloading.set(true);
    this.downloads.save(this.api.errorRows(job.id), errorRowsFileName(job.fileName), () =>
      this.downloading.set(false),
    );
  }

  /** Shows the run and, while it runs, asks for it every second until it stops; then its rows again. */
  private follow(job: ImportJob): void {
    this.following?.unsubscribe();
    this.lostTrack.set('');
    this.job.set(job);
    this.rowsVersion.update((n) => n + 1);
    this.following = followJob(job, () => this.api.get(job.id))
      .pipe(skip(1))
      .subscribe({
        next: (next) => {
          this.job.set(next);
          if (isRunning(next.status)) return;
          this.rowsVersion.update((n) => n + 1);
          if (this.commitPending && (next.status === 'validated' || next.status === 'failed')) {
            this.changedSinceDryRun.set(true);
          }
          this.commitPending = false;
        },
        error: (error: unknown) => this.lostTrack.set(problemMessage(toProblem(error))),
      });
  }
}
