import type {
  ImportAction,
  ImportCounts,
  ImportJob,
  ImportProgress,
  ImportStatus,
} from '@tradecounter/contracts';

/** The tones of a status chip (styles.scss), plus `bad` for errors and failures. */
export type ImportTone = 'wait' | 'ok' | 'move' | 'end' | 'bad';

const ACTION_LABELS: Record<ImportAction, string> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'Unchanged',
  error: 'Error',
};
const ACTION_TONES: Record<ImportAction, ImportTone> = {
  create: 'ok',
  update: 'move',
  unchanged: 'end',
  error: 'bad',
};

/** The filter chips' order: what needs fixing first. */
export const ACTION_FILTERS: readonly ImportAction[] = ['error', 'create', 'update', 'unchanged'];

export function actionLabel(action: ImportAction): string {
  return ACTION_LABELS[action];
}

export function actionTone(action: ImportAction): ImportTone {
  return ACTION_TONES[action];
}

const STATUS_LABELS: Record<ImportStatus, string> = {
  validating: 'Checking',
  validated: 'Checked',
  committing: 'Committing',
  committed: 'Committed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
const STATUS_TONES: Record<ImportStatus, ImportTone> = {
  validating: 'move',
  validated: 'wait',
  committing: 'move',
  committed: 'ok',
  failed: 'bad',
  cancelled: 'end',
};

export function importStatusLabel(status: ImportStatus): string {
  return STATUS_LABELS[status];
}

export function importStatusTone(status: ImportStatus): ImportTone {
  return STATUS_TONES[status];
}

/** Still working on the server: the page polls it and offers Cancel. */
export function isRunning(status: ImportStatus): boolean {
  return status === 'validating' || status === 'committing';
}

/**
 * Why Commit is not offered, in words for beside the button; '' when it is:
 * a checked dry run without errors that changes something.
 */
export function commitBlocker(job: ImportJob): string {
  if (job.status === 'committed') return 'Committed.';
  if (job.status === 'failed') return job.failure ?? 'The file could not be read.';
  if (job.status === 'cancelled') return 'Cancelled: nothing was written.';
  if (isRunning(job.status)) return '';
  if (job.counts.error > 0) {
    const rows = job.counts.error === 1 ? '1 row has an error' : `${job.counts.error} rows have errors`;
    return `${rows}: fix the file and upload it again. Nothing is written while any row has an error.`;
  }
  if (job.counts.create + job.counts.update === 0) return 'Nothing to change: every row is unchanged.';
  return '';
}

export function canCommit(job: ImportJob): boolean {
  return job.status === 'validated' && commitBlocker(job) === '';
}

/** "3 created, 1 updated" — what a commit writes (or wrote). */
export function changeSummary(counts: ImportCounts): string {
  const parts = [];
  if (counts.create) parts.push(`${counts.create} created`);
  if (counts.update) parts.push(`${counts.update} updated`);
  if (!parts.length) return 'nothing changed';
  return parts.join(', ');
}

/** The confirmation before a commit: "Products: 3 will be created and 1 updated. …" */
export function commitMessage(counts: ImportCounts, label: string): string {
  const parts = [];
  if (counts.create) parts.push(`${counts.create} will be created`);
  if (counts.update)
    parts.push(counts.create ? `${counts.update} updated` : `${counts.update} will be updated`);
  const what = parts.length ? parts.join(' and ') : 'nothing will change';
  const unchanged = counts.unchanged
    ? ` ${counts.unchanged} unchanged ${counts.unchanged === 1 ? 'row is' : 'rows are'} left alone.`
    : '';
  return `${label}: ${what}.${unchanged} The rows are checked again and written all at once, or not at all.`;
}

function rows(count: number): string {
  return count === 1 ? 'row' : 'rows';
}

/** "120 of 400 rows checked"; "Reading the file…" until the total is known. */
export function progressText(progress: ImportProgress, status: ImportStatus): string {
  if (progress.total === null) return 'Reading the file…';
  const verb = status === 'committing' ? 'written' : 'checked';
  return `${progress.done} of ${progress.total} ${rows(progress.total)} ${verb}`;
}

/** The determinate bar's value; null (an indeterminate bar) until the total is known. */
export function progressPercent(progress: ImportProgress): number | null {
  if (progress.total === null) return null;
  if (progress.total === 0) return 100;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}
