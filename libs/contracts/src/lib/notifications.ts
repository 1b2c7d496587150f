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
  /** Three business days before a standing order's run: what it will place, priced and promised. */
  | 'standing_order_preview'
  /** A standing order's run placed its order (naming any dropped or capped lines). */
  | 'standing_order_placed'
  /** A standing order's run placed nothing, and why (credit hold, nothing available, missed). */
  | 'standing_order_failed';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  orderId: string | null;
  /** The standing order it is about (standing-order kinds), else null. */
  standingOrderId: string | null;
  readAt: IsoInstant | null;
  createdAt: IsoInstant;
}

/** GET /api/notifications: a page, newest first, with how many are unread in all. */
export interface NotificationList extends Page<AppNotification> {
  unread: number;
}
