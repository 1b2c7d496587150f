import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { describeUnavailable, isDatabaseUnavailable } from './database-unavailable';

/** How long a client is told to wait before retrying while the database is away (Retry-After). */
export const RETRY_AFTER_SECONDS = 2;
const PROBE_EVERY_MS = 500;

/**
 * Whether the database is away, shared by the HTTP error filter, the health
 * check and the background workers, so that an outage is logged once when it
 * begins and once when it ends, never once per request or per worker run.
 * While it lasts, a probe (`SELECT 1` through the pool) runs every 500 ms;
 * its first success ends the outage.
 */
@Injectable()
export class DatabaseOutage implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private since: number | undefined;
  private failures = 0;
  private probe: NodeJS.Timeout | undefined;
  private stopped = false;
  private waiting: (() => void)[] = [];

  constructor(private readonly dataSource: DataSource) {}

  get ongoing(): boolean {
    return this.since !== undefined;
  }

  /**
   * True when `error` means the database cannot be reached; the outage is
   * then recorded (and logged, if this is its first sign). Any other error
   * is left to the caller.
   */
  noticed(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.failures += 1;
    if (this.since === undefined && !this.stopped) {
      this.since = Date.now();
      this.logger.error(
        `database unreachable: ${describeUnavailable(error)}; answering 503 until it is back`,
      );
      this.scheduleProbe();
    }
    return true;
  }

  /** Resolves when the database is reachable again (at once if no outage is known), or when the app stops. */
  back(): Promise<void> {
    if (!this.ongoing || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.probe);
    this.release();
  }

  private scheduleProbe(): void {
    this.probe = setTimeout(() => void this.runProbe(), PROBE_EVERY_MS);
    this.probe.unref();
  }

  private async runProbe(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      if (!this.stopped) this.scheduleProbe();
      return;
    }
    const seconds = ((Date.now() - (this.since ?? Date.now())) / 1000).toFixed(1);
    this.logger.log(`database back after ${seconds} s (${this.failures} calls failed meanwhile)`);
    this.since = undefined;
    this.failures = 0;
    this.release();
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
