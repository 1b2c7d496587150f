import fc from 'fast-check';
import { describeShipCompleteRefusal, shipCompleteDates, shipCompleteRefusal } from './ship-complete';

// Line a: 10 ordered, 4 shipped. Line b: 5 ordered, none shipped.
const a = { id: 'a', sku: 'SKU-A', quantity: 10, shipped: 4 };
const b = { id: 'b', sku: 'SKU-B', quantity: 5, shipped: 0 };

describe('ship complete: one shipment', () => {
  it('lets an order shipped as available go in parts', () => {
    expect(shipCompleteRefusal(false, [a, b], [{ orderLineId: 'a', quantity: 1 }])).toBeNull();
  });

  it('lets a shipment of everything that remains go', () => {
    expect(
      shipCompleteRefusal(
        true,
        [a, b],
        [
          { orderLineId: 'A', quantity: 6 },
          { orderLineId: 'b', quantity: 5 },
        ],
      ),
    ).toBeNull();
  });

  it('refuses a partial shipment, naming what it leaves behind', () => {
    const refusal = shipCompleteRefusal(true, [a, b], [{ orderLineId: 'a', quantity: 6 }]);
    expect(refusal).toEqual({ unitsLeft: 5, lines: [{ id: 'b', sku: 'SKU-B', left: 5 }] });
    expect(refusal && describeShipCompleteRefusal(refusal)).toBe(
      'This shipment would leave 5 units behind: SKU-B (5 left)',
    );
  });

  it('refuses a shipment short on one line of several', () => {
    const refusal = shipCompleteRefusal(
      true,
      [a, b],
      [
        { orderLineId: 'a', quantity: 5 },
        { orderLineId: 'b', quantity: 5 },
      ],
    );
    expect(refusal && describeShipCompleteRefusal(refusal)).toBe(
      'This shipment would leave 1 unit behind: SKU-A (1 left)',
    );
  });

  it('refuses exactly when a unit would stay behind', () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(5), (sendA, sendB) => {
        const refusal = shipCompleteRefusal(
          true,
          [a, b],
          [
            { orderLineId: 'a', quantity: sendA },
            { orderLineId: 'b', quantity: sendB },
          ],
        );
        const left = Math.max(0, 6 - sendA) + Math.max(0, 5 - sendB);
        expect(refusal?.unitsLeft ?? 0).toBe(left);
      }),
    );
  });
});

describe('the one date of a ship-complete order', () => {
  it('is the latest split of all its lines', () => {
    expect(
      shipCompleteDates([
        {
          splits: [
            { qty: 5, shipDate: '2026-03-09', deliveryDate: '2026-03-11', source: 'stock' },
            { qty: 5, shipDate: '2026-03-17', deliveryDate: '2026-03-19', source: 'inbound' },
          ],
        },
        { splits: [{ qty: 2, shipDate: '2026-03-09', deliveryDate: '2026-03-11', source: 'stock' }] },
      ]),
    ).toEqual({ shipDate: '2026-03-17', deliveryDate: '2026-03-19' });
  });

  it('is unknown without any split', () => {
    expect(shipCompleteDates([{ splits: [] }])).toBeNull();
  });
});
