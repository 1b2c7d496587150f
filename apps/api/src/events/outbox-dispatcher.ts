import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseOutage } from '../database/database-outage';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { describeError, WorkerLoop } from '../common/worker-loop';
import { PgListener } from '../database/pg-listener';
import type { MadeNotification } from '../notifications/notifications.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { OutboxRepository, OutboxRow } from './outbox.repository';

/** NOTIFY channel of the trigger that fills the outbox. */
export const OUTBOX_CHANNEL = 'tc_outbox';

const BATCH = 50;
const PURGE_EVERY_MS = 3_600_000;
const KEEP_DISPATCHED_DAYS = 7;

/**
 * Hands each outbox row on: webhook deliveries for the subscriptions to its
 * topics and notifications for the people concerned, in one transaction
 * with marking it dispatched, so a row is handed on once or not at all.
 * Rows are claimed with SKIP LOCKED, so several API processes share the
 * work; woken by NOTIFY, with polling as the fallback; a row still pending
 * after a crash is simply claimed again. E-mails go after the commit.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly loop: WorkerLoop;
  private lastPurge = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly webhooks: WebhooksService,
    private readonly notifications: NotificationsService,
    private readonly listener: PgListener,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    outage: DatabaseOutage,
  ) {
    this.loop = new WorkerLoop(
      'Outbox dispatch',
      () => this.dispatchPending(),
      this.logger,
      config.events.pollMs,
      outage,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.events.worker) return;
    await this.listener.listen(OUTBOX_CHANNEL, () => this.loop.wake());
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** One batch; answers how long to wait before the next (0: more are waiting). */
  private async dispatchPending(): Promise<number> {
    let claimed: number;
    try {
      claimed = await this.dispatch(BATCH);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      this.logger.warn(`Dispatching a batch failed (${describeError(error)}); trying its rows one by one`);
      claimed = await this.dispatchOneByOne(BATCH);
    }
    if (claimed === BATCH) return 0;
    await this.purgeNowAndThen();
    const next = await this.outbox.nextAvailable();
    const untilNext = next ? next.getTime() - Date.now() : Infinity;
    return Math.max(0, Math.min(untilNext, this.config.events.pollMs));
  }

  private async dispatch(limit: number, onClaim?: (rows: OutboxRow[]) => void): Promise<number> {
    let made: MadeNotification[] = [];
    const claimed = await this.dataSource.transaction(async (tx) => {
      const rows = await this.outbox.claim(tx, limit);
      onClaim?.(rows);
      if (rows.length === 0) return 0;
      const events = rows.map((row) => row.payload);
      await this.webhooks.fanOut(tx, events);
      made = await this.notifications.fanOut(tx, events);
      await this.outbox.markDispatched(
        tx,
        rows.map((row) => row.id),
      );
      return rows.length;
    });
    if (made.length > 0) await this.notifications.mail(made);
    return claimed;
  }

  /** After a failed batch: each row alone, so one bad row waits (with backoff) and the others go. */
  private async dispatchOneByOne(limit: number): Promise<number> {
    let done = 0;
    while (done < limit && !this.loop.isStopping) {
      let row: OutboxRow | undefined;
      try {
        const claimed = await this.dispatch(1, (rows) => (row = rows[0]));
        if (claimed === 0) break;
      } catch (error) {
        // No row is to blame when the database is away: it stays pending, without a failed attempt.
        if (!row || isDatabaseUnavailable(error)) throw error;
        const delayMs = Math.min(1_000 * 2 ** row.attempts, 3_600_000);
        this.logger.error(`Outbox row ${row.id} could not be dispatched: ${describeError(error)}`);
        await this.outbox.markFailed(row.id, describeError(error).slice(0, 1000), delayMs);
      }
      done += 1;
    }
    return done;
  }

  private async purgeNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.outbox.purgeDispatched(KEEP_DISPATCHED_DAYS);
  }
}
