import type { AppNotification } from '@tradecounter/contracts';

/**
 * Where a notification takes its reader: the order it is about first (a
 * standing order's run names the order it placed), else the quote or the
 * return, the quote or the standing order; null when it is about nothing
 * to open.
 */
export function notificationLink(
  item: Pick<AppNotification, 'orderId' | 'quoteId' | 'standingOrderId' | 'returnId'>,
): string[] | null {
  if (item.orderId) return ['/orders', item.orderId];
  if (item.returnId) return ['/returns', item.returnId];
  if (item.quoteId) return ['/quotes', item.quoteId];
  if (item.standingOrderId) return ['/standing-orders', item.standingOrderId];
  return null;
}
