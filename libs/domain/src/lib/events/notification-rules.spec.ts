import { notificationsFor } from './notification-rules';
import type { OutboxOrderEvent } from './order-event';

const event = (fields: Partial<OutboxOrderEvent>): OutboxOrderEvent => ({
  eventId: '1',
  orderId: 'o1',
  orderNumber: 'SO-001000',
  accountId: 'a1',
  accountCode: 'ACME',
  placedBy: 'buyer',
  actorId: 'buyer',
  subtotal: '120.00',
  currency: 'USD',
  kind: 'placed',
  from: null,
  to: 'confirmed',
  reason: null,
  data: null,
  at: '2027-03-01T10:00:00Z',
  ...fields,
});

const summary = (e: OutboxOrderEvent) => notificationsFor(e).map((d) => `${d.audience}:${d.kind}`);

describe('notificationsFor', () => {
  it('tells the customer an order is confirmed, at placement or later', () => {
    expect(summary(event({}))).toEqual(['customer:order_confirmed']);
    expect(summary(event({ kind: 'hold_released', from: 'on_hold', to: 'confirmed' }))).toEqual([
      'customer:order_confirmed',
    ]);
  });

  it('says amounts in the money style of the screens', () => {
    expect(notificationsFor(event({ subtotal: '5308.90' }))[0]?.body).toBe(
      'Your order of $5,308.90 is confirmed.',
    );
    expect(notificationsFor(event({ to: 'pending_approval', subtotal: '5308.90' }))[0]?.body).toBe(
      'An order of $5,308.90 needs an approver.',
    );
  });

  it('asks the approvers when an order waits, and the account manager when it is held', () => {
    expect(summary(event({ to: 'pending_approval', reason: 'over limit' }))).toEqual([
      'approvers:approval_needed',
    ]);
    expect(summary(event({ kind: 'approved', from: 'pending_approval', to: 'on_hold' }))).toEqual([
      'accountManager:order_held',
    ]);
  });

  it('tells the customer of shipments with tracking, deliveries and moved backorder dates', () => {
    const shipped = notificationsFor(
      event({ kind: 'shipment', from: null, to: null, data: { carrier: 'UPS', trackingNumber: '1Z9' } }),
    );
    expect(shipped).toMatchObject([{ audience: 'customer', body: 'Shipped with UPS, tracking number 1Z9.' }]);
    const moved = notificationsFor(
      event({
        kind: 'repromised',
        from: null,
        to: null,
        data: { changes: [{ lineNo: 1, sku: 'BOLT', from: '2027-03-10', to: '2027-03-17' }] },
      }),
    );
    expect(moved[0]?.body).toBe('Expected delivery moved. BOLT: 10 Mar 2027 → 17 Mar 2027.');
    expect(summary(event({ kind: 'delivered', from: 'shipped', to: 'delivered' }))).toEqual([
      'customer:order_delivered',
    ]);
  });

  it('says nothing of a payment, nor of a cancellation to the one who cancelled', () => {
    expect(summary(event({ kind: 'paid', from: 'confirmed', to: 'confirmed' }))).toEqual([]);
    expect(summary(event({ kind: 'cancelled', from: 'confirmed', to: 'cancelled' }))).toEqual([]);
    expect(summary(event({ kind: 'cancelled', from: 'confirmed', to: 'cancelled', actorId: 'am' }))).toEqual([
      'customer:order_cancelled',
    ]);
  });
});
