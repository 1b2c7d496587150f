import { mayCancel, nextStatus, ORDER_STATUSES, OrderAction, type OrderStatus } from './order-status';

/** Where an order's life ends: delivered, cancelled or rejected. */
const TERMINAL_STATUSES: readonly OrderStatus[] = ['delivered', 'cancelled', 'rejected'];

describe('order lifecycle', () => {
  it('follows the happy path, skipping states that do not apply', () => {
    expect(nextStatus('pending_approval', 'approve')).toBe('confirmed');
    expect(nextStatus('on_hold', 'release_hold')).toBe('confirmed');
    expect(nextStatus('confirmed', 'start_picking')).toBe('picking');
    expect(nextStatus('picking', 'pack')).toBe('packed');
    expect(nextStatus('packed', 'ship_part')).toBe('partially_shipped');
    expect(nextStatus('partially_shipped', 'ship_rest')).toBe('shipped');
    expect(nextStatus('packed', 'ship_rest')).toBe('shipped');
    expect(nextStatus('shipped', 'deliver')).toBe('delivered');
  });

  it('never leaves an end state', () => {
    const actions: OrderAction[] = [
      'approve',
      'reject',
      'release_hold',
      'start_picking',
      'pack',
      'ship_part',
      'ship_rest',
      'deliver',
      'cancel',
    ];
    for (const status of TERMINAL_STATUSES) {
      for (const action of actions) expect(nextStatus(status, action)).toBeNull();
    }
  });

  it('refuses steps out of order', () => {
    expect(nextStatus('pending_approval', 'start_picking')).toBeNull();
    expect(nextStatus('on_hold', 'approve')).toBeNull();
    expect(nextStatus('confirmed', 'deliver')).toBeNull();
    expect(nextStatus('shipped', 'cancel')).toBeNull();
  });

  it('lets customers cancel until picking starts, staff until something ships', () => {
    const customer = ORDER_STATUSES.filter((status) => mayCancel(status, 'customer'));
    const staff = ORDER_STATUSES.filter((status) => mayCancel(status, 'staff'));
    expect(customer).toEqual(['pending_approval', 'on_hold', 'confirmed']);
    expect(staff).toEqual(['pending_approval', 'on_hold', 'confirmed', 'picking', 'packed']);
  });
});
