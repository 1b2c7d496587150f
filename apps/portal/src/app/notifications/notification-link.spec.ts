import { notificationLink } from './notification-link';

describe('notificationLink', () => {
  const none = { orderId: null, quoteId: null, standingOrderId: null, returnId: null };

  it('opens the order a notification is about, even when a standing order placed it', () => {
    expect(notificationLink({ ...none, orderId: 'o1', standingOrderId: 's1' })).toEqual(['/orders', 'o1']);
  });

  it('opens the quote, or the standing order, when no order is named', () => {
    expect(notificationLink({ ...none, quoteId: 'q1' })).toEqual(['/quotes', 'q1']);
    expect(notificationLink({ ...none, standingOrderId: 's1' })).toEqual(['/standing-orders', 's1']);
  });

  it('opens the return a return notification is about, or the order when it names one (a held order a credit note let through)', () => {
    expect(notificationLink({ ...none, returnId: 'r1' })).toEqual(['/returns', 'r1']);
    expect(notificationLink({ ...none, returnId: 'r1', orderId: 'o1' })).toEqual(['/orders', 'o1']);
  });

  it('opens nothing for a notification about nothing', () => {
    expect(notificationLink(none)).toBeNull();
  });
});
