import { isAfterSalesEvent, webhookEventId, webhookTopics } from './order-event';

describe('webhookTopics', () => {
  it('publishes a placement as order.created only, whatever its first status', () => {
    expect(webhookTopics({ kind: 'placed', from: null, to: 'pending_approval' })).toEqual(['order.created']);
  });

  it('publishes a status change as order.status_changed', () => {
    expect(webhookTopics({ kind: 'approved', from: 'pending_approval', to: 'confirmed' })).toEqual([
      'order.status_changed',
    ]);
  });

  it('publishes a shipment that ships the order as both shipment.created and a status change', () => {
    expect(webhookTopics({ kind: 'shipment', from: 'packed', to: 'shipped' })).toEqual([
      'shipment.created',
      'order.status_changed',
    ]);
    expect(webhookTopics({ kind: 'shipment', from: null, to: null })).toEqual(['shipment.created']);
  });

  it('publishes re-promises and deliveries, and nothing for an event that changes no status', () => {
    expect(webhookTopics({ kind: 'repromised', from: null, to: null })).toEqual(['order.repromised']);
    expect(webhookTopics({ kind: 'delivered', from: 'shipped', to: 'delivered' })).toEqual([
      'shipment.delivered',
      'order.status_changed',
    ]);
    expect(webhookTopics({ kind: 'paid', from: 'confirmed', to: 'confirmed' })).toEqual([]);
  });

  it('names each (event, topic) once', () => {
    expect(webhookEventId('42', 'shipment.created')).toBe('42.shipment.created');
  });

  it('publishes returns and credit notes as their own topics, never as order topics', () => {
    expect(webhookTopics({ kind: 'return_created', from: null, to: 'requested' })).toEqual([
      'return.created',
    ]);
    expect(webhookTopics({ kind: 'return_status', from: 'requested', to: 'rejected' })).toEqual([
      'return.status_changed',
    ]);
    expect(webhookTopics({ kind: 'return_status', from: 'approved', to: 'approved' })).toEqual([]);
    expect(webhookTopics({ kind: 'credit_note', from: null, to: null })).toEqual(['credit_note.created']);
    expect(isAfterSalesEvent({ kind: 'credit_note' })).toBe(true);
    expect(isAfterSalesEvent({ kind: 'placed' })).toBe(false);
  });
});
