import { HttpEventType, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { ConnectionState } from './connection-state';
import { retryWhileReconnecting } from './retry-while-reconnecting';

/**
 * API calls through a server that is away for a moment (a 503 with
 * Retry-After, a proxy's 502/504, no answer): reads are tried again after
 * the Retry-After, a bounded number of times, while the banner says
 * "Reconnecting to the server…"; writes fail at once (see reconnect-policy).
 */
export const reconnectingInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  return retryWhileReconnecting(
    request,
    next(request),
    inject(ConnectionState),
    (event) => event.type === HttpEventType.Response,
  );
};
