import type { ImportJob } from '@tradecounter/contracts';
import { conflictResult } from './import-conflict';

/** What HttpClient fails with: an HttpErrorResponse's status and body. */
function failure(status: number, error: unknown) {
  return { name: 'HttpErrorResponse', status, error };
}

const job = {
  id: 'job-2',
  status: 'validated',
  counts: { create: 1, update: 1, unchanged: 0, error: 0 },
} as ImportJob;

describe('a commit refused because something changed since the dry run', () => {
  it('reads the new result from the problem, or from the body itself', () => {
    const problem = { type: 'about:blank', title: 'Changed since the dry run', status: 409, result: job };
    expect(conflictResult(failure(409, problem))).toEqual({
      conflict: true,
      job,
    });
    expect(conflictResult(failure(409, job))).toEqual({
      conflict: true,
      job,
    });
  });

  it('is still a conflict without a result (the page fetches the run again)', () => {
    const bare = failure(409, { title: 'Conflict', status: 409 });
    expect(conflictResult(bare)).toEqual({ conflict: true, job: undefined });
  });

  it('leaves any other failure alone', () => {
    expect(conflictResult(failure(400, job)).conflict).toBe(false);
    expect(conflictResult(new Error('offline')).conflict).toBe(false);
  });
});
