import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CreatedWebhookSubscription,
  Page,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookSubscription,
} from '@tradecounter/contracts';
import { OutboxOrderEvent, webhookTopics } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { openSecret, sealSecret } from '../common/crypto/sealed-secret';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import { webhookBody, webhookTestBody } from './webhook-body';
import { DELIVERIES_CHANNEL } from './webhook-delivery.worker';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { generateWebhookSecret, maskSecret } from './webhook-signature';
import { toDelivery, toSubscription } from './webhook.mapper';
import { SubscriptionCounts, NewDelivery, WebhooksRepository } from './webhooks.repository';
import { WebhookTargets } from './targets/webhook-targets';

/** Webhook subscriptions (admin), their delivery log, and turning order events into deliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly dataSource: DataSource,
    private readonly targets: WebhookTargets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<WebhookSubscription[]> {
    const subscriptions = await this.webhooks.listSubscriptions();
    const counts = await this.webhooks.counts(subscriptions.map((subscription) => subscription.id));
    return subscriptions.map((subscription) => this.view(subscription, counts.get(subscription.id)));
  }

  async get(id: string): Promise<WebhookSubscription> {
    const subscription = await this.webhooks.findSubscription(id);
    if (!subscription) throw notFound('Webhook');
    const counts = await this.webhooks.counts([id]);
    return this.view(subscription, counts.get(id));
  }

  /** The only answer that carries the whole secret. */
  async create(actor: AuthUser, body: CreateWebhookDto): Promise<CreatedWebhookSubscription> {
    await this.refuseUnreachable(body.url);
    const secret = body.secret ?? generateWebhookSecret();
    const saved = await this.webhooks.saveSubscription({
      url: body.url,
      events: body.events,
      secret: sealSecret(secret, this.config.dataKey),
      active: true,
      createdBy: actor.id,
    });
    return { ...toSubscription(saved, maskSecret(secret)), secret };
  }

  async update(id: string, body: UpdateWebhookDto): Promise<WebhookSubscription> {
    const subscription = await this.webhooks.findSubscription(id);
    if (!subscription) throw notFound('Webhook');
    if (body.url !== undefined) await this.refuseUnreachable(body.url);
    const { secret, ...changes } = body;
    await this.webhooks.saveSubscription({
      ...subscription,
      ...changes,
      ...(typeof secret === 'string' ? { secret: sealSecret(secret, this.config.dataKey) } : {}),
    });
    // Enabling again resumes its pending deliveries at once.
    if (body.active) await this.wakeSenders();
    return this.get(id);
  }

  async disable(id: string): Promise<void> {
    await this.update(id, { active: false });
  }

  async deliveries(
    id: string,
    status: WebhookDeliveryStatus | undefined,
    page: PageRequest,
  ): Promise<Page<WebhookDelivery>> {
    if (!(await this.webhooks.findSubscription(id))) throw notFound('Webhook');
    const [items, total] = await this.webhooks.listDeliveries(id, status, page);
    return pageOf(items.map(toDelivery), total, page);
  }

  /** The same event, id and body again, as a new delivery sent now. */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const original = /^\d{1,18}$/.test(deliveryId) ? await this.webhooks.findDelivery(deliveryId) : null;
    if (!original) throw notFound('Delivery');
    const copy = await this.webhooks.insertRedelivery(original);
    await this.wakeSenders();
    return toDelivery(copy);
  }

  /**
   * A `webhook.test` event to this subscription only, through the normal
   * delivery path: signed with its secret, its URL checked at each attempt,
   * retried on failure, and listed in its deliveries.
   */
  async sendTest(id: string): Promise<WebhookDelivery> {
    const subscription = await this.webhooks.findSubscription(id);
    if (!subscription) throw notFound('Webhook');
    if (!subscription.active) throw conflict('The webhook is disabled: enable it to send a test event');
    const body = webhookTestBody(id);
    const delivery = await this.webhooks.insertDelivery(id, {
      eventId: body.id,
      eventType: body.type,
      body: JSON.stringify(body),
    });
    await this.wakeSenders();
    return toDelivery(delivery);
  }

  /** Inside the dispatcher's transaction: a delivery per subscription to each event's topics. */
  async fanOut(tx: EntityManager, events: OutboxOrderEvent[]): Promise<void> {
    const deliveries: NewDelivery[] = events.flatMap((event) =>
      webhookTopics(event).map((topic) => {
        const body = webhookBody(event, topic);
        return { eventId: body.id, eventType: topic, body: JSON.stringify(body) };
      }),
    );
    const made = await this.webhooks.fanOut(tx, deliveries);
    if (made > 0) await tx.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, '']);
  }

  /**
   * 400 for a URL whose host is, or resolves to, an internal address (or
   * does not resolve): the check each delivery makes again (WebhookTargets).
   * WEBHOOK_ALLOW_PRIVATE_NETWORKS turns it off, DNS query included.
   */
  private async refuseUnreachable(url: string): Promise<void> {
    if (this.config.events.webhookAllowPrivateNetworks) return;
    const target = await this.targets.check(url);
    if (target.allowed) return;
    throw badRequest(`The webhook URL's host ${target.reason}`, [
      { field: 'url', message: `url ${target.reason}: webhooks are sent to public addresses only` },
    ]);
  }

  /** A secret that no longer opens (DATA_KEY replaced) still lists, hinting at why. */
  private view(subscription: WebhookSubscriptionEntity, counts?: SubscriptionCounts): WebhookSubscription {
    let hint: string;
    try {
      hint = maskSecret(openSecret(subscription.secret, this.config.dataKey));
    } catch {
      hint = 'unreadable with this DATA_KEY';
    }
    return toSubscription(subscription, hint, counts);
  }

  private async wakeSenders(): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, '']);
  }
}
