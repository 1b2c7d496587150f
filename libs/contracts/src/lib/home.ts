/**
 * GET /api/me/buy-again?limit=: a product the caller's account bought in the
 * last 12 months (orders not cancelled or rejected) and still sells, with
 * what it paid the last time. Newest purchase first.
 */
export interface BuyAgainItem {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  minOrderQty: number;
  orderMultiple: number;
  /** The unit price on the latest order, decimal string. */
  lastUnitPrice: string;
  currency: string;
  lastQuantity: number;
  /** ISO timestamp the latest order with it was placed. */
  lastOrderedAt: string;
  lastOrderId: string;
  lastOrderNumber: string;
  /** On how many orders of those 12 months it was. */
  timesOrdered: number;
}

/**
 * GET /api/me/work-counts: what waits for the caller. A count is present only
 * for a role whose portal feature it belongs to (see PORTAL_FEATURES), and
 * always within the caller's tenancy (an approver's own account, an account
 * manager's accounts).
 */
export interface WorkCounts {
  /** Orders waiting for approval (approvals). */
  approvals?: number;
  /** Orders on credit hold (creditHolds). */
  creditHolds?: number;
  /** Orders confirmed and not yet fully shipped, every warehouse (fulfilment). */
  fulfilmentQueue?: number;
  /** Lines in the caller's cart (cart). */
  cartLines?: number;
  /** The caller's unread notifications; everyone. */
  unreadNotifications: number;
}
