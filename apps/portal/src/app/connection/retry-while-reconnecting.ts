import { Observable, retry, tap, timer } from 'rxjs';
import { HttpErrorLike, isUnavailable, reconnectDelayMs, RequestLike } from './reconnect-policy';

/** What the connection banner hears: the server went away, or answered again. */
export interface ConnectionEvents {
  lost(): void;
  restored(): void;
}

/**
 * A call that reports the connection's state and, when it is a read and the
 * server is away, is tried again after the server's Retry-After (bounded; see
 * reconnect-policy). Any other error goes on to the caller unchanged.
 */
export function retryWhileReconnecting<T>(
  request: RequestLike,
  call: Observable<T>,
  connection: ConnectionEvents,
  isResponse: (event: T) => boolean,
): Observable<T> {
  return call.pipe(
    tap((event) => {
      if (isResponse(event)) connection.restored();
    }),
    retry({
      delay: (error: unknown, attempt: number) => {
        if (!isHttpError(error)) throw error;
        if (isUnavailable(error.status)) connection.lost();
        const waitMs = reconnectDelayMs(request, error, attempt);
        if (waitMs === null) throw error;
        return timer(waitMs);
      },
    }),
  );
}

function isHttpError(error: unknown): error is HttpErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<HttpErrorLike>;
  return typeof candidate.status === 'number' && typeof candidate.headers?.get === 'function';
}
