import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WorkerLoop } from '../common/worker-loop';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseOutage } from '../database/database-outage';
import { StandingOrderRunner } from './standing-order-runner';

/**
 * The timer in the API process: every STANDING_ORDERS_INTERVAL_MS it places
 * the due runs and sends the previews due. Every process may run it; the
 * runner's claims keep each run to one of them.
 */
@Injectable()
export class StandingOrderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StandingOrderScheduler.name);
  private readonly loop: WorkerLoop;

  constructor(
    private readonly runner: StandingOrderRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    outage: DatabaseOutage,
  ) {
    this.loop = new WorkerLoop(
      'Standing orders',
      () => this.tick(),
      this.logger,
      config.standingOrders.intervalMs,
      outage,
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.standingOrders.scheduler) this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async tick(): Promise<number> {
    this.runner.describe(await this.runner.runDue(() => this.loop.isStopping));
    if (!this.loop.isStopping) await this.runner.sendPreviews();
    return this.config.standingOrders.intervalMs;
  }
}
