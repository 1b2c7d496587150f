import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { WebhookDeliveryEventType, WebhookDeliveryStatus } from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import type { ClaimedDelivery } from './webhook-sender';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { prepared } from '../database/prepared-statements';

/** A delivery to create for every active subscription to its type. */
export interface NewDelivery {
  eventId: string;
  eventType: WebhookDeliveryEventType;
  body: string;
}

export interface SubscriptionCounts {
  pending: number;
  failed: number;
}

export type AttemptResult =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'retry'; statusCode: number | null; error: string; delayMs: number }
  | { kind: 'failed'; statusCode: number | null; error: string };

const FAN_OUT_SQL = prepared(
  'webhooks_fan_out',
  `
WITH inserted AS (
  INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, body, next_attempt_at)
  SELECT s.id, d.event_id, d.event_type, d.body, now()
    FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (event_id text, event_type text, body text))
         WITH ORDINALITY AS d(event_id, event_type, body, n)
    JOIN webhook_subscriptions s ON s.active AND d.event_type = ANY (s.events)
   ORDER BY d.n, s.id
  RETURNING 1
)
SELECT count(*)::int AS count FROM inserted`,
);

/**
 * Due deliveries of active subscriptions, leased: their next attempt moves
 * past the lease, so a process that dies mid-attempt leaves them to be
 * retried when it runs out, and no other process takes them meanwhile.
 */
const CLAIM_SQL = `
UPDATE webhook_deliveries d
   SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000),
       updated_at = now()
  FROM (SELECT w.id FROM webhook_deliveries w JOIN webhook_subscriptions s ON s.id = w.subscription_id AND s.active
         WHERE w.status = 'pending' AND w.next_attempt_at <= now()
         ORDER BY w.next_attempt_at LIMIT $1 FOR UPDATE OF w SKIP LOCKED) due,
       webhook_subscriptions s
 WHERE d.id = due.id AND s.id = d.subscription_id
RETURNING d.id::text, d.event_id AS "eventId", d.event_type AS "eventType", d.body, d.attempts, s.url, s.secret`;

@Injectable()
export class WebhooksRepository {
  constructor(
    @InjectRepository(WebhookSubscriptionEntity)
    private readonly subscriptions: Repository<WebhookSubscriptionEntity>,
    @InjectRepository(WebhookDeliveryEntity)
    private readonly deliveries: Repository<WebhookDeliveryEntity>,
    private readonly dataSource: DataSource,
  ) {}

  listSubscriptions(): Promise<WebhookSubscriptionEntity[]> {
    return this.subscriptions.find({ order: { createdAt: 'DESC' } });
  }

  findSubscription(id: string): Promise<WebhookSubscriptionEntity | null> {
    return this.subscriptions.findOneBy({ id });
  }

  saveSubscription(subscription: Partial<WebhookSubscriptionEntity>): Promise<WebhookSubscriptionEntity> {
    return this.subscriptions.save(this.subscriptions.create(subscription));
  }

  /** Secrets stored before encryption at rest (marked `plain:` by migration 1765324800000). */
  plainSecrets(): Promise<{ id: string; secret: string }[]> {
    return this.dataSource.query(
      `SELECT id, secret FROM webhook_subscriptions WHERE secret LIKE 'plain:%' ORDER BY id`,
    ) as Promise<{ id: string; secret: string }[]>;
  }

  /** Replaces a secret only if it is still `from`: another process may have sealed it already. */
  async replaceSecret(id: string, from: string, to: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_subscriptions SET secret = $3 WHERE id = $1 AND secret = $2`,
      [id, from, to],
    );
  }

  async counts(subscriptionIds: string[]): Promise<Map<string, SubscriptionCounts>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT subscription_id AS id, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM webhook_deliveries WHERE subscription_id = ANY ($1::uuid[]) AND status <> 'delivered'
        GROUP BY subscription_id`,
      [subscriptionIds],
    )) as (SubscriptionCounts & { id: string })[];
    return new Map(rows.map((row) => [row.id, { pending: row.pending, failed: row.failed }]));
  }

  async listDeliveries(
    subscriptionId: string,
    status: WebhookDeliveryStatus | undefined,
    page: PageRequest,
  ): Promise<[WebhookDeliveryEntity[], number]> {
    return this.deliveries.findAndCount({
      where: { subscriptionId, ...(status ? { status } : {}) },
      order: { id: 'DESC' },
      take: page.pageSize,
      skip: page.offset,
    });
  }

  findDelivery(id: string): Promise<WebhookDeliveryEntity | null> {
    return this.deliveries.findOneBy({ id });
  }

  /** The same event again, as a new delivery due now (the old one keeps its history). */
  insertRedelivery(original: WebhookDeliveryEntity): Promise<WebhookDeliveryEntity> {
    return this.deliveries.save(
      this.deliveries.create({
        subscriptionId: original.subscriptionId,
        eventId: original.eventId,
        eventType: original.eventType,
        body: original.body,
        status: 'pending',
        nextAttemptAt: new Date(),
      }),
    );
  }

  /** A delivery to one subscription, due now (a test event). */
  insertDelivery(subscriptionId: string, delivery: NewDelivery): Promise<WebhookDeliveryEntity> {
    return this.deliveries.save(
      this.deliveries.create({ subscriptionId, ...delivery, status: 'pending', nextAttemptAt: new Date() }),
    );
  }

  /** One delivery per active subscription to each event's type; how many were made. */
  async fanOut(tx: EntityManager, deliveries: NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const rows = deliveries.map((delivery) => ({
      event_id: delivery.eventId,
      event_type: delivery.eventType,
      body: delivery.body,
    }));
    const [row] = (await tx.query(FAN_OUT_SQL, [JSON.stringify(rows)])) as { count: number }[];
    return row?.count ?? 0;
  }

  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    // An UPDATE answers [rows, affected].
    const [rows] = (await this.dataSource.query(CLAIM_SQL, [limit, leaseMs])) as [ClaimedDelivery[], number];
    return rows;
  }

  /** When the next pending delivery of an active subscription is due, if any. */
  async nextDue(): Promise<Date | null> {
    const [row] = (await this.dataSource.query(
      `SELECT min(w.next_attempt_at) AS due FROM webhook_deliveries w
         JOIN webhook_subscriptions s ON s.id = w.subscription_id AND s.active
        WHERE w.status = 'pending'`,
    )) as { due: Date | null }[];
    return row?.due ?? null;
  }

  async recordAttempt(id: string, result: AttemptResult): Promise<void> {
    switch (result.kind) {
      case 'delivered':
        await this.dataSource.query(
          `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), next_attempt_at = NULL,
                  last_status_code = $2, last_error = NULL, updated_at = now() WHERE id = $1`,
          [id, result.statusCode],
        );
        return;
      case 'retry':
        await this.dataSource.query(
          `UPDATE webhook_deliveries
              SET next_attempt_at = now() + make_interval(secs => $4::double precision / 1000),
                  last_status_code = $2, last_error = $3, updated_at = now() WHERE id = $1`,
          [id, result.statusCode, result.error, result.delayMs],
        );
        return;
      case 'failed':
        await this.dataSource.query(
          `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_status_code = $2,
                  last_error = $3, updated_at = now() WHERE id = $1`,
          [id, result.statusCode, result.error],
        );
        return;
    }
  }

  /** Attempts cut short by shutdown: due again now, and not counted. */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET attempts = greatest(attempts - 1, 0), next_attempt_at = now(), updated_at = now()
        WHERE id = ANY ($1::bigint[]) AND status = 'pending'`,
      [ids],
    );
  }
}
