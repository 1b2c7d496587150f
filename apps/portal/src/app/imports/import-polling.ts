import type { ImportJob } from '@tradecounter/contracts';
import { concat, exhaustMap, type Observable, of, takeWhile, timer } from 'rxjs';
import { isRunning } from './import-words';

/** How often a running import is asked for its progress. */
export const POLL_INTERVAL_MS = 1000;

/**
 * The job as given, then, while it runs, the job fetched again every
 * interval until it has stopped (that last state included). A slow answer
 * is waited for rather than overtaken (exhaustMap).
 */
export function followJob(
  job: ImportJob,
  fetch: () => Observable<ImportJob>,
  interval = POLL_INTERVAL_MS,
): Observable<ImportJob> {
  if (!isRunning(job.status)) return of(job);
  return concat(
    of(job),
    timer(interval, interval).pipe(
      exhaustMap(fetch),
      takeWhile((next) => isRunning(next.status), true),
    ),
  );
}
