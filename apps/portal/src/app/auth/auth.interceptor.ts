import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';

const UNAUTHENTICATED_PATHS = ['/api/auth/login', '/api/auth/refresh'];

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds the bearer token to API calls. On a 401 it refreshes once (shared by
 * every request that failed meanwhile) and retries; if that fails, the user
 * signs in again and comes back to where they were.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (
    !request.url.startsWith('/api/') ||
    UNAUTHENTICATED_PATHS.some((path) => request.url.startsWith(path))
  ) {
    return next(request);
  }
  const auth = inject(AuthService);
  if (request.headers.has('Authorization')) return next(request);
  const usedToken = auth.accessToken();
  return next(withToken(request, usedToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !auth.isLoggedIn()) {
        return throwError(() => error);
      }
      const current = auth.accessToken();
      // Another call already renewed the token while this one was in flight.
      if (current && current !== usedToken) return next(withToken(request, current));
      return auth.refresh().pipe(
        catchError((refreshError: unknown) => {
          auth.expire();
          return throwError(() => refreshError);
        }),
        switchMap((session) => next(withToken(request, session.accessToken))),
      );
    }),
  );
};
