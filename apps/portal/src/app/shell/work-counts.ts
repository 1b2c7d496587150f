import { HttpClient, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { effect, inject, Injectable, signal } from '@angular/core';
import type { WorkCounts } from '@tradecounter/contracts';
import { tap } from 'rxjs';
import { AuthService } from '../auth/auth.service';

/** Navigation asks again at most this often; a change the user made asks at once. */
export const WORK_COUNTS_MAX_AGE_MS = 30_000;
/** Writes that come in a burst (a quick order of many lines) ask once. */
const SETTLE_MS = 300;

/**
 * What waits for the signed-in user (GET /api/me/work-counts): the counts
 * beside the navigation entries and the cart in the bar. Not polled: the shell
 * asks on each navigation (at most every 30 s), and any change the user makes
 * through the API (workCountsInterceptor) asks again at once.
 */
@Injectable({ providedIn: 'root' })
export class WorkCountsStore {
  private readonly http = inject(HttpClient);
  private readonly current = signal<WorkCounts | null>(null);
  private askedAt = 0;
  private stale = true;
  private settle: ReturnType<typeof setTimeout> | undefined;

  readonly counts = this.current.asReadonly();

  constructor() {
    // Another user signs in: nothing of the last one's counts is shown.
    const auth = inject(AuthService);
    effect(() => {
      auth.user();
      this.current.set(null);
      this.stale = true;
    });
  }

  /** On navigation: ask if the counts are older than 30 s or a change made them stale. */
  refreshIfDue(now = Date.now()): void {
    if (this.stale || now - this.askedAt >= WORK_COUNTS_MAX_AGE_MS) this.load(now);
  }

  /** After a change (an order placed, approved, shipped; a cart line added): ask again shortly. */
  changed(): void {
    this.stale = true;
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.load(Date.now()), SETTLE_MS);
  }

  private load(now: number): void {
    this.askedAt = now;
    this.stale = false;
    this.http.get<WorkCounts>('/api/me/work-counts').subscribe({
      next: (counts) => this.current.set(counts),
      // Counts are a help, not the work: on failure keep what is shown and ask on the next navigation.
      error: () => (this.stale = true),
    });
  }
}

/** Requests that change nothing the counts show. */
const QUIET = /^\/api\/(auth|me)\//;

/** A successful write to the API may change what waits: the counts are asked again. */
export const workCountsInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.method === 'GET' || request.method === 'HEAD' || QUIET.test(request.url)) return next(request);
  const store = inject(WorkCountsStore);
  return next(request).pipe(
    tap((event) => {
      if (event instanceof HttpResponse && event.ok) store.changed();
    }),
  );
};
