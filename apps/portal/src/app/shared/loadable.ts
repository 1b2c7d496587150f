import type { Problem } from '@tradecounter/contracts';
import { catchError, map, Observable, of, scan, startWith, switchMap } from 'rxjs';
import { toProblem } from './problem';

/** The state of one piece of server data as a page shows it. */
export interface Loadable<T> {
  loading: boolean;
  value: T | undefined;
  problem: Problem | undefined;
}

export const INITIAL_LOADABLE: Loadable<never> = { loading: true, value: undefined, problem: undefined };

export function loadable<T>(request: Observable<T>): Observable<Loadable<T>> {
  return request.pipe(
    map((value): Loadable<T> => ({ loading: false, value, problem: undefined })),
    catchError((error: unknown) =>
      of<Loadable<T>>({ loading: false, value: undefined, problem: toProblem(error) }),
    ),
    startWith<Loadable<T>>(INITIAL_LOADABLE),
  );
}

/**
 * Fetches on every trigger, cancelling the previous request (switchMap), and
 * keeps the last value on screen while the next one loads.
 */
export function loadOnEach<Q, T>(
  trigger$: Observable<Q>,
  fetch: (query: Q) => Observable<T>,
): Observable<Loadable<T>> {
  return trigger$.pipe(
    switchMap((query) => loadable(fetch(query))),
    scan(
      (previous: Loadable<T>, next: Loadable<T>) =>
        next.loading ? { ...next, value: previous.value } : next,
      INITIAL_LOADABLE,
    ),
  );
}
