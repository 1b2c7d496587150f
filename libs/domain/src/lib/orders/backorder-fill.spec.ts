import fc from 'fast-check';
import { planBackorderFill, redateFilledBackorder } from './backorder-fill';

describe('filling backorders from arriving units', () => {
  it('fills the oldest order first, as far as the units go', () => {
    // 7 units: the first line takes its 4, the second 3 of its 5, the third none.
    expect(
      planBackorderFill(7, [
        { id: 'oldest', backordered: 4 },
        { id: 'next', backordered: 5 },
        { id: 'newest', backordered: 2 },
      ]),
    ).toEqual([
      { id: 'oldest', qty: 4 },
      { id: 'next', qty: 3 },
    ]);
  });

  it('fills nothing without units or without waiting lines', () => {
    expect(planBackorderFill(0, [{ id: 'a', backordered: 3 }])).toEqual([]);
    expect(planBackorderFill(5, [])).toEqual([]);
  });

  it('never hands out more than arrived, nor more than a line waits for', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.array(fc.nat(20), { maxLength: 10 }), (units, waits) => {
        const lines = waits.map((backordered, i) => ({ id: `l${i}`, backordered }));
        const fills = planBackorderFill(units, lines);
        const total = fills.reduce((sum, fill) => sum + fill.qty, 0);
        expect(total).toBe(
          Math.min(
            units,
            waits.reduce((sum, w) => sum + w, 0),
          ),
        );
        for (const fill of fills) {
          expect(fill.qty).toBeLessThanOrEqual(lines.find((line) => line.id === fill.id)?.backordered ?? 0);
        }
      }),
    );
  });
});

describe('re-dating a line whose backorder filled', () => {
  // Mon 2027-03-01; no holidays; transit 2 business days.
  const settings = {
    timeZone: 'America/Chicago',
    cutoffTime: '14:00',
    handlingDays: 1,
    transitDays: 2,
    holidays: new Set<string>(),
  };
  const splits = [
    { qty: 2, shipDate: '2027-03-02', deliveryDate: '2027-03-04', source: 'stock' as const },
    { qty: 5, shipDate: '2027-03-16', deliveryDate: '2027-03-18', source: 'supplier' as const },
  ];

  it('moves the filled units to the ship date given, keeps the rest', () => {
    expect(redateFilledBackorder(splits, 3, '2027-03-03', settings)).toEqual([
      { qty: 2, shipDate: '2027-03-02', deliveryDate: '2027-03-04', source: 'stock' },
      { qty: 3, shipDate: '2027-03-03', deliveryDate: '2027-03-05', source: 'supplier' },
      { qty: 2, shipDate: '2027-03-16', deliveryDate: '2027-03-18', source: 'supplier' },
    ]);
  });

  it('keeps one split when the whole backorder filled, and the units add up', () => {
    const after = redateFilledBackorder(splits, 5, '2027-03-03', settings);
    expect(after).toHaveLength(2);
    expect(after.reduce((sum, split) => sum + split.qty, 0)).toBe(7);
  });
});
