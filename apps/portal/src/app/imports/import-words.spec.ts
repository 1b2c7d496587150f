import type { ImportJob } from '@tradecounter/contracts';
import {
  canCommit,
  changeSummary,
  commitBlocker,
  commitMessage,
  isRunning,
  progressPercent,
  progressText,
} from './import-words';

function job(changes: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'job-1',
    kind: 'products',
    fileName: 'products.csv',
    format: 'csv',
    status: 'validated',
    progress: { done: 4, total: 4 },
    counts: { create: 3, update: 1, unchanged: 0, error: 0 },
    failure: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    createdBy: { id: 'u1', name: 'Ada Admin' },
    committedAt: null,
    ...changes,
  };
}

describe('whether a dry run may be committed', () => {
  it('commits a checked dry run without errors that changes something', () => {
    expect(canCommit(job())).toBe(true);
    expect(commitBlocker(job())).toBe('');
  });

  it('refuses while any row has an error, saying how many', () => {
    const bad = job({ counts: { create: 2, update: 0, unchanged: 0, error: 1 } });
    expect(canCommit(bad)).toBe(false);
    expect(commitBlocker(bad)).toMatch(/^1 row has an error: fix the file/);
    expect(commitBlocker(job({ counts: { create: 0, update: 0, unchanged: 0, error: 3 } }))).toMatch(
      /^3 rows have errors/,
    );
  });

  it('refuses a file that changes nothing (the same file twice)', () => {
    const same = job({ counts: { create: 0, update: 0, unchanged: 4, error: 0 } });
    expect(canCommit(same)).toBe(false);
    expect(commitBlocker(same)).toBe('Nothing to change: every row is unchanged.');
  });

  it('refuses while it runs, and once it ended otherwise than checked', () => {
    expect(canCommit(job({ status: 'validating' }))).toBe(false);
    expect(canCommit(job({ status: 'committing' }))).toBe(false);
    expect(canCommit(job({ status: 'committed' }))).toBe(false);
    expect(canCommit(job({ status: 'cancelled' }))).toBe(false);
    const failed = job({ status: 'failed', failure: 'Unknown column: colour' });
    expect(canCommit(failed)).toBe(false);
    expect(commitBlocker(failed)).toBe('Unknown column: colour');
  });

  it('polls only while the server works on it', () => {
    expect(['validating', 'committing'].filter((s) => isRunning(s as ImportJob['status']))).toHaveLength(2);
    expect(isRunning('validated')).toBe(false);
    expect(isRunning('committed')).toBe(false);
  });
});

describe('what a commit changes, in words', () => {
  it('names the creates and updates, and nothing when neither', () => {
    expect(changeSummary({ create: 3, update: 1, unchanged: 5, error: 0 })).toBe('3 created, 1 updated');
    expect(changeSummary({ create: 0, update: 2, unchanged: 0, error: 0 })).toBe('2 updated');
    expect(changeSummary({ create: 0, update: 0, unchanged: 2, error: 0 })).toBe('nothing changed');
  });

  it('confirms what will be created and updated, and that it is all or nothing', () => {
    expect(commitMessage({ create: 3, update: 1, unchanged: 2, error: 0 }, 'Products')).toBe(
      'Products: 3 will be created and 1 updated. 2 unchanged rows are left alone. ' +
        'The rows are checked again and written all at once, or not at all.',
    );
    expect(commitMessage({ create: 0, update: 1, unchanged: 1, error: 0 }, 'Stock')).toBe(
      'Stock: 1 will be updated. 1 unchanged row is left alone. ' +
        'The rows are checked again and written all at once, or not at all.',
    );
  });
});

describe('a running import’s progress', () => {
  it('counts rows checked, or written while committing', () => {
    expect(progressText({ done: 120, total: 400 }, 'validating')).toBe('120 of 400 rows checked');
    expect(progressText({ done: 0, total: 1 }, 'committing')).toBe('0 of 1 row written');
  });

  it('reads the file before it knows the total: an indeterminate bar', () => {
    expect(progressText({ done: 0, total: null }, 'validating')).toBe('Reading the file…');
    expect(progressPercent({ done: 0, total: null })).toBeNull();
  });

  it('fills the bar in whole percent, full for an empty file', () => {
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 0, total: 0 })).toBe(100);
  });
});
