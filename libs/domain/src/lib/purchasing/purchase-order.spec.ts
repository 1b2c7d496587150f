import { openUnits, receivableLimit, statusAfterChange } from './purchase-order';

describe('purchase order lines', () => {
  it('expects what is neither received nor closed, never below 0', () => {
    expect(openUnits({ quantity: 10, received: 3, closed: 2 })).toBe(5);
    expect(openUnits({ quantity: 10, received: 12, closed: 0 })).toBe(0);
  });

  it('lets a line be received up to its quantity plus the tolerance, rounded down', () => {
    expect(receivableLimit(30, '0')).toBe(30);
    expect(receivableLimit(30, '0.050')).toBe(31);
    expect(receivableLimit(10, '0.1')).toBe(11);
    expect(receivableLimit(7, '1.000')).toBe(14);
    expect(receivableLimit(9, '0.333')).toBe(11);
  });

  it('moves from sent to partially received to received, or closed by a close short', () => {
    expect(statusAfterChange([{ quantity: 5, received: 0, closed: 0 }], 'receipt')).toBe('sent');
    expect(statusAfterChange([{ quantity: 5, received: 2, closed: 0 }], 'receipt')).toBe(
      'partially_received',
    );
    expect(
      statusAfterChange(
        [
          { quantity: 5, received: 5, closed: 0 },
          { quantity: 4, received: 1, closed: 3 },
        ],
        'receipt',
      ),
    ).toBe('received');
    expect(statusAfterChange([{ quantity: 5, received: 2, closed: 3 }], 'close')).toBe('closed');
  });
});
