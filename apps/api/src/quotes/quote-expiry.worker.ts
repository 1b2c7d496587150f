import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WorkerLoop } from '../common/worker-loop';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseOutage } from '../database/database-outage';
import { QuotesService } from './quotes.service';

/** How often the sweep runs. Reads and actions expire a quote on their own, so this only needs to be regular. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The periodic quote sweep (QuotesService.sweep): expired quotes written as
 * such, and the "expiring in 3 days" notice sent once. Safe with several API
 * processes (SKIP LOCKED and a once-per-date marker). Runs where the events
 * worker runs (off in tests, which call the sweep themselves).
 */
@Injectable()
export class QuoteExpiryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QuoteExpiryWorker.name);
  private readonly loop: WorkerLoop;

  constructor(
    private readonly quotes: QuotesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    outage: DatabaseOutage,
  ) {
    this.loop = new WorkerLoop(
      'Quote sweep',
      async () => {
        await this.quotes.sweep();
        return SWEEP_EVERY_MS;
      },
      this.logger,
      SWEEP_EVERY_MS,
      outage,
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.events.worker) this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }
}
