import type { IsoInstant, Page } from './common';

export type NotificationKind =
  | 'order_confirmed'
  | 'approval_needed'
  | 'order_held'
  | 'order_rejected'
  | 'order_cancelled'
  | 'order_shipped'
  | 'order_delivered'
  | 'backorder_moved'
  /** To the account's account manager: a new quote request. */
  | 'quote_requested'
  /** To the buyer who asked: the quote is priced (first revision) … */
  | 'quote_quoted'
  /** … or priced again (a later revision). */
  | 'quote_revised'
  /** To the buyer who asked: the quoted prices lapse in 3 days. */
  | 'quote_expiring';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  orderId: string | null;
  /** The sales quote it is about (quote kinds), else null. */
  quoteId: string | null;
  readAt: IsoInstant | null;
  createdAt: IsoInstant;
}

/** GET /api/notifications: a page, newest first, with how many are unread in all. */
export interface NotificationList extends Page<AppNotification> {
  unread: number;
}
