import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { describeError } from '../common/worker-loop';
import {
  NotificationsService,
  type MadeNotification,
  type MailAttachment,
  type MailAttachmentSource,
} from '../notifications/notifications.service';
import { DocumentsService } from './documents.service';
import type { PdfFile } from './pdf-file';

/**
 * The reader documents are made as for e-mails: the notification rules
 * already chose the recipients (the order's account's people), so the
 * attachment is the document of the object the notification names, read
 * with a staff scope. It never travels beyond those recipients.
 */
const MAIL_READER: AuthUser = {
  id: '00000000-0000-0000-0000-000000000000',
  role: 'manager',
  accountId: null,
  email: 'documents@tradecounter.invalid',
  name: 'Documents',
};

/**
 * Attaches the PDF an e-mail is about: the order confirmation to "order
 * confirmed", the packing slip of that very shipment to "order shipped",
 * the return instructions (RMA) to "return approved", the credit note to
 * "credit note issued".
 * Mail goes after the business transaction committed (the dispatcher's), so
 * a document that cannot be made costs only its attachment, never the order.
 */
@Injectable()
export class DocumentMailAttachments implements MailAttachmentSource, OnModuleInit {
  private readonly logger = new Logger(DocumentMailAttachments.name);

  constructor(
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.notifications.useAttachments(this);
  }

  async attachmentsFor(notifications: MadeNotification[]): Promise<Map<MadeNotification, MailAttachment[]>> {
    const made = new Map<string, Promise<PdfFile | null>>();
    const result = new Map<MadeNotification, MailAttachment[]>();
    for (const notification of notifications) {
      const wanted = documentOf(notification);
      if (!wanted) continue;
      // Several recipients of one notification: the document is made once.
      let file = made.get(wanted.key);
      if (!file) {
        file = wanted.make(this.documents).catch((error: unknown) => {
          this.logger.warn(`No ${wanted.key} for the e-mail: ${describeError(error)}`);
          return null;
        });
        made.set(wanted.key, file);
      }
      const pdf = await file;
      if (pdf) {
        result.set(notification, [
          { filename: pdf.filename, contentType: 'application/pdf', content: pdf.bytes },
        ]);
      }
    }
    return result;
  }
}

function documentOf(
  notification: MadeNotification,
): { key: string; make: (documents: DocumentsService) => Promise<PdfFile> } | null {
  const { orderId, shipmentId } = notification;
  if (notification.kind === 'order_confirmed' && orderId) {
    return {
      key: `order confirmation ${orderId}`,
      make: (documents) => documents.orderConfirmation(MAIL_READER, orderId),
    };
  }
  if (notification.kind === 'order_shipped' && shipmentId) {
    return {
      key: `packing slip ${shipmentId}`,
      make: (documents) => documents.packingSlip(MAIL_READER, shipmentId),
    };
  }
  if (notification.kind === 'return_approved' && notification.returnId) {
    const { returnId } = notification;
    return {
      key: `return ${returnId}`,
      make: (documents) => documents.returnAuthorisation(MAIL_READER, returnId),
    };
  }
  const creditNote = /\b(CN-\d+)\b/.exec(notification.title)?.[1];
  const { returnId } = notification;
  if (notification.kind === 'credit_note_issued' && returnId && creditNote) {
    return {
      key: `credit note ${creditNote}`,
      make: async (documents) => {
        const file = await documents.creditNoteOfReturn(MAIL_READER, returnId, creditNote);
        if (!file) throw new Error(`Return ${returnId} has no credit note ${creditNote}`);
        return file;
      },
    };
  }
  return null;
}
