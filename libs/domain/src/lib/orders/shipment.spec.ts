import fc from 'fast-check';
import {
  deliversOrder,
  shipmentProblems,
  shippableQty,
  statusAfterShipment,
  type ShippableLine,
} from './shipment';

// Line a: 10 ordered, 4 shipped, 6 reserved (all that remains is in stock).
// Line b: 5 ordered, none shipped, 2 reserved (3 backordered).
const a: ShippableLine = { id: 'a', quantity: 10, shipped: 4, reserved: 6 };
const b: ShippableLine = { id: 'b', quantity: 5, shipped: 0, reserved: 2 };

describe('what can ship', () => {
  it('is what remains, capped by what is reserved', () => {
    expect(shippableQty(a)).toBe(6); // 10 − 4 = 6 remain, 6 reserved
    expect(shippableQty(b)).toBe(2); // 5 remain, only 2 reserved
    expect(shippableQty({ id: 'c', quantity: 3, shipped: 3, reserved: 0 })).toBe(0);
  });

  it('accepts a shipment within both limits', () => {
    expect(
      shipmentProblems(
        [a, b],
        [
          { orderLineId: 'a', quantity: 6 },
          { orderLineId: 'b', quantity: 2 },
        ],
      ),
    ).toEqual([]);
  });

  it('says per line why it cannot ship', () => {
    expect(
      shipmentProblems(
        [a, b],
        [
          { orderLineId: 'a', quantity: 7 },
          { orderLineId: 'b', quantity: 3 },
          { orderLineId: 'zz', quantity: 1 },
          { orderLineId: 'A', quantity: 1 },
        ],
      ),
    ).toEqual([
      { index: 0, kind: 'conflict', message: 'only 6 of 10 remain to ship' },
      { index: 1, kind: 'conflict', message: 'only 2 are in stock for this line; the rest wait for supply' },
      { index: 2, kind: 'invalid', message: 'is not a line of this order' },
      { index: 3, kind: 'invalid', message: 'names a line already in this shipment' },
    ]);
  });

  it('never lets an accepted shipment take a line past its quantity or its reservation', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 50 }),
      shipped: fc.nat(50),
      reserved: fc.nat(50),
    });
    fc.assert(
      fc.property(line, fc.integer({ min: 1, max: 60 }), (raw, asked) => {
        const l = { id: 'x', ...raw, shipped: Math.min(raw.shipped, raw.quantity) };
        const ok = shipmentProblems([l], [{ orderLineId: 'x', quantity: asked }]).length === 0;
        expect(ok).toBe(asked <= shippableQty(l));
      }),
    );
  });
});

describe('the status after a shipment', () => {
  it('is partially shipped while anything remains, shipped once all has gone', () => {
    expect(statusAfterShipment('packed', [a, b], [{ orderLineId: 'a', quantity: 6 }])).toBe(
      'partially_shipped',
    );
    const done = [a, { ...b, reserved: 5 }];
    expect(
      statusAfterShipment('partially_shipped', done, [
        { orderLineId: 'a', quantity: 6 },
        { orderLineId: 'b', quantity: 5 },
      ]),
    ).toBe('shipped');
  });

  it('refuses orders that may not ship yet or any more', () => {
    for (const status of ['pending_approval', 'on_hold', 'cancelled', 'shipped', 'delivered'] as const) {
      expect(statusAfterShipment(status, [a], [{ orderLineId: 'a', quantity: 1 }])).toBeNull();
    }
  });
});

describe('delivering', () => {
  it('delivers the order once it is fully shipped and every shipment is delivered', () => {
    expect(deliversOrder('shipped', [{ delivered: true }, { delivered: true }])).toBe(true);
    expect(deliversOrder('shipped', [{ delivered: true }, { delivered: false }])).toBe(false);
    expect(deliversOrder('partially_shipped', [{ delivered: true }])).toBe(false);
  });
});
