import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { retryDelayMs } from '@tradecounter/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseOutage } from '../database/database-outage';
import { PgListener } from '../database/pg-listener';
import { openSecret } from '../common/crypto/sealed-secret';
import { describeError, WorkerLoop } from '../common/worker-loop';
import { WebhookTargets } from './targets/webhook-targets';
import { ClaimedDelivery, sendWebhook, SendOutcome } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';

/** NOTIFY channel: deliveries were made or made due (fan-out, redelivery, a subscription enabled). */
export const DELIVERIES_CHANNEL = 'tc_webhook_deliveries';

const BATCH = 16;

/**
 * Sends due webhook deliveries, a batch at a time in parallel, in every API
 * process that runs the worker: claims are leased with SKIP LOCKED, so
 * processes share the work and a crashed one's claims come back when their
 * lease runs out. A failed attempt is retried with exponential backoff and
 * jitter until the policy's last attempt.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly shutdown = new AbortController();
  private readonly loop: WorkerLoop;

  constructor(
    private readonly deliveries: WebhooksRepository,
    private readonly listener: PgListener,
    private readonly targets: WebhookTargets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    outage: DatabaseOutage,
  ) {
    this.loop = new WorkerLoop(
      'Webhook delivery',
      () => this.sendDue(),
      this.logger,
      config.events.pollMs,
      outage,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.events.worker) return;
    await this.listener.listen(DELIVERIES_CHANNEL, () => this.loop.wake());
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.shutdown.abort();
    await this.loop.stop();
  }

  /** The lease of a claim: long enough for an attempt to time out and be recorded. */
  private get leaseMs(): number {
    return this.config.events.webhookTimeoutMs * 2 + 5_000;
  }

  /**
   * Checks where the URL leads now and sends to exactly those addresses. A
   * refusal is a failed attempt (retried, as DNS may change), recorded
   * without connecting anywhere, so the log cannot tell an open internal
   * port from a closed one.
   */
  private async attempt(delivery: ClaimedDelivery): Promise<SendOutcome> {
    let secret: string;
    try {
      secret = openSecret(delivery.secret, this.config.dataKey);
    } catch (error) {
      return { kind: 'failed', statusCode: null, error: describeError(error) };
    }
    const target = await this.targets.check(delivery.url);
    if (!target.allowed) return { kind: 'failed', statusCode: null, error: `refused: ${target.reason}` };
    return sendWebhook(
      { delivery, secret, addresses: target.addresses },
      this.config.events.webhookTimeoutMs,
      this.shutdown.signal,
    );
  }

  private async sendDue(): Promise<number> {
    const claimed = await this.deliveries.claimDue(BATCH, this.leaseMs);
    const aborted: string[] = [];
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await this.attempt(delivery);
        if (outcome.kind === 'aborted') {
          aborted.push(delivery.id);
        } else if (outcome.kind === 'delivered') {
          await this.deliveries.recordAttempt(delivery.id, outcome);
        } else {
          const delayMs = retryDelayMs(delivery.attempts, this.config.events.webhookRetry, Math.random());
          await this.deliveries.recordAttempt(
            delivery.id,
            delayMs === null ? { ...outcome, kind: 'failed' } : { ...outcome, kind: 'retry', delayMs },
          );
        }
      }),
    );
    await this.deliveries.release(aborted);
    if (claimed.length === BATCH) return 0;
    const due = await this.deliveries.nextDue();
    const untilDue = due ? due.getTime() - Date.now() : Infinity;
    return Math.max(0, Math.min(untilDue, this.config.events.pollMs));
  }
}
