import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PgListenerModule } from '../database/pg-listener.module';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookSecretSealer } from './webhook-secret-sealer';
import { HostResolver } from './targets/host-resolver';
import { WebhookTargets } from './targets/webhook-targets';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Signed webhooks for integrations: subscriptions, deliveries with retries, and their log. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookSubscriptionEntity, WebhookDeliveryEntity]), PgListenerModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhooksService,
    WebhookDeliveryWorker,
    WebhookSecretSealer,
    HostResolver,
    WebhookTargets,
  ],
  exports: [WebhooksService],
})
export class WebhooksModule {}
