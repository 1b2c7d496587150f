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
  | 'quote_expiring'
  /** Three business days before a standing order's run: what it will place, priced and promised. */
  | 'standing_order_preview'
  /** A standing order's run placed its order (naming any dropped or capped lines). */
  | 'standing_order_placed'
  /** A standing order's run placed nothing, and why (credit hold, nothing available, missed). */
  | 'standing_order_failed'
  /** To the account manager: a customer asked to return goods. */
  | 'return_requested'
  /** To the account's buyers: their return may come back (approved, or opened by staff); the e-mail carries the RMA instructions. */
  | 'return_approved'
  /** To the account's buyers: their return moved on (rejected, received, closed, credited). */
  | 'return_updated'
  /** To the account's buyers: a credit note was issued for returned goods. */
  | 'credit_note_issued';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  orderId: string | null;
  /** The sales quote it is about (quote kinds), else null. */
  quoteId: string | null;
  /** The standing order it is about (standing-order kinds), else null. */
  standingOrderId: string | null;
  /** The return (RMA) it is about (return kinds), else null. */
  returnId?: string | null;
  readAt: IsoInstant | null;
  createdAt: IsoInstant;
}

/** GET /api/notifications: a page, newest first, with how many are unread in all. */
export interface NotificationList extends Page<AppNotification> {
  unread: number;
}

/** How many notifications "mark all read" changed. */
export interface NotificationsUpdated {
  updated: number;
}
