import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type {
  LoginRequest,
  LoginResponse,
  RefreshRequest,
  Role,
  SetPasswordRequest,
  User,
} from '@tradecounter/contracts';
import {
  catchError,
  finalize,
  firstValueFrom,
  from,
  map,
  Observable,
  of,
  shareReplay,
  throwError,
} from 'rxjs';
import { readSession, Session, SESSION_KEY, sessionFromLogin, writeSession } from './session-storage';

/** Refresh this long before the access token expires, so a working buyer is never cut off. */
const REFRESH_AHEAD_MS = 60_000;
const MIN_REFRESH_DELAY_MS = 5_000;

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(readSession());
  private refreshInFlight: Observable<Session> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  readonly user = computed<User | null>(() => this.session()?.user ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  constructor() {
    effect(() => this.scheduleRefresh(this.session()));
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_KEY) this.session.set(readSession());
    };
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('storage', onStorage);
      clearTimeout(this.refreshTimer);
    });
  }

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  hasRole(roles: readonly Role[]): boolean {
    const user = this.user();
    return !!user && roles.includes(user.role);
  }

  login(credentials: LoginRequest): Observable<User> {
    return this.http
      .post<LoginResponse>('/api/auth/login', credentials)
      .pipe(map((response) => this.store(sessionFromLogin(response)).user));
  }

  /** Sets an invited user's password from their link's token; signs them in like login. */
  setPassword(request: SetPasswordRequest): Observable<User> {
    return this.http
      .post<LoginResponse>('/api/auth/set-password', request)
      .pipe(map((response) => this.store(sessionFromLogin(response)).user));
  }

  /**
   * Exchanges the refresh token for a new pair. Concurrent callers share one
   * request, and tabs take turns (a browser-wide lock): refresh tokens are
   * single use, and the API ends the whole session when a spent one comes
   * back, so two tabs must never present the same token.
   */
  refresh(): Observable<Session> {
    if (this.refreshInFlight) return this.refreshInFlight;
    const current = this.session();
    if (!current) return throwError(() => new Error('Not signed in'));
    this.refreshInFlight = from(oneTabAtATime(() => this.exchange(current))).pipe(
      catchError((error: unknown) => this.adoptOtherTabSession(current, error)),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** Revokes the refresh token on the server, then forgets the session. */
  logout(): void {
    const current = this.session();
    this.clear();
    void this.router.navigateByUrl('/login');
    if (current) {
      const body: RefreshRequest = { refreshToken: current.refreshToken };
      this.http
        .post<void>('/api/auth/logout', body, { headers: { Authorization: `Bearer ${current.accessToken}` } })
        .pipe(catchError(() => of(undefined)))
        .subscribe();
    }
  }

  /** The session can no longer be renewed: back to the login page, then back here. */
  expire(returnUrl = this.router.url): void {
    this.clear();
    const queryParams = returnUrl && !returnUrl.startsWith('/login') ? { returnUrl } : {};
    void this.router.navigate(['/login'], { queryParams });
  }

  private store(session: Session): Session {
    writeSession(session);
    this.session.set(session);
    return session;
  }

  private clear(): void {
    writeSession(null);
    this.session.set(null);
  }

  /** Under the lock: a tab that held it before may have rotated the token already. */
  private exchange(current: Session): Promise<Session> {
    const stored = readSession();
    if (stored && stored.refreshToken !== current.refreshToken) {
      this.session.set(stored);
      return Promise.resolve(stored);
    }
    const body: RefreshRequest = { refreshToken: current.refreshToken };
    return firstValueFrom(
      this.http
        .post<LoginResponse>('/api/auth/refresh', body)
        .pipe(map((response) => this.store(sessionFromLogin(response)))),
    );
  }

  /** Another tab may have used the refresh token first and stored a newer session. */
  private adoptOtherTabSession(used: Session, error: unknown): Observable<Session> {
    const stored = readSession();
    if (stored && stored.refreshToken !== used.refreshToken) {
      this.session.set(stored);
      return of(stored);
    }
    return throwError(() => error);
  }

  private scheduleRefresh(session: Session | null): void {
    clearTimeout(this.refreshTimer);
    if (!session) return;
    const delay = Math.max(session.expiresAt - Date.now() - REFRESH_AHEAD_MS, MIN_REFRESH_DELAY_MS);
    this.refreshTimer = setTimeout(() => {
      this.refresh().subscribe({
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) this.expire();
        },
      });
    }, delay);
  }
}

/** Runs `work` while no other tab of this origin runs it (Web Locks), or directly where there are none. */
async function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request('tc.session-refresh', work) : work();
}
