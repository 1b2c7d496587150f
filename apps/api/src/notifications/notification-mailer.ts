import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { describeError } from '../common/worker-loop';
import type { MadeNotification } from './notifications.repository';

/** A file sent with an e-mail. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One e-mail that is no notification (an invitation to set a password). */
export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
}

/**
 * What to attach to the e-mails of a batch of notifications (documents
 * registers one: the order confirmation, the packing slip). One call per
 * batch so a document several people are told about is made once.
 */
export interface MailAttachmentSource {
  attachmentsFor(notifications: MadeNotification[]): Promise<Map<MadeNotification, MailAttachment[]>>;
}

/**
 * E-mails notifications when SMTP_URL is set; without it, sends nothing and
 * fails nothing. Called after the dispatcher's transaction commits, never
 * inside an order's; a failed e-mail is logged, the notification stays in
 * the portal.
 */
@Injectable()
export class NotificationMailer implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationMailer.name);
  private readonly transport: Transporter | undefined;
  private attachments: MailAttachmentSource | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { smtpUrl } = config.mail;
    this.transport = smtpUrl ? createTransport(smtpUrl) : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  useAttachments(source: MailAttachmentSource): void {
    this.attachments = source;
  }

  async send(notifications: MadeNotification[]): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const files = await this.attachmentsFor(notifications);
    await Promise.all(
      notifications.map(async (notification) => {
        try {
          await transport.sendMail({
            from: this.config.mail.from,
            to: { name: notification.name, address: notification.email },
            subject: notification.title,
            text: this.text(notification),
            attachments: files.get(notification) ?? [],
          });
        } catch (error) {
          this.logger.warn(`E-mail to ${notification.email} failed: ${describeError(error)}`);
        }
      }),
    );
  }

  /** Sends one message; false (logged) when it failed or mail is off. */
  async sendMessage(message: MailMessage): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: this.config.mail.from, ...message });
      return true;
    } catch (error) {
      this.logger.warn(`E-mail to ${message.to.address} failed: ${describeError(error)}`);
      return false;
    }
  }

  /** The portal's address for links in e-mails (PUBLIC_URL), without a trailing slash. */
  get publicBase(): string {
    return (this.config.mail.publicUrl ?? `http://localhost:${this.config.port}`).replace(/\/$/, '');
  }

  /** A document that cannot be made is logged and the e-mail goes without it: the notice matters more. */
  private async attachmentsFor(
    notifications: MadeNotification[],
  ): Promise<Map<MadeNotification, MailAttachment[]>> {
    if (!this.attachments) return new Map();
    try {
      return await this.attachments.attachmentsFor(notifications);
    } catch (error) {
      this.logger.warn(`Attaching documents failed, sending without: ${describeError(error)}`);
      return new Map();
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private text(notification: MadeNotification): string {
    const base = this.config.mail.publicUrl?.replace(/\/$/, '');
    const path = notification.orderId
      ? `/orders/${notification.orderId}`
      : notification.returnId
        ? `/returns/${notification.returnId}`
        : null;
    const link = base && path ? `\n\n${base}${path}` : '';
    return `${notification.body}${link}\n`;
  }
}
