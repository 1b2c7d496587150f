import { HttpBackend, HttpClient } from '@angular/common/http';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { ConnectionEvents } from './retry-while-reconnecting';

/** While reconnecting, the health check is asked this often, so the banner goes once the server is back. */
const HEALTH_EVERY_MS = 3_000;

/**
 * Whether the portal has lost the server (a 503 or no answer) and not yet
 * had an answer again. Calls report to it (reconnectingInterceptor); while
 * it lasts it also asks /api/health itself, past the interceptors, so the
 * banner ends when the server is back even if the page asks nothing more.
 */
@Injectable({ providedIn: 'root' })
export class ConnectionState implements ConnectionEvents {
  private readonly health = new HttpClient(inject(HttpBackend));
  private readonly lostNow = signal(false);
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly reconnecting = this.lostNow.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  lost(): void {
    if (this.lostNow()) return;
    this.lostNow.set(true);
    this.askHealthLater();
  }

  restored(): void {
    this.lostNow.set(false);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private askHealthLater(): void {
    this.timer = setTimeout(() => {
      this.health.get('/api/health').subscribe({
        next: () => this.restored(),
        error: () => {
          if (this.lostNow()) this.askHealthLater();
        },
      });
    }, HEALTH_EVERY_MS);
  }
}
