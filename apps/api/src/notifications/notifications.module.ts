import { Module } from '@nestjs/common';
import { NotificationMailer } from './notification-mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** What each user should know about orders: in the portal's bell, and by e-mail with SMTP_URL. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationMailer],
  exports: [NotificationsService, NotificationMailer],
})
export class NotificationsModule {}
