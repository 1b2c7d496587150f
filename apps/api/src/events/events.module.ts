import { Module } from '@nestjs/common';
import { PgListenerModule } from '../database/pg-listener.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxRepository } from './outbox.repository';

/**
 * The transactional outbox: every order event becomes an outbox row in its
 * own transaction (a trigger, see the outbox migration), and the
 * dispatcher hands the rows on to webhooks and notifications.
 */
@Module({
  imports: [PgListenerModule, WebhooksModule, NotificationsModule],
  providers: [OutboxRepository, OutboxDispatcher],
})
export class EventsModule {}
