import type { Cart } from '@tradecounter/contracts';
import { earliestRequestable } from './checkout-facts';

const split = (deliveryDate: string) => ({ qty: 1, shipDate: deliveryDate, deliveryDate, source: 'stock' });
const cart = (lines: string[][], complete: string | null) =>
  ({
    lines: lines.map((dates) => ({ promise: { splits: dates.map(split) } })),
    shipComplete: complete ? { shipDate: complete, deliveryDate: complete } : null,
  }) as unknown as Cart;

describe('earliestRequestable: the date the API accepts', () => {
  const twoLines = cart([['2026-12-10', '2026-12-20'], ['2026-12-12']], '2026-12-20');

  it('is the one date of everything with ship complete', () => {
    expect(earliestRequestable(twoLines, true)).toBe('2026-12-20');
  });

  it('is the first delivery of any line when shipping as available', () => {
    expect(earliestRequestable(twoLines, false)).toBe('2026-12-10');
  });

  it('is nothing for an empty cart', () => {
    expect(earliestRequestable(cart([], null), false)).toBeNull();
  });
});
