import fc from 'fast-check';
import { planBackorderFill } from './backorder-fill';

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
