import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppNotification, NotificationList, NotificationsUpdated } from '@tradecounter/contracts';
import { notificationsFor, OutboxOrderEvent } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import type { PageRequest } from '../common/http/pagination.dto';
import { notFound } from '../common/http/problem';
import { NotificationMailer, type MailAttachmentSource } from './notification-mailer';
import {
  MadeNotification,
  NotificationRow,
  NotificationsRepository,
  QuoteNotificationDraft,
  ReturnNotificationDraft,
  StandingOrderNotice,
} from './notifications.repository';

export type { MailAttachment, MailAttachmentSource } from './notification-mailer';
export type {
  MadeNotification,
  QuoteNotificationDraft,
  ReturnNotificationDraft,
  StandingOrderNotice,
} from './notifications.repository';

/** In-app (and, with SMTP, e-mailed) notifications of what happens to orders. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: NotificationMailer,
  ) {}

  async list(actor: AuthUser, unreadOnly: boolean, page: PageRequest): Promise<NotificationList> {
    const [[rows, total], unread] = await Promise.all([
      this.notifications.list(actor.id, unreadOnly, page),
      this.notifications.unreadCount(actor.id),
    ]);
    return { items: rows.map(toNotification), total, page: page.page, pageSize: page.pageSize, unread };
  }

  async markRead(actor: AuthUser, id: string): Promise<void> {
    if (!(await this.notifications.markRead(actor.id, id))) throw notFound('Notification');
  }

  async markAllRead(actor: AuthUser): Promise<NotificationsUpdated> {
    return { updated: await this.notifications.markAllRead(actor.id) };
  }

  /** Inside the dispatcher's transaction: the notifications a batch of order events gives rise to. */
  async fanOut(tx: EntityManager, events: OutboxOrderEvent[]): Promise<MadeNotification[]> {
    const drafts = events.flatMap((event) =>
      notificationsFor(event).map((draft) => ({
        ...draft,
        accountId: event.accountId,
        placedBy: event.placedBy,
        orderId: event.orderId,
        eventId: event.eventId,
      })),
    );
    const made = await this.notifications.insertFor(tx, drafts);
    // A shipment's notification names the shipment, so its e-mail can carry that parcel's packing slip.
    const shipmentOf = new Map(
      events.map((event) => [
        event.eventId,
        event.kind === 'shipment' ? event.data?.['shipmentId'] : undefined,
      ]),
    );
    return made.map((notification) => {
      const shipmentId = notification.eventId ? shipmentOf.get(notification.eventId) : undefined;
      return typeof shipmentId === 'string' ? { ...notification, shipmentId } : notification;
    });
  }

  /** Documents attach their PDFs to the e-mails they belong with (see NotificationMailer). */
  useAttachments(source: MailAttachmentSource): void {
    this.mailer.useAttachments(source);
  }

  /** Inside the caller's transaction: notifications about a sales quote to named users (active ones only). */
  notifyAboutQuote(tx: EntityManager, drafts: QuoteNotificationDraft[]): Promise<MadeNotification[]> {
    return this.notifications.insertForUsers(tx, drafts);
  }

  /** Inside the caller's transaction: notifications about a return (RMA) to named users (active ones only). */
  notifyAboutReturn(tx: EntityManager, drafts: ReturnNotificationDraft[]): Promise<MadeNotification[]> {
    return this.notifications.insertForReturn(tx, drafts);
  }

  /** In the caller's transaction: notices about standing orders (previews, runs) for the account's people. */
  notifyStandingOrders(tx: EntityManager, notices: StandingOrderNotice[]): Promise<MadeNotification[]> {
    return this.notifications.insertStanding(tx, notices);
  }

  /** After the dispatcher commits. */
  mail(made: MadeNotification[]): Promise<void> {
    return this.mailer.send(made);
  }
}

function toNotification(row: NotificationRow): AppNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    orderId: row.orderId,
    quoteId: row.quoteId,
    standingOrderId: row.standingOrderId,
    returnId: row.returnId,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
