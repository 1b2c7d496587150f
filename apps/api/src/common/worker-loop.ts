import type { LoggerService } from '@nestjs/common';
import type { DatabaseOutage } from '../database/database-outage';

/**
 * A background loop for one process: runs `work`, which answers how long to
 * wait before the next run (0: at once), and sleeps that long unless woken
 * earlier (a NOTIFY, a local kick). A wake that arrives while work runs is
 * kept, so nothing signalled during a run waits for the next poll. `stop`
 * lets the current run finish and ends the loop. A run that fails because
 * the database is away is no fault of the work: the outage logs itself once
 * (however many loops and runs fail), and the loop runs again as soon as
 * the database is back.
 */
export class WorkerLoop {
  private running: Promise<void> | undefined;
  private stopping = false;
  private woken = false;
  private interrupt: (() => void) | undefined;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<number>,
    private readonly logger: LoggerService,
    /** The wait after a failed run. */
    private readonly errorWaitMs: number,
    private readonly outage: DatabaseOutage,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  wake(): void {
    this.woken = true;
    this.interrupt?.();
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let waitMs: number;
      try {
        waitMs = await this.work();
      } catch (error) {
        if (this.outage.noticed(error)) void this.outage.back().then(() => this.wake());
        else this.logger.error(`${this.name} failed: ${describeError(error)}`);
        waitMs = this.errorWaitMs;
      }
      if (waitMs > 0 && !this.woken && !this.stopping) await this.sleep(waitMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = (cause as { code?: string } | undefined)?.code;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
