import type { ImportJob, ImportStatus } from '@tradecounter/contracts';
import { TestScheduler } from 'rxjs/testing';
import { followJob } from './import-polling';

function job(status: ImportStatus, done = 0): ImportJob {
  return {
    id: 'job-1',
    kind: 'stock',
    fileName: 'stock.csv',
    format: 'csv',
    status,
    progress: { done, total: 10 },
    counts: { create: 0, update: 0, unchanged: 0, error: 0 },
    failure: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    createdBy: { id: 'u1', name: 'Ada Admin' },
    committedAt: null,
  };
}

describe('following a running import', () => {
  const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('gives a finished job once, without asking the server', () => {
    scheduler().run(({ expectObservable }) => {
      const fetch = jest.fn();
      expectObservable(followJob(job('validated'), fetch, 10)).toBe('(a|)', { a: job('validated') });
      expect(fetch).not.toHaveBeenCalled();
    });
  });

  it('asks again every interval until the job stops, and ends with the stopped state', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const answers = [job('validating', 5), job('validated', 10)];
      let call = 0;
      const fetch = () => cold('-r|', { r: answers[call++] as ImportJob });
      expectObservable(followJob(job('validating'), fetch, 10)).toBe('a 10ms b 9ms (c|)', {
        a: job('validating'),
        b: job('validating', 5),
        c: job('validated', 10),
      });
    });
  });
});
