import fc from 'fast-check';
import type { PromiseSplit } from '../availability';
import { splitsAfterShortPick } from './short-pick';

const split = (qty: number, shipDate: string, source: PromiseSplit['source'] = 'stock'): PromiseSplit => ({
  qty,
  shipDate,
  deliveryDate: shipDate,
  source,
});

describe('splitsAfterShortPick', () => {
  it('takes the missing units from the earliest splits and adds the new promise', () => {
    const after = splitsAfterShortPick([split(5, '2027-01-04'), split(3, '2027-01-20', 'inbound')], 2, [
      split(2, '2027-01-25', 'supplier'),
    ]);
    expect(after).toEqual([
      split(3, '2027-01-04'),
      split(3, '2027-01-20', 'inbound'),
      split(2, '2027-01-25', 'supplier'),
    ]);
  });

  it('keeps the line quantity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (qtys, seed) => {
          const splits = qtys.map((qty, i) => split(qty, `2027-01-1${i}`));
          const total = qtys.reduce((a, b) => a + b, 0);
          const missing = (seed % total) + 1;
          const after = splitsAfterShortPick(splits, missing, [split(missing, '2027-02-01', 'supplier')]);
          expect(after.reduce((sum, s) => sum + s.qty, 0)).toBe(total);
          expect(after.every((s) => s.qty > 0)).toBe(true);
        },
      ),
    );
  });
});
