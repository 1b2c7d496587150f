import { Injectable } from '@nestjs/common';

interface Window {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_CLIENT = 20;
const LOCK_MS = 5 * 60_000;

/**
 * Slows password guessing: after repeated failures for one email (or from one
 * client address) further attempts answer 429 until the lock expires.
 * In-process memory is enough for one API instance; several instances would
 * share it through PostgreSQL or Redis.
 */
@Injectable()
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  /** Seconds to wait, or 0 when an attempt may go ahead. */
  retryAfterSeconds(email: string, client: string, now = Date.now()): number {
    const lockedUntil = Math.max(this.lockOf(`email:${email}`, now), this.lockOf(`client:${client}`, now));
    return lockedUntil > now ? Math.ceil((lockedUntil - now) / 1000) : 0;
  }

  recordFailure(email: string, client: string, now = Date.now()): void {
    this.bump(`email:${email}`, MAX_FAILURES_PER_EMAIL, now);
    this.bump(`client:${client}`, MAX_FAILURES_PER_CLIENT, now);
    if (this.windows.size > 50_000) this.sweep(now);
  }

  recordSuccess(email: string): void {
    this.windows.delete(`email:${email}`);
  }

  private lockOf(key: string, now: number): number {
    const window = this.windows.get(key);
    return window && window.lockedUntil > now ? window.lockedUntil : 0;
  }

  private bump(key: string, max: number, now: number): void {
    let window = this.windows.get(key);
    if (!window || now - window.firstAt > WINDOW_MS) {
      window = { failures: 0, firstAt: now, lockedUntil: 0 };
      this.windows.set(key, window);
    }
    window.failures += 1;
    if (window.failures >= max) window.lockedUntil = now + LOCK_MS;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.firstAt > WINDOW_MS && window.lockedUntil <= now) this.windows.delete(key);
    }
  }
}
